package io.tributary.procurement;

import java.math.BigDecimal;
import java.util.Currency;

/** Create or replace a supplier's terms; {@code ediId} is its X12 interchange id, null when it does not trade by EDI. */
public record PutSupplier(SupplierCode code, String name, Currency currency, int leadTimeDays, BigDecimal minOrderValue,
                          Long minOrderQuantity, String paymentTerms, String incoterms, String ediId) {
}
