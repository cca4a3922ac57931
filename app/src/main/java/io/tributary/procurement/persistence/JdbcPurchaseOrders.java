package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.procurement.PurchaseOrderStatus;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.domain.OrderAmounts;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for purchase orders, their lines, approvals and history. A status change is optimistic
 * ({@code where id = ? and version = ?}) on a row the caller has locked; history and approvals are
 * append-only.
 */
@Repository
public class JdbcPurchaseOrders {

    private static final String COLUMNS = """
            id, number, supplier_code, location, currency, status, total, approval_round, required_approvals,
            created_at, created_by, changed_at, changed_by, updated_at, version""";

    private final JdbcClient jdbc;

    JdbcPurchaseOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The purchase order's own columns. */
    public record Head(UUID id, String number, SupplierCode supplier, LocationCode location, Currency currency, PurchaseOrderStatus status,
                       BigDecimal total, int approvalRound, int requiredApprovals, Instant createdAt, String createdBy,
                       Instant changedAt, String changedBy, Instant updatedAt, long version) {
    }

    /** The next order number, e.g. {@code PO-000042}: unique across instances, gaps possible. */
    public String nextNumber() {
        long n = jdbc.sql("select nextval('purchase_order_number_seq')").query(Long.class).single();
        return "PO-%06d".formatted(n);
    }

    public void insert(Head h, List<PurchaseOrder.Line> lines) {
        jdbc.sql("""
                        insert into purchase_order (id, number, supplier_code, location, currency, status, total, approval_round,
                                                    required_approvals, created_at, created_by, changed_at, changed_by, updated_at, version)
                        values (:id, :number, :supplier, :location, :currency, :status, :total, :round, :required,
                                :createdAt, :createdBy, :changedAt, :changedBy, :updatedAt, :version)""")
                .param("id", h.id()).param("number", h.number()).param("supplier", h.supplier().value())
                .param("location", h.location().value()).param("currency", h.currency().getCurrencyCode())
                .param("status", h.status().name()).param("total", h.total()).param("round", h.approvalRound())
                .param("required", h.requiredApprovals()).param("createdAt", Timestamp.from(h.createdAt()))
                .param("createdBy", h.createdBy()).param("changedAt", Timestamp.from(h.changedAt())).param("changedBy", h.changedBy())
                .param("updatedAt", Timestamp.from(h.updatedAt())).param("version", h.version())
                .update();
        for (PurchaseOrder.Line l : lines) {
            jdbc.sql("""
                            insert into purchase_order_line (purchase_order_id, line_no, sku, quantity, unit_cost, expected_date)
                            values (:id, :lineNo, :sku, :quantity, :unitCost, :expected)""")
                    .param("id", h.id()).param("lineNo", l.lineNo()).param("sku", l.sku().value()).param("quantity", l.quantity())
                    .param("unitCost", l.unitCost()).param("expected", Date.valueOf(l.expectedDate()))
                    .update();
        }
    }

    public Optional<Head> head(UUID id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from purchase_order where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(JdbcPurchaseOrders::head).optional();
    }

    public List<PurchaseOrder.Line> lines(UUID id) {
        return jdbc.sql("""
                        select line_no, sku, quantity, unit_cost, expected_date, confirmed_quantity, promised_date
                        from purchase_order_line where purchase_order_id = :id order by line_no""")
                .param("id", id).query((rs, n) -> {
                    BigDecimal unitCost = Amounts.normalise(rs.getBigDecimal("unit_cost"));
                    long quantity = rs.getLong("quantity");
                    Date promised = rs.getDate("promised_date");
                    return new PurchaseOrder.Line(rs.getInt("line_no"), new Sku(rs.getString("sku")), quantity, unitCost,
                            OrderAmounts.lineAmount(quantity, unitCost), rs.getDate("expected_date").toLocalDate(),
                            rs.getObject("confirmed_quantity", Long.class), promised == null ? null : promised.toLocalDate());
                }).list();
    }

    /** Approvals of one round, oldest first. */
    public List<PurchaseOrder.Approval> approvals(UUID id, int round) {
        return jdbc.sql("select approver, at from purchase_order_approval where purchase_order_id = :id and round = :round order by at, approver")
                .param("id", id).param("round", round)
                .query((rs, n) -> new PurchaseOrder.Approval(rs.getString("approver"), rs.getTimestamp("at").toInstant())).list();
    }

    /** Records an approval; false when this person already approved in this round. */
    public boolean addApproval(UUID id, int round, String approver, Instant at) {
        return jdbc.sql("""
                        insert into purchase_order_approval (purchase_order_id, round, approver, at) values (:id, :round, :approver, :at)
                        on conflict do nothing""")
                .param("id", id).param("round", round).param("approver", approver).param("at", Timestamp.from(at)).update() == 1;
    }

