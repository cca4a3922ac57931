package io.tributary.inventory.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Whether a counted figure is close enough to the book figure to apply without approval: the
 * variance, as a percentage of the book figure, must not exceed the tolerance. A count of zero
 * variance always passes; any variance against a book figure of zero needs approval.
 */
public final class CountTolerance {

    private CountTolerance() {
    }

    public static boolean within(long expected, long counted, BigDecimal tolerancePercent) {
        long variance = counted - expected;
        if (variance == 0) {
            return true;
        }
        if (expected <= 0) {
            return false;
        }
        // |variance| * 100 <= tolerance * expected, in exact decimal arithmetic.
        BigDecimal lhs = BigDecimal.valueOf(Math.abs(variance)).multiply(BigDecimal.valueOf(100));
        BigDecimal rhs = tolerancePercent.multiply(BigDecimal.valueOf(expected));
        return lhs.compareTo(rhs) <= 0;
    }

    /** The variance as a percentage of the book figure, or null when the book figure is zero. */
    public static BigDecimal percent(long expected, long counted) {
        if (expected == 0) {
            return null;
        }
        return BigDecimal.valueOf(counted - expected).multiply(BigDecimal.valueOf(100))
                .divide(BigDecimal.valueOf(expected), 3, RoundingMode.HALF_EVEN);
    }
}
