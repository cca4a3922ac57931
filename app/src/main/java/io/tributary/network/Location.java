package io.tributary.network;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;

/**
 * A stock-holding node as other modules see it. {@code staleAfter} (null: never stale) and
 * {@code staleBufferPercent} describe how far its reported stock can be trusted.
 */
public record Location(UUID id, LocationCode code, String name, LocationType type, String country, String postalCode,
                       BigDecimal latitude, BigDecimal longitude, Set<Capability> capabilities,
                       Integer dailyOrderCapacity, Duration staleAfter, int staleBufferPercent, boolean active,
                       long version) {

    public boolean can(Capability capability) {
        return capabilities.contains(capability);
    }
}
