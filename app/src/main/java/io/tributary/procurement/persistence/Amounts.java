package io.tributary.procurement.persistence;

import java.math.BigDecimal;

/** Amounts as read back from {@code numeric(19,4)}: trailing zeros dropped, but never fewer than two decimals. */
final class Amounts {

    private Amounts() {
    }

    static BigDecimal normalise(BigDecimal stored) {
        BigDecimal stripped = stored.stripTrailingZeros();
        return stripped.scale() < 2 ? stored.setScale(2) : stripped;
    }
}
