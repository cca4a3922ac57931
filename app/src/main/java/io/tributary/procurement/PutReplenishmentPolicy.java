package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;

/** Create or replace the replenishment policy of one item at one location (see {@link ReplenishmentPolicy}). */
public record PutReplenishmentPolicy(Sku sku, LocationCode location, ReplenishmentMethod method, Long reorderPoint, Long orderUpTo,
                                     Long min, Long max, Integer daysOfCover, BigDecimal serviceLevel, BigDecimal leadTimeDeviationDays,
                                     BigDecimal dailyDemand, BigDecimal dailyDemandDeviation, BigDecimal demandUplift,
                                     boolean roundToPallets) {
}
