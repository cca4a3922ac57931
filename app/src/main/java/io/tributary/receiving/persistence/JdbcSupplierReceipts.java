package io.tributary.receiving.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Counts of receipts against a set of purchase orders, for supplier performance (ADR 0020). */
@Repository
public class JdbcSupplierReceipts {

    private final JdbcClient jdbc;

    JdbcSupplierReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Counts(int receipts, int withDiscrepancies) {
    }

    /** Receipts against the orders recorded at or after {@code since}, and how many of them found a discrepancy. */
    public Counts since(List<UUID> orders, Instant since) {
        if (orders.isEmpty()) {
            return new Counts(0, 0);
        }
        return jdbc.sql("""
                        select count(*) receipts,
                               count(*) filter (where exists (select 1 from receipt_discrepancy d where d.receipt_id = r.id)) with_discrepancies
                        from receipt r where r.purchase_order_id = any(:orders) and r.received_at >= :since""")
                .param("orders", orders.toArray(UUID[]::new)).param("since", Timestamp.from(since))
                .query((rs, n) -> new Counts(rs.getInt("receipts"), rs.getInt("with_discrepancies"))).single();
    }
}
