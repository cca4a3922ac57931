package io.tributary.catalog;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The catalog's public face: items by SKU or id, read through a short-lived cache because every
 * reservation and availability call resolves SKUs. Writes go through the REST API of this module.
 */
public interface Catalog {

    Optional<Item> find(Sku sku);

    Optional<Item> find(UUID id);

    /** Resolves many SKUs at once; unknown SKUs are simply absent from the map. */
    Map<Sku, Item> findAll(Collection<Sku> skus);
}
