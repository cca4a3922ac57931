package io.tributary.procurement;

import io.tributary.shared.DomainException;
import java.util.Map;

/** The person may not approve this purchase order: they created it or last changed it (403). */
public class SegregationOfDuties extends DomainException {

    public SegregationOfDuties(String detail, String rule) {
        super("segregation-of-duties", 403, detail, java.util.List.of(), Map.of("rule", rule));
    }
}
