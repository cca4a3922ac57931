package io.tributary.catalog;

import java.util.UUID;

/**
 * An item was created or changed; {@code version} is its new version. Published by the catalog in the
 * transaction of the change. Kits whose components changed are not announced separately: a consumer
 * caching exploded kits should drop them on any {@code ItemChanged}.
 */
public record ItemChanged(UUID itemId, Sku sku, long version) {
}
