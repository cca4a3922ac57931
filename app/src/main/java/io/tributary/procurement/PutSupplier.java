package io.tributary.procurement;

import java.math.BigDecimal;
import java.util.Currency;

/** Create or replace a supplier's terms. */
public record PutSupplier(SupplierCode code, String name, Currency currency, int leadTimeDays, BigDecimal minOrderValue,
                          Long minOrderQuantity, String paymentTerms, String incoterms) {
}
