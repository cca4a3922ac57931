package io.tributary.receiving.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.receiving.SupplierClaim;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for vendor returns (written once by an inspection release) and supplier claims (written once
 * with their lines; only the status moves on, under a row lock, every move appended).
 */
@Repository
public class JdbcClaims {

    private final JdbcClient jdbc;

    JdbcClaims(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units an inspection sent back to the supplier; {@code purchaseOrderLine} is null for an item not on the order. */
    public record VendorReturn(UUID id, UUID inspection, UUID receipt, UUID purchaseOrder, Integer purchaseOrderLine, Sku sku, LocationCode location,
                               long quantity, Instant at, String actor) {
    }

    /** A claim's own columns. */
    public record Head(UUID id, String supplier, UUID purchaseOrder, String purchaseOrderNumber, UUID receipt, String currency,
                       java.math.BigDecimal amount, String status, String note, Instant createdAt, String createdBy, long version) {
    }

    public void insertReturn(VendorReturn r) {
        jdbc.sql("""
                        insert into vendor_return (id, inspection_id, receipt_id, purchase_order_id, purchase_order_line, sku, location, quantity,
                                                   returned_at, returned_by)
                        values (:id, :inspection, :receipt, :po, :line, :sku, :location, :quantity, :at, :by)""")
                .param("id", r.id()).param("inspection", r.inspection()).param("receipt", r.receipt()).param("po", r.purchaseOrder())
                .param("line", r.purchaseOrderLine()).param("sku", r.sku().value()).param("location", r.location().value())
                .param("quantity", r.quantity()).param("at", Timestamp.from(r.at())).param("by", r.actor())
                .update();
    }

    /** The vendor returns of an inspection that no claim has taken yet, oldest first. */
    public List<VendorReturn> unclaimedReturns(UUID inspection) {
        return jdbc.sql("""
                        select r.* from vendor_return r
                        where r.inspection_id = :id and not exists (select 1 from supplier_claim_line l where l.vendor_return_id = r.id)
                        order by r.returned_at, r.id""")
                .param("id", inspection)
                .query((rs, n) -> new VendorReturn(rs.getObject("id", UUID.class), rs.getObject("inspection_id", UUID.class),
                        rs.getObject("receipt_id", UUID.class), rs.getObject("purchase_order_id", UUID.class),
                        rs.getObject("purchase_order_line", Integer.class), new Sku(rs.getString("sku")), new LocationCode(rs.getString("location")),
                        rs.getLong("quantity"), rs.getTimestamp("returned_at").toInstant(), rs.getString("returned_by")))
                .list();
    }

    /** The claim that already holds a discrepancy, if any. */
    public Optional<UUID> claimOfDiscrepancy(UUID discrepancy) {
        return jdbc.sql("select claim_id from supplier_claim_line where discrepancy_id = :id").param("id", discrepancy).query(UUID.class).optional();
    }

    /** Locks a receipt's row so that claims against one receipt are made one at a time. */
    public void lockReceipt(UUID receipt) {
        jdbc.sql("select id from receipt where id = :id for update").param("id", receipt).query(UUID.class).optional();
    }

    public void insert(Head h, List<SupplierClaim.Line> lines) {
        jdbc.sql("""
                        insert into supplier_claim (id, supplier, purchase_order_id, purchase_order_no, receipt_id, currency, amount, status, note,
                                                    created_at, created_by, version)
                        values (:id, :supplier, :po, :number, :receipt, :currency, :amount, :status, :note, :at, :by, :version)""")
                .param("id", h.id()).param("supplier", h.supplier()).param("po", h.purchaseOrder()).param("number", h.purchaseOrderNumber())
                .param("receipt", h.receipt()).param("currency", h.currency()).param("amount", h.amount()).param("status", h.status())
                .param("note", h.note()).param("at", Timestamp.from(h.createdAt())).param("by", h.createdBy()).param("version", h.version())
                .update();
        for (SupplierClaim.Line l : lines) {
            jdbc.sql("""
                            insert into supplier_claim_line (claim_id, line_no, sku, quantity, unit_cost, amount, discrepancy_id, vendor_return_id)
                            values (:id, :lineNo, :sku, :quantity, :unitCost, :amount, :discrepancy, :vendorReturn)""")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("sku", l.sku().value()).param("quantity", l.quantity())
                    .param("unitCost", l.unitCost()).param("amount", l.amount()).param("discrepancy", l.discrepancy())
                    .param("vendorReturn", l.vendorReturn())
                    .update();
        }
    }

    public Optional<Head> head(UUID id, boolean lock) {
        return jdbc.sql("select * from supplier_claim where id = :id" + (lock ? " for update" : "")).param("id", id).query(JdbcClaims::head).optional();
    }

    public List<SupplierClaim.Line> lines(UUID id) {
        return jdbc.sql("select * from supplier_claim_line where claim_id = :id order by line_no")
                .param("id", id)
                .query((rs, n) -> new SupplierClaim.Line(rs.getInt("line_no"), new Sku(rs.getString("sku")), rs.getLong("quantity"),
                        rs.getBigDecimal("unit_cost"), rs.getBigDecimal("amount"), rs.getObject("discrepancy_id", UUID.class),
                        rs.getObject("vendor_return_id", UUID.class)))
                .list();
    }

    public List<SupplierClaim.Transition> history(UUID id) {
        return jdbc.sql("select from_status, to_status, note, at, actor from supplier_claim_transition where claim_id = :id order by seq")
                .param("id", id)
                .query((rs, n) -> new SupplierClaim.Transition(rs.getString("from_status"), rs.getString("to_status"), rs.getString("note"),
                        rs.getTimestamp("at").toInstant(), rs.getString("actor")))
                .list();
    }

    /** Moves a locked claim on and keeps the move; false when its version moved on. */
    public boolean move(UUID id, String from, String to, String note, long expectedVersion, Instant at, String actor) {
        boolean updated = jdbc.sql("update supplier_claim set status = :to, version = version + 1 where id = :id and version = :expected")
                .param("id", id).param("to", to).param("expected", expectedVersion).update() == 1;
        if (updated) {
            transition(id, from, to, note, at, actor);
        }
        return updated;
    }

    public void transition(UUID id, String from, String to, String note, Instant at, String actor) {
        jdbc.sql("""
                        insert into supplier_claim_transition (claim_id, from_status, to_status, note, at, actor)
                        values (:id, :from, :to, :note, :at, :actor)""")
                .param("id", id).param("from", from).param("to", to).param("note", note).param("at", Timestamp.from(at)).param("actor", actor)
                .update();
    }

    /** Ids of up to {@code rows} claims, newest first, optionally of one supplier and status, strictly before {@code before}. */
    public List<UUID> page(String supplier, String status, UUID before, int rows) {
        return jdbc.sql("""
                        select id from supplier_claim
                        where (cast(:supplier as text) is null or supplier = :supplier)
                          and (cast(:status as text) is null or status = :status)
                          and (cast(:before as uuid) is null or id < :before)
                        order by id desc limit :rows""")
                .param("supplier", supplier).param("status", status).param("before", before).param("rows", rows)
                .query(UUID.class).list();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        return new Head(rs.getObject("id", UUID.class), rs.getString("supplier"), rs.getObject("purchase_order_id", UUID.class),
                rs.getString("purchase_order_no"), rs.getObject("receipt_id", UUID.class), rs.getString("currency").strip(), rs.getBigDecimal("amount"),
                rs.getString("status"), rs.getString("note"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getLong("version"));
    }
}
