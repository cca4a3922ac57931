package io.tributary.receiving.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.receiving.DiscrepancyKind;
import io.tributary.receiving.Receipt;
import io.tributary.receiving.Transfer;
import io.tributary.receiving.TransferStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for transfer orders, their lines (with what arrived so far) and their receipts. */
@Repository
public class JdbcTransfers {

    private final JdbcClient jdbc;

    JdbcTransfers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A transfer's own columns. */
    public record Head(UUID id, LocationCode from, LocationCode to, TransferStatus status, String note, Instant createdAt, String createdBy,
                       Instant shippedAt, String shippedBy) {
    }

    /** A transfer receipt's own columns. */
    public record ReceiptHead(UUID id, UUID transfer, boolean complete, String note, Instant receivedAt, String receivedBy) {
    }

    public void insert(Head h, List<Transfer.Line> lines) {
        jdbc.sql("""
                        insert into transfer_order (id, from_location, to_location, status, note, created_at, created_by)
                        values (:id, :from, :to, :status, :note, :at, :by)""")
                .param("id", h.id()).param("from", h.from().value()).param("to", h.to().value()).param("status", h.status().name())
                .param("note", h.note()).param("at", Timestamp.from(h.createdAt())).param("by", h.createdBy())
                .update();
        for (Transfer.Line l : lines) {
            jdbc.sql("insert into transfer_line (transfer_id, line_no, sku, quantity) values (:id, :lineNo, :sku, :quantity)")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("sku", l.sku().value()).param("quantity", l.quantity())
                    .update();
        }
    }

    public Optional<Head> head(UUID id, boolean lock) {
        return jdbc.sql("""
                        select id, from_location, to_location, status, note, created_at, created_by, shipped_at, shipped_by
                        from transfer_order where id = :id""" + (lock ? " for update" : ""))
                .param("id", id).query((rs, n) -> {
                    Timestamp shipped = rs.getTimestamp("shipped_at");
                    return new Head(rs.getObject("id", UUID.class), new LocationCode(rs.getString("from_location")),
                            new LocationCode(rs.getString("to_location")), TransferStatus.valueOf(rs.getString("status")), rs.getString("note"),
                            rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), shipped == null ? null : shipped.toInstant(),
                            rs.getString("shipped_by"));
                }).optional();
    }

    public List<Transfer.Line> lines(UUID id) {
        return jdbc.sql("select line_no, sku, quantity, received from transfer_line where transfer_id = :id order by line_no")
                .param("id", id).query((rs, n) -> new Transfer.Line(rs.getInt("line_no"), new Sku(rs.getString("sku")), rs.getLong("quantity"),
                        rs.getLong("received"), Math.max(0, rs.getLong("quantity") - rs.getLong("received")))).list();
    }

    public void status(UUID id, TransferStatus status) {
        jdbc.sql("update transfer_order set status = :status where id = :id").param("id", id).param("status", status.name()).update();
    }

    public void shipped(UUID id, Instant at, String by) {
        jdbc.sql("update transfer_order set status = 'SHIPPED', shipped_at = :at, shipped_by = :by where id = :id")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).update();
    }

    public void addReceived(UUID id, Sku sku, long quantity) {
        jdbc.sql("update transfer_line set received = received + :quantity where transfer_id = :id and sku = :sku")
                .param("id", id).param("sku", sku.value()).param("quantity", quantity).update();
    }

    public void insertReceipt(ReceiptHead h, List<Transfer.ReceiptLine> lines, List<Receipt.Discrepancy> discrepancies) {
        jdbc.sql("""
                        insert into transfer_receipt (id, transfer_id, complete, note, received_at, received_by)
                        values (:id, :transfer, :complete, :note, :at, :by)""")
                .param("id", h.id()).param("transfer", h.transfer()).param("complete", h.complete()).param("note", h.note())
                .param("at", Timestamp.from(h.receivedAt())).param("by", h.receivedBy())
                .update();
        for (Transfer.ReceiptLine l : lines) {
            jdbc.sql("""
                            insert into transfer_receipt_line (receipt_id, line_no, sku, quantity, damaged, disposition)
                            values (:id, :lineNo, :sku, :quantity, :damaged, :disposition)""")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("sku", l.sku().value()).param("quantity", l.quantity())
                    .param("damaged", l.damaged()).param("disposition", l.disposition())
                    .update();
        }
        for (Receipt.Discrepancy d : discrepancies) {
            jdbc.sql("""
                            insert into transfer_discrepancy (id, receipt_id, kind, sku, expected, quantity, exception_case_id)
                            values (:id, :receipt, :kind, :sku, :expected, :quantity, :case)""")
                    .param("id", d.id()).param("receipt", h.id()).param("kind", d.kind().name()).param("sku", d.sku().value())
                    .param("expected", d.expected()).param("quantity", d.quantity()).param("case", d.exceptionCase())
                    .update();
        }
    }

    public List<ReceiptHead> receipts(UUID transfer) {
        return jdbc.sql("""
                        select id, transfer_id, complete, note, received_at, received_by from transfer_receipt
                        where transfer_id = :id order by id""")
                .param("id", transfer).query((rs, n) -> new ReceiptHead(rs.getObject("id", UUID.class), rs.getObject("transfer_id", UUID.class),
                        rs.getBoolean("complete"), rs.getString("note"), rs.getTimestamp("received_at").toInstant(), rs.getString("received_by")))
                .list();
    }

    public List<Transfer.ReceiptLine> receiptLines(UUID receipt) {
        return jdbc.sql("select line_no, sku, quantity, damaged, disposition from transfer_receipt_line where receipt_id = :id order by line_no")
                .param("id", receipt).query((rs, n) -> new Transfer.ReceiptLine(rs.getInt("line_no"), new Sku(rs.getString("sku")),
                        rs.getLong("quantity"), rs.getLong("damaged"), rs.getString("disposition"))).list();
    }

    public List<Receipt.Discrepancy> discrepancies(UUID receipt) {
        return jdbc.sql("select id, kind, sku, expected, quantity, exception_case_id from transfer_discrepancy where receipt_id = :id order by id")
                .param("id", receipt).query((rs, n) -> new Receipt.Discrepancy(rs.getObject("id", UUID.class),
                        DiscrepancyKind.valueOf(rs.getString("kind")), new Sku(rs.getString("sku")), rs.getObject("expected", Long.class),
                        rs.getLong("quantity"), rs.getObject("exception_case_id", UUID.class))).list();
    }
}
