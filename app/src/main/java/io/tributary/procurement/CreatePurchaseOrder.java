package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;

/**
 * Create a DRAFT purchase order. {@code currency} null means the supplier's; a line's
 * {@code unitCost} null means the supplier's cost for that item.
 */
public record CreatePurchaseOrder(SupplierCode supplier, LocationCode location, Currency currency, List<Line> lines) {

    public record Line(Sku sku, long quantity, BigDecimal unitCost) {
    }
}
