package io.tributary.inventory.domain;

import java.util.List;

/**
 * How many units a channel may sell. Per location: available after reservations (never below
 * zero), less the stale-node buffer when the location's stock is stale (floor of
 * {@code available * (100 - staleBufferPercent) / 100}). Per channel: the locations' sum, less
 * {@code bufferPercent} of it (rounded so the buffer is never smaller than asked), less
 * {@code bufferUnits}, never below zero. A kit at a location is the minimum over its components of
 * {@code floor(component units / units per kit)}, since a kit ships from one place.
 */
public final class AvailabilityPolicy {

    private AvailabilityPolicy() {
    }

    public static long atLocation(long onHand, long reserved, boolean stale, int staleBufferPercent) {
        long available = Math.max(0, onHand - reserved);
        if (stale && staleBufferPercent > 0) {
            available = Math.floorDiv(Math.multiplyExact(available, 100 - staleBufferPercent), 100);
        }
        return available;
    }

    public static long forChannel(long locationsTotal, long bufferUnits, int bufferPercent) {
        long afterPercent = Math.floorDiv(Math.multiplyExact(locationsTotal, 100 - bufferPercent), 100);
        return Math.max(0, afterPercent - bufferUnits);
    }

    /** Kits at one location: {@code perComponent[i]} units available of a component needed {@code perKit[i]} at a time. */
    public static long kits(List<long[]> componentUnitsAndPerKit) {
        long kits = Long.MAX_VALUE;
        for (long[] c : componentUnitsAndPerKit) {
            kits = Math.min(kits, kitsFrom(c[0], c[1]));
        }
        return kits == Long.MAX_VALUE ? 0 : kits;
    }

    /** Whole kits that {@code componentUnits} of one component make when a kit needs {@code perKit} of it. */
    public static long kitsFrom(long componentUnits, long perKit) {
        return Math.max(0, componentUnits) / perKit;
    }
}
