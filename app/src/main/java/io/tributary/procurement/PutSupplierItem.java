package io.tributary.procurement;

import io.tributary.catalog.Sku;
import java.math.BigDecimal;

/** Create or replace one supplier's terms for one item; {@code primary} clears any other supplier's primary flag for the SKU. */
public record PutSupplierItem(SupplierCode supplier, Sku sku, String supplierSku, BigDecimal unitCost, long casePack,
                              long minOrderQuantity, Integer leadTimeDays, boolean primary) {
}
