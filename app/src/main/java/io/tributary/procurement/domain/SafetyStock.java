package io.tributary.procurement.domain;

/**
 * Safety stock against variable demand and variable lead time:
 * {@code SS = z × sqrt(LT × σd² + d² × σLT²)}, with z the standard normal quantile of the service
 * level, LT the lead time in days, d and σd the daily demand rate and its standard deviation, and σLT
 * the standard deviation of the lead time in days. Stock is held in whole units, so it is rounded up.
 */
public final class SafetyStock {

    private SafetyStock() {
    }

    /** z for a service level strictly between 0 and 1 (0.95 → 1.6449). */
    public static double z(double serviceLevel) {
        return InverseNormal.quantile(serviceLevel);
    }

    /** The safety stock before rounding; 0 for a service level at or below one half (z ≤ 0). */
    public static double exact(double z, double leadTimeDays, DemandSignal demand, double leadTimeDeviationDays) {
        if (z <= 0) {
            return 0;
        }
        double d = demand.rate();
        double sd = demand.deviation();
        return z * Math.sqrt(leadTimeDays * sd * sd + d * d * leadTimeDeviationDays * leadTimeDeviationDays);
    }

    /** The safety stock in whole units, rounded up (a hair of floating-point noise is not a unit). */
    public static long units(double exact) {
        return (long) Math.ceil(exact - 1e-9);
    }
}
