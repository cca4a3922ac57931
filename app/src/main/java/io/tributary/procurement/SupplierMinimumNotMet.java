package io.tributary.procurement;

import io.tributary.shared.DomainException;
import java.util.Map;

/** A purchase order below the supplier's minimum order value or quantity cannot be submitted (409). */
public class SupplierMinimumNotMet extends DomainException {

    public SupplierMinimumNotMet(String rule, String detail, Object minimum, Object actual) {
        super("supplier-minimum-not-met", 409, detail, java.util.List.of(),
                Map.of("rule", rule, "minimum", minimum.toString(), "actual", actual.toString()));
    }
}
