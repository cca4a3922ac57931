package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierDelivery;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL over purchase order lines and their receipts for supplier performance and missed promised dates (ADR 0020). */
@Repository
public class JdbcSupplierDeliveries {

    /** Orders that reached the supplier and were not cancelled. */
    private static final String SENT_STATUSES = "('SENT', 'ACKNOWLEDGED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CLOSED')";

    private final JdbcClient jdbc;

    JdbcSupplierDeliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Lines of the supplier's sent orders due (promised, else expected) from {@code from} to {@code to} inclusive, with their receipts. */
    public List<SupplierDelivery> due(SupplierCode supplier, LocalDate from, LocalDate to) {
        record Row(UUID po, String number, int lineNo, String sku, long ordered, Long confirmed, LocalDate expected, LocalDate promised,
                   Instant sentAt) {
        }
        List<Row> rows = jdbc.sql("""
                        select l.purchase_order_id, o.number, l.line_no, l.sku, l.quantity, l.confirmed_quantity, l.expected_date,
                               l.promised_date,
                               (select min(h.at) from purchase_order_history h where h.purchase_order_id = o.id and h.event = 'sent') sent_at
                        from purchase_order o join purchase_order_line l on l.purchase_order_id = o.id
                        where o.supplier_code = :supplier and o.status in\s""" + SENT_STATUSES + """
                          and coalesce(l.promised_date, l.expected_date) between :from and :to
                        order by o.number, l.line_no""")
                .param("supplier", supplier.value()).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> {
                    Date promised = rs.getDate("promised_date");
                    java.sql.Timestamp sent = rs.getTimestamp("sent_at");
                    return new Row(rs.getObject("purchase_order_id", UUID.class), rs.getString("number"), rs.getInt("line_no"),
                            rs.getString("sku"), rs.getLong("quantity"), rs.getObject("confirmed_quantity", Long.class),
                            rs.getDate("expected_date").toLocalDate(), promised == null ? null : promised.toLocalDate(),
                            sent == null ? null : sent.toInstant());
                }).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, List<SupplierDelivery.Receipt>> receipts = new HashMap<>();
        jdbc.sql("""
                        select purchase_order_id, line_no, quantity, received_at from purchase_order_line_receipt
                        where purchase_order_id = any(:ids) order by received_at, seq""")
                .param("ids", rows.stream().map(Row::po).distinct().toArray(UUID[]::new))
                .query((RowCallbackHandler) rs -> receipts.computeIfAbsent(rs.getObject("purchase_order_id") + "/" + rs.getInt("line_no"),
                        k -> new ArrayList<>()).add(new SupplierDelivery.Receipt(rs.getLong("quantity"), rs.getTimestamp("received_at").toInstant())));
        return rows.stream().map(r -> new SupplierDelivery(r.po(), r.number(), r.lineNo(), new Sku(r.sku()), r.ordered(), r.confirmed(),
                r.expected(), r.promised(), r.sentAt(), List.copyOf(receipts.getOrDefault(r.po() + "/" + r.lineNo(), List.of())))).toList();
    }

    /** Ids of every order placed with the supplier. */
    public List<UUID> orders(SupplierCode supplier) {
        return jdbc.sql("select id from purchase_order where supplier_code = :supplier order by id")
                .param("supplier", supplier.value()).query(UUID.class).list();
    }

    /** A line whose promised date has passed with units still open. */
    public record Missed(UUID purchaseOrder, String number, SupplierCode supplier, int lineNo, String sku, LocalDate promisedDate,
                         long confirmed, long received) {
    }

    /** Lines of acknowledged or partly received orders promised before {@code today} and not yet fully received. */
    public List<Missed> missed(LocalDate today) {
        return jdbc.sql("""
                        select o.id, o.number, o.supplier_code, l.line_no, l.sku, l.promised_date, l.confirmed_quantity, l.received_quantity
                        from purchase_order_line l join purchase_order o on o.id = l.purchase_order_id
                        where l.promised_date is not null and l.promised_date < :today and l.received_quantity < l.confirmed_quantity
                          and o.status in ('ACKNOWLEDGED', 'PARTIALLY_RECEIVED')
                        order by o.id, l.line_no""")
                .param("today", Date.valueOf(today))
                .query((rs, n) -> new Missed(rs.getObject("id", UUID.class), rs.getString("number"), new SupplierCode(rs.getString("supplier_code")),
                        rs.getInt("line_no"), rs.getString("sku"), rs.getDate("promised_date").toLocalDate(), rs.getLong("confirmed_quantity"),
                        rs.getLong("received_quantity"))).list();
    }
}
