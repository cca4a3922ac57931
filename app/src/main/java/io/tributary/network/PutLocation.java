package io.tributary.network;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;

/**
 * Create or replace the location {@code code}. {@code latitude} and {@code longitude} come together or
 * not at all; {@code dailyOrderCapacity} null means unlimited; {@code staleAfter} null means its stock
 * never goes stale.
 */
public record PutLocation(LocationCode code, String name, LocationType type, String country, String postalCode,
                          BigDecimal latitude, BigDecimal longitude, Set<Capability> capabilities,
                          Integer dailyOrderCapacity, Duration staleAfter, int staleBufferPercent, boolean active) {
}
