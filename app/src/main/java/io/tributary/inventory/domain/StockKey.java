package io.tributary.inventory.domain;

import java.util.UUID;

/**
 * Identifies one balance row: an item at a location. Ordered so every transaction locks balance
 * rows in the same order, which rules out deadlocks between them.
 */
public record StockKey(UUID item, UUID location) implements Comparable<StockKey> {

    @Override
    public int compareTo(StockKey o) {
        int c = item.compareTo(o.item);
        return c != 0 ? c : location.compareTo(o.location);
    }
}
