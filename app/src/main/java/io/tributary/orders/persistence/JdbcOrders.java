package io.tributary.orders.persistence;

import io.tributary.orders.HoldReason;
import io.tributary.orders.OrderStatus;
import io.tributary.shared.db.HistoryRows;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the orders module: orders, lines, allocations and history. An order is changed only
 * after {@link #lock} and with its version checked, so concurrent changes serialise per order.
 */
@Repository
public class JdbcOrders {

    private static final String HEAD = """
            select id, channel, external_id, status, placed_at, currency, customer::text, ship_to::text, delivery_method,
                   pickup_location, service_level, payment_status, fraud_flag, holds, total,
                   created_at, created_by, version
            from sales_order""";

    private final JdbcClient jdbc;

    JdbcOrders(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An order's head row; {@code customer} and {@code shipTo} are JSON text. */
    public record Head(UUID id, String channel, String externalId, OrderStatus status, Instant placedAt, String currency,
                       String customer, String shipTo, String deliveryMethod, String pickupLocation, String serviceLevel,
                       String paymentStatus, boolean fraudFlag, List<HoldReason> holds, BigDecimal total,
                       Instant createdAt, String createdBy, long version) {
    }

    /**
     * A line's counters: units allocated (held by fulfilments not yet shipped), backordered,
     * cancelled, shipped and, of those, delivered.
     */
    public record LineRow(String lineId, int position, String sku, long quantity, BigDecimal unitPrice, long allocated,
                          long backordered, long cancelled, long shipped, long delivered) {

        /** Units that still need a node: neither cancelled, nor held by a fulfilment, nor shipped. */
        public long unplaced() {
            return quantity - cancelled - allocated - shipped;
        }

        public LineRow with(long allocated, long backordered, long cancelled, long shipped, long delivered) {
            return new LineRow(lineId, position, sku, quantity, unitPrice, allocated, backordered, cancelled, shipped, delivered);
        }
    }

    /**
     * Inserts a new order with its lines, in one statement, unless the channel already has one with
     * this external id; true when inserted (the lines are written only then).
     */
    public boolean insert(Head h, String customerEmail, Instant now, List<LineRow> lines) {
        return jdbc.sql("""
                with o as (
                    insert into sales_order (id, channel, external_id, status, placed_at, currency, customer_email, customer, ship_to,
                        delivery_method, pickup_location, service_level, payment_status, fraud_flag, holds, total,
                        created_at, created_by, updated_at, version)
                    values (:id, :channel, :ext, :status, :placed, :currency, :email, :customer::jsonb, :shipTo::jsonb, :method, :pickup,
                        :level, :payment, :fraud, :holds::text[], :total, :now, :by, :now, 0)
                    on conflict (channel, external_id) do nothing
                    returning id),
                l as (
                    insert into sales_order_line (order_id, line_id, position, sku, quantity, unit_price)
                    select o.id, t.l, t.p, t.s, t.q, t.u
                    from o, unnest(:l::text[], :p::int[], :s::text[], :q::bigint[], :u::numeric[]) as t(l, p, s, q, u))
                select count(*) from o""")
                .param("id", h.id()).param("channel", h.channel()).param("ext", h.externalId()).param("status", h.status().name())
                .param("placed", Timestamp.from(h.placedAt())).param("currency", h.currency()).param("email", customerEmail)
                .param("customer", h.customer()).param("shipTo", h.shipTo()).param("method", h.deliveryMethod())
                .param("pickup", h.pickupLocation()).param("level", h.serviceLevel()).param("payment", h.paymentStatus())
                .param("fraud", h.fraudFlag()).param("holds", h.holds().stream().map(Enum::name).toArray(String[]::new))
                .param("total", h.total()).param("now", Timestamp.from(now)).param("by", h.createdBy())
                .param("l", lines.stream().map(LineRow::lineId).toArray(String[]::new))
                .param("p", lines.stream().map(LineRow::position).toArray(Integer[]::new))
                .param("s", lines.stream().map(LineRow::sku).toArray(String[]::new))
                .param("q", lines.stream().map(LineRow::quantity).toArray(Long[]::new))
                .param("u", lines.stream().map(LineRow::unitPrice).toArray(BigDecimal[]::new))
                .query(Long.class).single() == 1;
    }

    /**
     * The end of a change of a locked order, in one statement: the lines' counters, the head
     * (status, holds; fails unless {@code version} is current) and the transitions, in list order.
     */
    public void settle(UUID id, java.util.Collection<LineRow> lines, OrderStatus status, List<HoldReason> holds, long version,
                       Instant now, List<Transition> transitions) {
        int n = jdbc.sql("""
                with l as (
                    update sales_order_line x set allocated = t.a, backordered = t.b, cancelled = t.c, shipped = t.s, delivered = t.d
                    from unnest(:l::text[], :a::bigint[], :b::bigint[], :c::bigint[], :sh::bigint[], :d::bigint[]) as t(l, a, b, c, s, d)
                    where x.order_id = :id and x.line_id = t.l),
                h as (
                    insert into sales_order_history (order_id, at, actor, event, from_status, to_status, note)
                    select :id, at, actor, event, from_status, to_status, note
                    from unnest(:at::timestamptz[], :actor::text[], :event::text[], :from::text[], :to::text[], :note::text[])
                         with ordinality as t(at, actor, event, from_status, to_status, note, n)
                    order by n)
                update sales_order set status = :status, holds = :holds::text[], updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("id", id)
                .param("l", lines.stream().map(LineRow::lineId).toArray(String[]::new))
                .param("a", lines.stream().map(LineRow::allocated).toArray(Long[]::new))
                .param("b", lines.stream().map(LineRow::backordered).toArray(Long[]::new))
                .param("c", lines.stream().map(LineRow::cancelled).toArray(Long[]::new))
                .param("sh", lines.stream().map(LineRow::shipped).toArray(Long[]::new))
                .param("d", lines.stream().map(LineRow::delivered).toArray(Long[]::new))
                .param("at", transitions.stream().map(t -> Timestamp.from(t.at())).toArray(Timestamp[]::new))
                .param("actor", transitions.stream().map(Transition::actor).toArray(String[]::new))
                .param("event", transitions.stream().map(Transition::event).toArray(String[]::new))
                .param("from", transitions.stream().map(t -> t.from() == null ? null : t.from().name()).toArray(String[]::new))
                .param("to", transitions.stream().map(t -> t.to().name()).toArray(String[]::new))
                .param("note", transitions.stream().map(Transition::note).toArray(String[]::new))
                .param("status", status.name()).param("holds", holds.stream().map(Enum::name).toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("v", version)
                .update();
        if (n != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("order " + id + " changed concurrently");
        }
    }

    public Optional<UUID> idOf(String channel, String externalId) {
        return jdbc.sql("select id from sales_order where channel = :c and external_id = :e")
                .param("c", channel).param("e", externalId).query(UUID.class).optional();
    }

    /** True when any order carries this customer e-mail. */
    public boolean knownCustomer(String email) {
        return jdbc.sql("select exists (select 1 from sales_order where customer_email = :e)")
                .param("e", email).query(Boolean.class).single();
    }

    public Optional<Head> head(UUID id) {
        return jdbc.sql(HEAD + " where id = :id").param("id", id).query(JdbcOrders::head).optional();
    }

    /** The head locked for update: every change of an order starts here. */
    public Optional<Head> lock(UUID id) {
        return jdbc.sql(HEAD + " where id = :id for update").param("id", id).query(JdbcOrders::head).optional();
    }

    public List<LineRow> lines(UUID order) {
        return jdbc.sql("""
                select line_id, position, sku, quantity, unit_price, allocated, backordered, cancelled, shipped, delivered
                from sales_order_line where order_id = :o order by position""")
                .param("o", order)
                .query((rs, i) -> new LineRow(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getLong(4), rs.getBigDecimal(5),
                        rs.getLong(6), rs.getLong(7), rs.getLong(8), rs.getLong(9), rs.getLong(10)))
                .list();
    }

    /** Writes the counters of several lines in one statement. */
    public void updateLines(UUID order, java.util.Collection<LineRow> lines) {
        if (lines.isEmpty()) {
            return;
        }
        jdbc.sql("""
                update sales_order_line l set allocated = t.a, backordered = t.b, cancelled = t.c, shipped = t.s, delivered = t.d
                from unnest(:l::text[], :a::bigint[], :b::bigint[], :c::bigint[], :s::bigint[], :d::bigint[]) as t(l, a, b, c, s, d)
                where l.order_id = :o and l.line_id = t.l""")
                .param("o", order)
                .param("l", lines.stream().map(LineRow::lineId).toArray(String[]::new))
                .param("a", lines.stream().map(LineRow::allocated).toArray(Long[]::new))
                .param("b", lines.stream().map(LineRow::backordered).toArray(Long[]::new))
                .param("c", lines.stream().map(LineRow::cancelled).toArray(Long[]::new))
                .param("s", lines.stream().map(LineRow::shipped).toArray(Long[]::new))
                .param("d", lines.stream().map(LineRow::delivered).toArray(Long[]::new))
                .update();
    }

    public void updateLine(UUID order, LineRow l) {
        jdbc.sql("""
                update sales_order_line set allocated = :a, backordered = :b, cancelled = :c, shipped = :s, delivered = :d
                where order_id = :o and line_id = :l""")
                .param("a", l.allocated()).param("b", l.backordered()).param("c", l.cancelled()).param("s", l.shipped())
                .param("d", l.delivered())
                .param("o", order).param("l", l.lineId())
                .update();
    }

    /** Nodes that gave lines of this order back. */
    public Set<String> declined(UUID order) {
        String[] codes = jdbc.sql("select declined_locations from sales_order where id = :o").param("o", order)
                .query((rs, i) -> (String[]) rs.getArray(1).getArray()).single();
        return Set.of(codes);
    }

    public void decline(UUID order, String location) {
        jdbc.sql("""
                update sales_order set declined_locations = array_append(declined_locations, :loc)
                where id = :o and not (:loc = any(declined_locations))""")
                .param("o", order).param("loc", location).update();
    }

    /** Writes the head's mutable part; fails unless {@code version} is current. */
    public void updateHead(UUID id, OrderStatus status, List<HoldReason> holds, long version, Instant now) {
        int n = jdbc.sql("""
                update sales_order set status = :status, holds = :holds::text[], updated_at = :now,
                       version = version + 1
                where id = :id and version = :v""")
                .param("status", status.name()).param("holds", holds.stream().map(Enum::name).toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("id", id).param("v", version)
                .update();
        if (n != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("order " + id + " changed concurrently");
        }
    }

    /** A transition to record. */
    public record Transition(Instant at, String actor, String event, OrderStatus from, OrderStatus to, String note) {
    }

    /** Records several transitions of one order in one statement, in list order. */
    public void history(UUID order, List<Transition> rows) {
        if (rows.size() == 1) {
            Transition t = rows.get(0);
            history(order, t.at(), t.actor(), t.event(), t.from(), t.to(), t.note());
            return;
        }
        jdbc.sql("""
                insert into sales_order_history (order_id, at, actor, event, from_status, to_status, note)
                select :o, at, actor, event, from_status, to_status, note
                from unnest(:at::timestamptz[], :actor::text[], :event::text[], :from::text[], :to::text[], :note::text[])
                     with ordinality as t(at, actor, event, from_status, to_status, note, n)
                order by n""")
                .param("o", order)
                .param("at", rows.stream().map(t -> Timestamp.from(t.at())).toArray(Timestamp[]::new))
                .param("actor", rows.stream().map(Transition::actor).toArray(String[]::new))
                .param("event", rows.stream().map(Transition::event).toArray(String[]::new))
                .param("from", rows.stream().map(t -> t.from() == null ? null : t.from().name()).toArray(String[]::new))
                .param("to", rows.stream().map(t -> t.to().name()).toArray(String[]::new))
                .param("note", rows.stream().map(Transition::note).toArray(String[]::new))
                .update();
    }

    public void history(UUID order, Instant at, String actor, String event, OrderStatus from, OrderStatus to, String note) {
        jdbc.sql("""
                insert into sales_order_history (order_id, at, actor, event, from_status, to_status, note)
                values (:o, :at, :actor, :event, :from, :to, :note)""")
                .param("o", order).param("at", Timestamp.from(at)).param("actor", actor).param("event", event)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note)
                .update();
    }

    public List<Map<String, Object>> history(UUID order) {
        return jdbc.sql("select " + HistoryRows.COLUMNS + " from sales_order_history where order_id = :o order by seq")
                .param("o", order).query(HistoryRows.MAPPER).list();
    }

    /** An order waiting for stock, and when it was placed (the key to page on). */
    public record Waiting(UUID id, Instant placedAt) {
    }

    /**
     * A page of orders waiting for stock of any of these SKUs (all SKUs when null), oldest order
     * first, after {@code after} when given: not held, not cancelled, with a backordered line.
     */
    public List<Waiting> backorderedFor(java.util.Collection<String> skus, Waiting after, int limit) {
        return jdbc.sql("""
                select o.id, o.placed_at from sales_order o
                where o.status not in ('HELD', 'CANCELLED')
                  and o.id in (select l.order_id from sales_order_line l
                               where l.backordered > 0 and (cast(:skus as text[]) is null or l.sku = any(:skus)))
                  and (cast(:afterAt as timestamptz) is null or (o.placed_at, o.id) > (cast(:afterAt as timestamptz), cast(:afterId as uuid)))
                order by o.placed_at, o.id limit :n""")
                .param("skus", skus == null ? null : skus.toArray(String[]::new))
                .param("afterAt", after == null ? null : Timestamp.from(after.placedAt()))
                .param("afterId", after == null ? null : after.id())
                .param("n", limit)
                .query((rs, i) -> new Waiting(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant()))
                .list();
    }

    /** A page of order ids, newest first (ids are time-ordered), after {@code before} when given. */
    public List<UUID> page(String channel, OrderStatus status, UUID before, int limit) {
        return jdbc.sql("""
                select id from sales_order
                where (cast(:c as text) is null or channel = :c) and (cast(:s as text) is null or status = :s)
                  and (cast(:b as uuid) is null or id < :b)
                order by id desc limit :n""")
                .param("c", channel).param("s", status == null ? null : status.name()).param("b", before).param("n", limit)
                .query(UUID.class).list();
    }

    private static Head head(ResultSet rs, int i) throws SQLException {
        Array holds = rs.getArray(14);
        List<HoldReason> reasons = new ArrayList<>();
        for (String h : (String[]) holds.getArray()) {
            reasons.add(HoldReason.valueOf(h));
        }
        return new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), OrderStatus.valueOf(rs.getString(4)),
                rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10),
                rs.getString(11), rs.getString(12), rs.getBoolean(13), List.copyOf(reasons), rs.getBigDecimal(15),
                rs.getTimestamp(16).toInstant(), rs.getString(17), rs.getLong(18));
    }
}
