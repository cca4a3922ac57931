package io.tributary.procurement;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.catalog.Sku;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * What one supplier sells one item for and how: its own article number, unit cost (in the supplier's
 * currency), case pack and minimum order quantity in base units, an optional lead time that
 * overrides the supplier's, and whether it is the item's primary supplier (at most one per SKU).
 */
public record SupplierItem(SupplierCode supplier, Sku sku, String supplierSku,
                           @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitCost, long casePack,
                           long minOrderQuantity, Integer leadTimeDays, boolean primary, Instant updatedAt, String updatedBy) {
}
