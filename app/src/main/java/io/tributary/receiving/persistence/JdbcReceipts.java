package io.tributary.receiving.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.PurchaseOrderStatus;
import io.tributary.receiving.DiscrepancyKind;
import io.tributary.receiving.Inspection;
import io.tributary.receiving.Receipt;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for receipts (written once, with their lines, open lines and discrepancies) and inspections
 * (released under a row lock with an optimistic version, every release appended).
 */
@Repository
public class JdbcReceipts {

    private final JdbcClient jdbc;

    JdbcReceipts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The receipt's own columns. */
    public record Head(UUID id, UUID purchaseOrder, UUID asn, String purchaseOrderNumber, LocationCode location, boolean complete,
                       PurchaseOrderStatus purchaseOrderStatus, String note, Instant receivedAt, String receivedBy) {
    }

    /** An inspection's own columns. */
    public record InspectionRow(UUID id, UUID receipt, UUID transferReceipt, Sku sku, LocationCode location, long quantity, long passed, long failed,
                                long returned, Instant createdAt, long version) {
    }

    public void insert(Head h, List<Receipt.Line> lines, List<Receipt.Open> open, List<Receipt.Discrepancy> discrepancies) {
        jdbc.sql("""
                        insert into receipt (id, purchase_order_id, asn_id, purchase_order_no, location, complete, purchase_order_status, note,
                                             received_at, received_by)
                        values (:id, :po, :asn, :number, :location, :complete, :status, :note, :at, :by)""")
                .param("id", h.id()).param("po", h.purchaseOrder()).param("asn", h.asn()).param("number", h.purchaseOrderNumber())
                .param("location", h.location().value()).param("complete", h.complete()).param("status", h.purchaseOrderStatus().name())
                .param("note", h.note()).param("at", Timestamp.from(h.receivedAt())).param("by", h.receivedBy())
                .update();
        for (Receipt.Line l : lines) {
            jdbc.sql("""
                            insert into receipt_line (receipt_id, line_no, sku, quantity, damaged, lot, expiry, disposition)
                            values (:id, :lineNo, :sku, :quantity, :damaged, :lot, :expiry, :disposition)""")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("sku", l.sku().value()).param("quantity", l.quantity())
                    .param("damaged", l.damaged()).param("lot", l.lot()).param("expiry", l.expiry() == null ? null : Date.valueOf(l.expiry()))
                    .param("disposition", l.disposition())
                    .update();
        }
        for (Receipt.Open o : open) {
            jdbc.sql("insert into receipt_open_line (receipt_id, line_no, sku, expected, received) values (:id, :lineNo, :sku, :expected, :received)")
                    .param("id", h.id()).param("lineNo", o.lineNo()).param("sku", o.sku().value()).param("expected", o.expected())
                    .param("received", o.received())
                    .update();
        }
        for (Receipt.Discrepancy d : discrepancies) {
            jdbc.sql("""
                            insert into receipt_discrepancy (id, receipt_id, kind, sku, expected, quantity, exception_case_id)
                            values (:id, :receipt, :kind, :sku, :expected, :quantity, :case)""")
                    .param("id", d.id()).param("receipt", h.id()).param("kind", d.kind().name()).param("sku", d.sku().value())
                    .param("expected", d.expected()).param("quantity", d.quantity()).param("case", d.exceptionCase())
                    .update();
        }
    }

    public void insertInspection(InspectionRow i) {
        jdbc.sql("""
                        insert into inspection (id, receipt_id, transfer_receipt_id, sku, location, quantity, passed, failed, created_at, version)
                        values (:id, :receipt, :transferReceipt, :sku, :location, :quantity, :passed, :failed, :at, :version)""")
                .param("id", i.id()).param("receipt", i.receipt()).param("transferReceipt", i.transferReceipt()).param("sku", i.sku().value()).param("location", i.location().value())
                .param("quantity", i.quantity()).param("passed", i.passed()).param("failed", i.failed())
                .param("at", Timestamp.from(i.createdAt())).param("version", i.version())
                .update();
    }

    public Optional<Head> head(UUID id) {
        return jdbc.sql("""
                        select id, purchase_order_id, asn_id, purchase_order_no, location, complete, purchase_order_status, note, received_at, received_by
                        from receipt where id = :id""")
                .param("id", id).query(JdbcReceipts::head).optional();
    }

    public List<Receipt.Line> lines(UUID id) {
        return jdbc.sql("select line_no, sku, quantity, damaged, lot, expiry, disposition from receipt_line where receipt_id = :id order by line_no")
                .param("id", id).query((rs, n) -> {
                    Date expiry = rs.getDate("expiry");
                    return new Receipt.Line(rs.getInt("line_no"), new Sku(rs.getString("sku")), rs.getLong("quantity"), rs.getLong("damaged"),
                            rs.getString("lot"), expiry == null ? null : expiry.toLocalDate(), rs.getString("disposition"));
                }).list();
    }

