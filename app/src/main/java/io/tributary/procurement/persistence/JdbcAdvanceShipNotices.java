package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.AdvanceShipNotice;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Advance ship notices and their lines (ADR 0019). */
@Repository
public class JdbcAdvanceShipNotices {

    private static final String COLUMNS = "id, purchase_order_id, purchase_order_no, location, shipment_id, expected_at, carrier, status, "
            + "created_at, created_by";

    private final JdbcClient jdbc;

    JdbcAdvanceShipNotices(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A notice's own columns. */
    public record Head(UUID id, UUID purchaseOrder, String purchaseOrderNumber, LocationCode location, String shipmentId, Instant expectedAt,
                       String carrier, String status, Instant createdAt, String createdBy) {
    }

    /** One stored line; {@code received} counts the units receipts took against it. */
    public record Row(int lineNo, int purchaseOrderLine, Sku sku, long quantity, long received, String lot, java.time.LocalDate expiry) {
    }

    public void insert(Head h, List<Row> lines) {
        jdbc.sql("insert into asn (" + COLUMNS + ") values (:id, :po, :number, :location, :shipment, :expected, :carrier, :status, :at, :by)")
                .param("id", h.id()).param("po", h.purchaseOrder()).param("number", h.purchaseOrderNumber())
                .param("location", h.location().value()).param("shipment", h.shipmentId()).param("expected", Timestamp.from(h.expectedAt()))
                .param("carrier", h.carrier()).param("status", h.status()).param("at", Timestamp.from(h.createdAt())).param("by", h.createdBy())
                .update();
        for (Row l : lines) {
            jdbc.sql("""
                            insert into asn_line (asn_id, line_no, po_line_no, sku, quantity, received, lot, expiry)
                            values (:id, :lineNo, :poLine, :sku, :quantity, :received, :lot, :expiry)""")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("poLine", l.purchaseOrderLine()).param("sku", l.sku().value())
                    .param("quantity", l.quantity()).param("received", l.received()).param("lot", l.lot())
                    .param("expiry", l.expiry() == null ? null : Date.valueOf(l.expiry()))
                    .update();
        }
    }

    public Optional<Head> head(UUID id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from asn where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(JdbcAdvanceShipNotices::head).optional();
    }

    public boolean exists(UUID purchaseOrder, String shipmentId) {
        return jdbc.sql("select count(*) from asn where purchase_order_id = :po and shipment_id = :shipment")
                .param("po", purchaseOrder).param("shipment", shipmentId).query(Long.class).single() > 0;
    }

    public List<Row> lines(UUID id) {
        return jdbc.sql("select line_no, po_line_no, sku, quantity, received, lot, expiry from asn_line where asn_id = :id order by line_no")
                .param("id", id).query((rs, n) -> {
                    Date expiry = rs.getDate("expiry");
                    return new Row(rs.getInt("line_no"), rs.getInt("po_line_no"), new Sku(rs.getString("sku")), rs.getLong("quantity"),
                            rs.getLong("received"), rs.getString("lot"), expiry == null ? null : expiry.toLocalDate());
                }).list();
    }

    /** Units in transit per purchase order line: shipped on notices not yet RECEIVED, less what those notices have received. */
    public Map<Integer, Long> inTransit(UUID purchaseOrder) {
        Map<Integer, Long> result = new java.util.HashMap<>();
        jdbc.sql("""
                        select l.po_line_no, sum(greatest(l.quantity - l.received, 0)) as units
                        from asn a join asn_line l on l.asn_id = a.id
                        where a.purchase_order_id = :po and a.status <> 'RECEIVED'
                        group by l.po_line_no""")
                .param("po", purchaseOrder)
                .query((RowCallbackHandler) rs -> result.put(rs.getInt("po_line_no"), rs.getLong("units")));
        return result;
    }

    public void addReceived(UUID id, int lineNo, long quantity) {
        jdbc.sql("update asn_line set received = received + :q where asn_id = :id and line_no = :lineNo")
                .param("id", id).param("lineNo", lineNo).param("q", quantity).update();
    }

    public void setStatus(UUID id, String status) {
        jdbc.sql("update asn set status = :status where id = :id").param("id", id).param("status", status).update();
    }

    /** Ids of up to {@code rows} notices, newest first, optionally of one order, strictly before {@code before}. */
    public List<UUID> page(UUID purchaseOrder, UUID before, int rows) {
        return jdbc.sql("""
                        select id from asn
                        where (cast(:po as uuid) is null or purchase_order_id = :po)
                          and (cast(:before as uuid) is null or id < :before)
                        order by id desc limit :rows""")
                .param("po", purchaseOrder).param("before", before).param("rows", rows)
                .query(UUID.class).list();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getObject("id", UUID.class), rs.getObject("purchase_order_id", UUID.class), rs.getString("purchase_order_no"),
                new LocationCode(rs.getString("location")), rs.getString("shipment_id"), rs.getTimestamp("expected_at").toInstant(),
                rs.getString("carrier"), rs.getString("status"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"));
    }
}
