package io.tributary.procurement.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.List;

/**
 * Amounts of a purchase order. Unit costs may carry up to four decimals; line amounts keep them, and
 * the total is rounded once, half up, to the currency's minor unit (2 for EUR, 0 for JPY).
 */
public final class OrderAmounts {

    /** Decimals a unit cost may carry. */
    public static final int UNIT_COST_SCALE = 4;

    private OrderAmounts() {
    }

    public static BigDecimal lineAmount(long quantity, BigDecimal unitCost) {
        return unitCost.multiply(BigDecimal.valueOf(quantity));
    }

    /** Sum of {@code quantity x unitCost} over the lines, rounded to the currency. */
    public static BigDecimal total(List<BigDecimal> lineAmounts, Currency currency) {
        BigDecimal sum = lineAmounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
    }
}
