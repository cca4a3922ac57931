package io.tributary.integration.domain;

import java.time.Duration;

/**
 * When a failed delivery is tried again: exponential backoff from {@code initial}, doubled per
 * failed attempt and capped at {@code max}, with jitter of plus or minus 20 % so that subscribers
 * coming back after an outage are not hit by every sender in the same instant. After
 * {@code maxAttempts} attempts the delivery is parked. With the defaults (5 s, 15 min, 15 attempts)
 * the attempts span about 1 h 50 min, and never less than about 1 h 30 min, so a subscriber that is
 * down for an hour loses nothing.
 */
public record RetrySchedule(Duration initial, Duration max, int maxAttempts) {

    private static final double JITTER = 0.2;

    public RetrySchedule {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("retry schedule needs 0 < initial <= max and at least one attempt");
        }
    }

    /** Whether a delivery that has failed {@code attempts} times is to be parked instead of retried. */
    public boolean exhausted(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The delay before the next attempt without jitter, after {@code failedAttempts} (1, 2, ...) failures. */
    public Duration nominalDelay(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 40));
        long millis = initial.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }

    /** The delay with jitter; {@code random} is uniform in [0, 1). */
    public Duration delay(int failedAttempts, double random) {
        long nominal = nominalDelay(failedAttempts).toMillis();
        double factor = 1 - JITTER + 2 * JITTER * random;
        return Duration.ofMillis(Math.max(1, Math.round(nominal * factor)));
    }

    /** The time between the first and the last attempt without jitter. */
    public Duration nominalSpan() {
        Duration total = Duration.ZERO;
        for (int failed = 1; failed < maxAttempts; failed++) {
            total = total.plus(nominalDelay(failed));
        }
        return total;
    }
}