    public List<PurchaseOrder.Transition> history(UUID id) {
        return jdbc.sql("select at, actor, event, from_status, to_status, note from purchase_order_history where purchase_order_id = :id order by seq")
                .param("id", id).query((rs, n) -> {
                    String from = rs.getString("from_status");
                    return new PurchaseOrder.Transition(rs.getTimestamp("at").toInstant(), rs.getString("actor"), rs.getString("event"),
                            from == null ? null : PurchaseOrderStatus.valueOf(from), PurchaseOrderStatus.valueOf(rs.getString("to_status")),
                            rs.getString("note"));
                }).list();
    }

    public void appendHistory(UUID id, PurchaseOrder.Transition t) {
        jdbc.sql("""
                        insert into purchase_order_history (purchase_order_id, at, actor, event, from_status, to_status, note)
                        values (:id, :at, :actor, :event, :from, :to, :note)""")
                .param("id", id).param("at", Timestamp.from(t.at())).param("actor", t.actor()).param("event", t.event())
                .param("from", t.from() == null ? null : t.from().name()).param("to", t.to().name()).param("note", t.note())
                .update();
    }

    /** Moves a locked order to {@code h}'s status, round and approvals count; false when its version moved on. */
    public boolean update(Head h, long expectedVersion) {
        return jdbc.sql("""
                        update purchase_order set status = :status, approval_round = :round, required_approvals = :required,
                                                  updated_at = :updatedAt, version = :version
                        where id = :id and version = :expected""")
                .param("id", h.id()).param("status", h.status().name()).param("round", h.approvalRound())
                .param("required", h.requiredApprovals()).param("updatedAt", Timestamp.from(h.updatedAt()))
                .param("version", h.version()).param("expected", expectedVersion)
                .update() == 1;
    }

    public void confirmLine(UUID id, int lineNo, long quantity, LocalDate promisedDate) {
        jdbc.sql("update purchase_order_line set confirmed_quantity = :q, promised_date = :d where purchase_order_id = :id and line_no = :lineNo")
                .param("id", id).param("lineNo", lineNo).param("q", quantity).param("d", Date.valueOf(promisedDate)).update();
    }

    /** Units received so far per line number. */
    public java.util.Map<Integer, Long> received(UUID id) {
        java.util.Map<Integer, Long> received = new java.util.HashMap<>();
        jdbc.sql("select line_no, received_quantity from purchase_order_line where purchase_order_id = :id")
                .param("id", id).query((org.springframework.jdbc.core.RowCallbackHandler) rs ->
                        received.put(rs.getInt("line_no"), rs.getLong("received_quantity")));
        return received;
    }

    /** Adds received units to a line and keeps the receipt itself (when and by which reference) for supplier performance. */
    public void addReceived(UUID id, int lineNo, long quantity, Instant at, String reference) {
        jdbc.sql("update purchase_order_line set received_quantity = received_quantity + :q where purchase_order_id = :id and line_no = :lineNo")
                .param("id", id).param("lineNo", lineNo).param("q", quantity).update();
        jdbc.sql("""
                        insert into purchase_order_line_receipt (purchase_order_id, line_no, quantity, received_at, reference)
                        values (:id, :lineNo, :q, :at, :reference)""")
                .param("id", id).param("lineNo", lineNo).param("q", quantity).param("at", Timestamp.from(at))
                .param("reference", reference).update();
    }

    /** Ids of up to {@code rows} orders, newest first, strictly before {@code before} (null: from the newest). */
    public List<UUID> page(PurchaseOrderStatus status, SupplierCode supplier, UUID before, int rows) {
        return jdbc.sql("""
                        select id from purchase_order
                        where (cast(:status as text) is null or status = :status)
                          and (cast(:supplier as text) is null or supplier_code = :supplier)
                          and (cast(:before as uuid) is null or id < :before)
                        order by id desc limit :rows""")
                .param("status", status == null ? null : status.name()).param("supplier", supplier == null ? null : supplier.value())
                .param("before", before).param("rows", rows)
                .query(UUID.class).list();
    }

    private static Head head(ResultSet rs, int n) throws SQLException {
        Currency currency = Currency.getInstance(rs.getString("currency"));
        return new Head(rs.getObject("id", UUID.class), rs.getString("number"), new SupplierCode(rs.getString("supplier_code")),
                new LocationCode(rs.getString("location")), currency, PurchaseOrderStatus.valueOf(rs.getString("status")),
                rs.getBigDecimal("total").setScale(Math.max(currency.getDefaultFractionDigits(), 0), java.math.RoundingMode.HALF_UP),
                rs.getInt("approval_round"), rs.getInt("required_approvals"), rs.getTimestamp("created_at").toInstant(),
                rs.getString("created_by"), rs.getTimestamp("changed_at").toInstant(), rs.getString("changed_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getLong("version"));
    }
}
