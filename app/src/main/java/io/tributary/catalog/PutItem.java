package io.tributary.catalog;

import java.util.List;

/**
 * Create or replace the item {@code sku}. An empty {@code components} list makes it a plain stocked
 * item; a non-empty one makes it a kit of those items (in that order).
 */
public record PutItem(Sku sku, String name, int unitsPerCase, int casesPerPallet, boolean inspectionRequired,
                      boolean lotTracked, List<ComponentLine> components) {

    public PutItem {
        components = List.copyOf(components);
    }

    /** {@code quantity} units of {@code sku} per kit. */
    public record ComponentLine(Sku sku, int quantity) {
    }
}
