package io.tributary.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Creates UUIDv7 identifiers (RFC 9562): 48 bits of Unix milliseconds followed by random bits, so
 * ids sort by creation time and index well. Made by the application, never by the database.
 */
public final class Ids {

    // A few independent DRBG generators: one shared generator (or NativePRNG, whose instances share
    // one state) serialises every request that makes an id.
    private static final SecureRandom[] RANDOMS = new SecureRandom[16];

    static {
        for (int i = 0; i < RANDOMS.length; i++) {
            try {
                RANDOMS[i] = SecureRandom.getInstance("DRBG");
            } catch (java.security.NoSuchAlgorithmException e) {
                RANDOMS[i] = new SecureRandom();
            }
        }
    }

    private static volatile Clock clock = Clock.systemUTC();

    private Ids() {
    }

    /** Lets the application's clock drive id timestamps too. */
    public static void useClock(Clock c) {
        clock = c;
    }

    public static UUID newId() {
        long millis = clock.millis();
        SecureRandom random = RANDOMS[(int) (Thread.currentThread().threadId() & (RANDOMS.length - 1))];
        long randA = random.nextLong();
        long randB = random.nextLong();
        long msb = (millis << 16) | 0x7000L | (randA & 0x0FFFL);
        long lsb = (randB & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }
}
