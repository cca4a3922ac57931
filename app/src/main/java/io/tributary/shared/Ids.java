package io.tributary.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds followed by random bits, so
 * ids sort by creation time and index well. Made by the application, never by the database.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static volatile Clock clock = Clock.systemUTC();

    private Ids() {
    }

    /** Lets the application's clock drive id timestamps too. */
    public static void useClock(Clock c) {
        clock = c;
    }

    public static UUID newId() {
        long millis = clock.millis();
        long randA = RANDOM.nextLong();
        long randB = RANDOM.nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
