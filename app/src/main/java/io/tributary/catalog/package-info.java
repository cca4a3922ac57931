/**
 * Catalog: the items the retailer sells and stocks, identified by {@link io.tributary.catalog.Sku}, with
 * their pack hierarchy (each, case, pallet), inspection and lot-tracking flags, and kits (items made of
 * other items, possibly nested, never containing themselves). Other modules read items through the
 * cached {@link io.tributary.catalog.Catalog} and learn about changes from
 * {@link io.tributary.catalog.ItemChanged}; the catalog owns no stock, prices or suppliers.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared"})
package io.tributary.catalog;