    public List<Receipt.Open> open(UUID id) {
        return jdbc.sql("select line_no, sku, expected, received from receipt_open_line where receipt_id = :id order by line_no")
                .param("id", id).query((rs, n) -> new Receipt.Open(rs.getInt("line_no"), new Sku(rs.getString("sku")), rs.getLong("expected"),
                        rs.getLong("received"), Math.max(0, rs.getLong("expected") - rs.getLong("received")))).list();
    }

    public List<Receipt.Discrepancy> discrepancies(UUID id) {
        return jdbc.sql("select id, kind, sku, expected, quantity, exception_case_id from receipt_discrepancy where receipt_id = :id order by id")
                .param("id", id).query((rs, n) -> new Receipt.Discrepancy(rs.getObject("id", UUID.class),
                        DiscrepancyKind.valueOf(rs.getString("kind")), new Sku(rs.getString("sku")), rs.getObject("expected", Long.class),
                        rs.getLong("quantity"), rs.getObject("exception_case_id", UUID.class))).list();
    }

    /** Ids of up to {@code rows} receipts, newest first, optionally of one purchase order, strictly before {@code before}. */
    public List<UUID> page(UUID purchaseOrder, UUID before, int rows) {
        return jdbc.sql("""
                        select id from receipt
                        where (cast(:po as uuid) is null or purchase_order_id = :po)
                          and (cast(:before as uuid) is null or id < :before)
                        order by id desc limit :rows""")
                .param("po", purchaseOrder).param("before", before).param("rows", rows)
                .query(UUID.class).list();
    }

    /** Good units every receipt of the purchase order took into available stock, per SKU. */
    public Map<Sku, Long> availableReceived(UUID purchaseOrder) {
        Map<Sku, Long> units = new LinkedHashMap<>();
        jdbc.sql("""
                        select l.sku, sum(l.quantity - l.damaged) as units
                        from receipt_line l join receipt r on r.id = l.receipt_id
                        where r.purchase_order_id = :po and l.disposition = 'AVAILABLE'
                        group by l.sku order by l.sku""")
                .param("po", purchaseOrder)
                .query(rs -> {
                    units.put(new Sku(rs.getString("sku")), rs.getLong("units"));
                });
        return units;
    }

    public List<UUID> inspectionsOf(UUID receipt) {
        return jdbc.sql("select id from inspection where receipt_id = :id order by id").param("id", receipt).query(UUID.class).list();
    }

    public List<UUID> inspectionsOfTransferReceipt(UUID transferReceipt) {
        return jdbc.sql("select id from inspection where transfer_receipt_id = :id order by id").param("id", transferReceipt).query(UUID.class).list();
    }

    public Optional<InspectionRow> inspection(UUID id, boolean lock) {
        return jdbc.sql("select id, receipt_id, transfer_receipt_id, sku, location, quantity, passed, failed, returned, created_at, version from inspection where id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id).query((rs, n) -> new InspectionRow(rs.getObject("id", UUID.class), rs.getObject("receipt_id", UUID.class),
                        rs.getObject("transfer_receipt_id", UUID.class), new Sku(rs.getString("sku")), new LocationCode(rs.getString("location")), rs.getLong("quantity"),
                        rs.getLong("passed"), rs.getLong("failed"), rs.getLong("returned"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version")))
                .optional();
    }

    public List<Inspection.Release> releases(UUID inspection) {
        return jdbc.sql("select passed, failed, returned, at, actor from inspection_release where inspection_id = :id order by seq")
                .param("id", inspection).query((rs, n) -> new Inspection.Release(rs.getLong("passed"), rs.getLong("failed"), rs.getLong("returned"),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor"))).list();
    }

    /** Adds a release to a locked inspection; false when its version moved on. */
    public boolean release(UUID id, long passed, long failed, long returned, long expectedVersion, Instant at, String actor) {
        boolean updated = jdbc.sql("""
                        update inspection set passed = passed + :passed, failed = failed + :failed, returned = returned + :returned,
                                              version = version + 1
                        where id = :id and version = :expected""")
                .param("id", id).param("passed", passed).param("failed", failed).param("returned", returned).param("expected", expectedVersion)
                .update() == 1;
        if (updated) {
            jdbc.sql("""
                            insert into inspection_release (inspection_id, passed, failed, returned, at, actor)
                            values (:id, :passed, :failed, :returned, :at, :actor)""")
                    .param("id", id).param("passed", passed).param("failed", failed).param("returned", returned)
                    .param("at", Timestamp.from(at)).param("actor", actor)
                    .update();
        }
        return updated;
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getObject("id", UUID.class), rs.getObject("purchase_order_id", UUID.class), rs.getObject("asn_id", UUID.class),
                rs.getString("purchase_order_no"),
                new LocationCode(rs.getString("location")), rs.getBoolean("complete"),
                PurchaseOrderStatus.valueOf(rs.getString("purchase_order_status")), rs.getString("note"),
                rs.getTimestamp("received_at").toInstant(), rs.getString("received_by"));
    }
}
