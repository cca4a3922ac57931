package io.tributary.receiving;

import io.tributary.procurement.SupplierCode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * How a supplier delivered over a window of days, computed by {@link SupplierPerformances} from
 * stored facts (ADR 0020). Lines are the supplier's purchase order lines due (promised date, else
 * expected date) from {@code from} to {@code to}; receipts are those recorded against its orders
 * from {@code from} to today. Every rate is a fraction from 0 to 1 with four decimals, null when
 * there is nothing to measure.
 */
public record SupplierPerformance(SupplierCode supplier, int days, LocalDate from, LocalDate to, OnTime onTime, LeadTime leadTime,
                                  FillRate fillRate, Discrepancies discrepancies) {

    /** Acknowledged lines with a confirmed quantity, and those received in full on or before their promised date. */
    public record OnTime(int lines, int onTime, BigDecimal rate) {
    }

    /** Days from sending the order to the receipt that completed a line, over the fully received lines: mean and population variance. */
    public record LeadTime(int lines, BigDecimal meanDays, BigDecimal varianceDays) {
    }

    /** Units received (at most the ordered quantity per line) over units ordered. */
    public record FillRate(long ordered, long received, BigDecimal rate) {
    }

    /** Receipts, and those that found at least one discrepancy. */
    public record Discrepancies(int receipts, int withDiscrepancies, BigDecimal rate) {
    }
}
