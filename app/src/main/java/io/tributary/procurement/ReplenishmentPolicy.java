package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The planner's rule for replenishing one item at one location. Only the levels of its
 * {@link ReplenishmentMethod} are set: {@code reorderPoint} and {@code orderUpTo} for REORDER_POINT,
 * {@code min} and {@code max} for MIN_MAX, {@code daysOfCover} for DAYS_OF_COVER. {@code serviceLevel}
 * (e.g. 0.95, null for none) sizes the safety stock; {@code leadTimeDeviationDays} is the standard
 * deviation of the supplier's lead time the safety stock allows for (0 when unknown);
 * {@code roundToPallets} rounds proposals up to whole pallets of the supplier's cases.
 * {@code dailyDemand} and {@code dailyDemandDeviation} are the planner's demand rate in units per day
 * and its standard deviation; when {@code dailyDemand} is null the run plans with the location's
 * recent sales instead (ADR 0015). {@code demandUplift} (1 when not set) is the planner's seasonality or
 * promotion factor: it multiplies the daily demand, whichever its source.
 */
public record ReplenishmentPolicy(Sku sku, LocationCode location, ReplenishmentMethod method, Long reorderPoint, Long orderUpTo,
                                  Long min, Long max, Integer daysOfCover, BigDecimal serviceLevel, BigDecimal leadTimeDeviationDays,
                                  BigDecimal dailyDemand, BigDecimal dailyDemandDeviation, BigDecimal demandUplift,
                                  boolean roundToPallets, long version, Instant updatedAt, String updatedBy) {
}
