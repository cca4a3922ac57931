package io.tributary.procurement.domain;

/**
 * The daily demand a replenishment decision plans for: a recency-weighted mean {@code rate} of units
 * per day and the weighted standard {@code deviation} around it, over {@code days} days of history.
 * <p>
 * Weights are linear in recency: of n days, oldest first, day i (1..n) weighs i, so yesterday counts
 * n times as much as the first day of the window. With w the weights and x the daily units,
 * {@code rate = Σwx / Σw} and {@code deviation = sqrt(Σw(x - rate)² / Σw)}. Days without sales are
 * zeros in the history, not gaps.
 */
public record DemandSignal(double rate, double deviation, int days) {

    public static final DemandSignal NONE = new DemandSignal(0, 0, 0);

    public DemandSignal {
        if (rate < 0 || deviation < 0 || days < 0) {
            throw new IllegalArgumentException("demand must not be negative");
        }
    }

    /** The signal of a daily history, oldest day first. An empty history is no demand. */
    public static DemandSignal weighted(long[] dailyUnits) {
        int n = dailyUnits.length;
        if (n == 0) {
            return NONE;
        }
        double weights = 0;
        double sum = 0;
        for (int i = 0; i < n; i++) {
            weights += i + 1;
            sum += (i + 1) * (double) dailyUnits[i];
        }
        double mean = sum / weights;
        double squares = 0;
        for (int i = 0; i < n; i++) {
            double d = dailyUnits[i] - mean;
            squares += (i + 1) * d * d;
        }
        return new DemandSignal(mean, Math.sqrt(squares / weights), n);
    }
}
