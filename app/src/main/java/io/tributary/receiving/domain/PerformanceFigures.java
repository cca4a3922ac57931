package io.tributary.receiving.domain;

import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierDelivery;
import io.tributary.receiving.SupplierPerformance;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The supplier performance figures of ADR 0020 as one function of the facts: purchase order lines
 * with their receipts, and the count of receipts with and without discrepancies. Days are taken in
 * {@code zone}.
 */
public final class PerformanceFigures {

    private static final int RATE_SCALE = 4;
    private static final int DAYS_SCALE = 2;

    private PerformanceFigures() {
    }

    public static SupplierPerformance of(SupplierCode supplier, int days, LocalDate from, LocalDate to, List<SupplierDelivery> lines,
                                         int receipts, int withDiscrepancies, ZoneId zone) {
        int promised = 0;
        int onTime = 0;
        long ordered = 0;
        long filled = 0;
        List<Long> leadTimes = new ArrayList<>();
        for (SupplierDelivery l : lines) {
            LocalDate completed = completedOn(l, zone);
            if (l.promisedDate() != null && l.expected() > 0) {
                promised++;
                if (completed != null && !completed.isAfter(l.promisedDate())) {
                    onTime++;
                }
            }
            if (completed != null && l.sentAt() != null && l.expected() > 0) {
                leadTimes.add(ChronoUnit.DAYS.between(l.sentAt().atZone(zone).toLocalDate(), completed));
            }
            ordered += l.ordered();
            filled += Math.min(l.received(), l.ordered());
        }
        return new SupplierPerformance(supplier, days, from, to,
                new SupplierPerformance.OnTime(promised, onTime, rate(onTime, promised)),
                leadTime(leadTimes),
                new SupplierPerformance.FillRate(ordered, filled, rate(filled, ordered)),
                new SupplierPerformance.Discrepancies(receipts, withDiscrepancies, rate(withDiscrepancies, receipts)));
    }

    /** The day the receipts first reached the quantity the supplier owes on the line, or null while they have not. */
    static LocalDate completedOn(SupplierDelivery l, ZoneId zone) {
        long sum = 0;
        for (SupplierDelivery.Receipt r : l.receipts()) {
            sum += r.quantity();
            if (sum >= l.expected()) {
                return r.at().atZone(zone).toLocalDate();
            }
        }
        return null;
    }

    static SupplierPerformance.LeadTime leadTime(List<Long> days) {
        if (days.isEmpty()) {
            return new SupplierPerformance.LeadTime(0, null, null);
        }
        BigDecimal n = BigDecimal.valueOf(days.size());
        BigDecimal sum = BigDecimal.ZERO;
        for (long d : days) {
            sum = sum.add(BigDecimal.valueOf(d));
        }
        // Exact arithmetic on the unrounded mean; only the results are rounded.
        BigDecimal squares = BigDecimal.ZERO;
        for (long d : days) {
            BigDecimal deviation = BigDecimal.valueOf(d).multiply(n).subtract(sum);
            squares = squares.add(deviation.multiply(deviation));
        }
        BigDecimal variance = squares.divide(n.pow(3), DAYS_SCALE, RoundingMode.HALF_UP);
        return new SupplierPerformance.LeadTime(days.size(), sum.divide(n, DAYS_SCALE, RoundingMode.HALF_UP), variance);
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), RATE_SCALE, RoundingMode.HALF_UP);
    }
}
