package io.tributary.receiving;

import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierDeliveries;
import io.tributary.procurement.SupplierDelivery;
import io.tributary.receiving.domain.PerformanceFigures;
import io.tributary.receiving.persistence.JdbcSupplierReceipts;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier performance over the last {@code days} days (ADR 0020): delivery facts come from
 * procurement ({@link SupplierDeliveries}), receipt discrepancies from this module's receipts; the
 * figures are {@link PerformanceFigures}. Lines count when their due date lies from {@code days}
 * days ago to yesterday, so a line due today is never judged before the day is over.
 */
@Service
public class SupplierPerformances {

    public static final int DEFAULT_DAYS = 90;
    public static final int MAX_DAYS = 3650;

    private final SupplierDeliveries deliveries;
    private final JdbcSupplierReceipts receipts;
    private final Clock clock;

    SupplierPerformances(SupplierDeliveries deliveries, JdbcSupplierReceipts receipts, Clock clock) {
        this.deliveries = deliveries;
        this.receipts = receipts;
        this.clock = clock;
    }

    /** The supplier's figures; 400 on {@code days} outside 1 to 3650, 404 for an unknown supplier. */
    @Transactional(readOnly = true)
    public SupplierPerformance of(SupplierCode supplier, Integer days) {
        int window = days == null ? DEFAULT_DAYS : days;
        if (window < 1 || window > MAX_DAYS) {
            throw new ValidationFailed("days", "must be from 1 to " + MAX_DAYS);
        }
        LocalDate today = LocalDate.now(clock);
        LocalDate from = today.minusDays(window);
        LocalDate to = today.minusDays(1);
        List<SupplierDelivery> lines = deliveries.due(supplier, from, to);
        JdbcSupplierReceipts.Counts counts = receipts.since(deliveries.orders(supplier), from.atStartOfDay(clock.getZone()).toInstant());
        return PerformanceFigures.of(supplier, window, from, to, lines, counts.receipts(), counts.withDiscrepancies(), clock.getZone());
    }
}
