package io.tributary.procurement;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;

/**
 * A supplier and its default commercial terms. {@code minOrderValue} (in the supplier's currency)
 * and {@code minOrderQuantity} (total units, null for none) are checked when a purchase order is
 * submitted; {@code leadTimeDays} applies to items without their own lead time. {@code ediId} is the
 * supplier's X12 interchange id (ISA08 of what we send it), null when it does not trade by EDI.
 */
public record Supplier(SupplierCode code, String name, Currency currency, int leadTimeDays, BigDecimal minOrderValue,
                       Long minOrderQuantity, String paymentTerms, String incoterms, String ediId, long version,
                       Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
