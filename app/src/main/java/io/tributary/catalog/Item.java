package io.tributary.catalog;

import java.util.List;
import java.util.UUID;

/**
 * An item as other modules see it. A kit has components and no stock of its own: its stock is
 * its components' stock. {@link #explodedComponents()} flattens nested kits down to stocked items,
 * multiplying quantities, with repeated items summed.
 */
public record Item(UUID id, Sku sku, String name, int unitsPerCase, int casesPerPallet,
                   boolean inspectionRequired, boolean lotTracked, List<Component> components,
                   List<Component> explodedComponents, long version) {

    public boolean isKit() {
        return !components.isEmpty();
    }

    /** One component of a kit: {@code quantity} base units of {@code sku} per kit. */
    public record Component(UUID itemId, Sku sku, long quantity) {
    }
}
