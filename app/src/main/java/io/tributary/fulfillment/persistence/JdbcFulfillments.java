package io.tributary.fulfillment.persistence;

import io.tributary.fulfillment.Fulfillment;
import io.tributary.fulfillment.FulfillmentStatus;
import io.tributary.shared.db.HistoryRows;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the fulfillment module. A fulfilment changes only after {@link #lock} (or a skip-locked
 * batch select), with its version checked on write.
 */
@Repository
public class JdbcFulfillments {

    private static final String HEAD = """
            select id, order_id, channel, order_reference, location, delivery_method, service_level, status, promised_by,
                   reservation_id, carrier, tracking_number, pickup_deadline, created_at, released_at, shipped_at, delivered_at,
                   version, priority, order_placed_at
            from fulfillment""";

    private final JdbcClient jdbc;

    JdbcFulfillments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A fulfilment's head row (lines apart). */
    public record Head(UUID id, UUID order, String channel, String orderReference, String location, DeliveryMethod deliveryMethod,
                       ServiceLevel serviceLevel, FulfillmentStatus status, Instant promisedBy, UUID reservation, String carrier,
                       String trackingNumber, Instant pickupDeadline, Instant createdAt, Instant releasedAt, Instant shippedAt,
                       Instant deliveredAt, long version, int priority, Instant orderPlacedAt) {
    }

    /** Inserts the fulfilment, its lines and its first history entry in one statement. */
    public void insert(Head h, List<Fulfillment.Line> lines, String actor, String note) {
        jdbc.sql("""
                with f as (
                    insert into fulfillment (id, order_id, channel, order_reference, location, delivery_method, service_level, priority,
                        promised_by, order_placed_at, status, reservation_id, created_at, updated_at, version)
                    values (:id, :o, :c, :ref, :loc, :m, :sl, :p, :promised, :placed, :s, :r, :now, :now, 0)),
                l as (
                    insert into fulfillment_line (fulfillment_id, line_id, position, sku, quantity)
                    select :id, l, p, s, q from unnest(:l::text[], :sku::text[], :q::bigint[]) with ordinality as t(l, s, q, p))
                insert into fulfillment_history (fulfillment_id, at, actor, event, from_status, to_status, note)
                values (:id, :now, :actor, 'created', null, :s, :note)""")
                .param("id", h.id()).param("o", h.order()).param("c", h.channel()).param("ref", h.orderReference())
                .param("loc", h.location()).param("m", h.deliveryMethod().name()).param("sl", h.serviceLevel().name())
                .param("p", h.priority()).param("promised", Timestamp.from(h.promisedBy()))
                .param("placed", Timestamp.from(h.orderPlacedAt())).param("s", h.status().name()).param("r", h.reservation())
                .param("now", Timestamp.from(h.createdAt()))
                .param("l", lines.stream().map(Fulfillment.Line::lineId).toArray(String[]::new))
                .param("sku", lines.stream().map(Fulfillment.Line::sku).toArray(String[]::new))
                .param("q", lines.stream().map(Fulfillment.Line::quantity).toArray(Long[]::new))
                .param("actor", actor).param("note", note)
                .update();
    }

    /** Marks fulfilments RELEASED on a day, with one history entry each, in two statements. */
    public void release(List<UUID> ids, java.time.LocalDate day, Instant now, String actor, String note) {
        jdbc.sql("""
                update fulfillment set status = 'RELEASED', released_on = :d, released_at = :now, updated_at = :now, version = version + 1
                where id = any(:ids) and status = 'PENDING'""")
                .param("d", day).param("now", Timestamp.from(now)).param("ids", ids.toArray(UUID[]::new))
                .update();
        jdbc.sql("""
                insert into fulfillment_history (fulfillment_id, at, actor, event, from_status, to_status, note)
                select f, :now, :actor, 'released', 'PENDING', 'RELEASED', :note from unnest(:ids::uuid[]) with ordinality as t(f, n) order by n""")
                .param("now", Timestamp.from(now)).param("actor", actor).param("note", note).param("ids", ids.toArray(UUID[]::new))
                .update();
    }

    public Optional<Head> head(UUID id) {
        return jdbc.sql(HEAD + " where id = :id").param("id", id).query(JdbcFulfillments::head).optional();
    }

    public Optional<Head> lock(UUID id) {
        return jdbc.sql(HEAD + " where id = :id for update").param("id", id).query(JdbcFulfillments::head).optional();
    }

    /** Every fulfilment of an order, oldest first; locked when {@code forUpdate}. */
    public List<Head> ofOrder(UUID order, boolean forUpdate) {
        return jdbc.sql(HEAD + " where order_id = :o order by created_at, id" + (forUpdate ? " for update" : ""))
                .param("o", order).query(JdbcFulfillments::head).list();
    }

    /** Lines of the given fulfilments, in their original order, zero-quantity lines left out. */
    public Map<UUID, List<Fulfillment.Line>> lines(Collection<UUID> ids) {
        Map<UUID, List<Fulfillment.Line>> out = new LinkedHashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        jdbc.sql("""
                select fulfillment_id, line_id, sku, quantity from fulfillment_line
                where fulfillment_id = any(:ids) and quantity > 0 order by fulfillment_id, position""")
                .param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    out.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new Fulfillment.Line(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return out;
    }

    public void setLineQuantities(UUID id, Map<String, Long> quantities) {
        jdbc.sql("""
                update fulfillment_line f set quantity = t.q
                from unnest(:l::text[], :q::bigint[]) as t(l, q)
                where f.fulfillment_id = :f and f.line_id = t.l""")
                .param("f", id)
                .param("l", quantities.keySet().toArray(String[]::new))
                .param("q", quantities.values().toArray(Long[]::new))
                .update();
    }

    /** What can change after creation, written with the version checked. */
    public record Change(FulfillmentStatus status, UUID reservation, String carrier, String trackingNumber, Instant pickupDeadline,
                         LocalDate releasedOn, Instant releasedAt, Instant shippedAt, Instant deliveredAt) {
        public static Change of(Head h) {
            return new Change(h.status(), h.reservation(), h.carrier(), h.trackingNumber(), h.pickupDeadline(), null,
                    h.releasedAt(), h.shippedAt(), h.deliveredAt());
        }

        public Change status(FulfillmentStatus s) {
            return new Change(s, reservation, carrier, trackingNumber, pickupDeadline, releasedOn, releasedAt, shippedAt, deliveredAt);
        }

        public Change reservation(UUID r) {
            return new Change(status, r, carrier, trackingNumber, pickupDeadline, releasedOn, releasedAt, shippedAt, deliveredAt);
        }

        public Change shipped(String c, String t, Instant at) {
            return new Change(status, reservation, c, t, pickupDeadline, releasedOn, releasedAt, at, deliveredAt);
        }

        public Change pickupDeadline(Instant d) {
            return new Change(status, reservation, carrier, trackingNumber, d, releasedOn, releasedAt, shippedAt, deliveredAt);
        }

        public Change delivered(Instant at) {
            return new Change(status, reservation, carrier, trackingNumber, pickupDeadline, releasedOn, releasedAt, shippedAt, at);
        }
    }

    public void update(UUID id, long version, Change c, Instant now) {
        int n = jdbc.sql("""
                update fulfillment set status = :s, reservation_id = :r, carrier = :carrier, tracking_number = :t,
                       pickup_deadline = :deadline, released_on = coalesce(:releasedOn, released_on), released_at = :releasedAt,
                       shipped_at = :shippedAt, delivered_at = :deliveredAt, updated_at = :now, version = version + 1
                where id = :id and version = :v""")
                .param("s", c.status().name()).param("r", c.reservation()).param("carrier", c.carrier()).param("t", c.trackingNumber())
                .param("deadline", ts(c.pickupDeadline())).param("releasedOn", c.releasedOn()).param("releasedAt", ts(c.releasedAt()))
                .param("shippedAt", ts(c.shippedAt())).param("deliveredAt", ts(c.deliveredAt())).param("now", Timestamp.from(now))
                .param("id", id).param("v", version)
                .update();
        if (n != 1) {
            throw new org.springframework.dao.OptimisticLockingFailureException("fulfillment " + id + " changed concurrently");
        }
    }

    public void history(UUID id, Instant at, String actor, String event, FulfillmentStatus from, FulfillmentStatus to, String note) {
        jdbc.sql("""
                insert into fulfillment_history (fulfillment_id, at, actor, event, from_status, to_status, note)
                values (:f, :at, :actor, :event, :from, :to, :note)""")
                .param("f", id).param("at", Timestamp.from(at)).param("actor", actor).param("event", event)
                .param("from", from == null ? null : from.name()).param("to", to.name()).param("note", note)
                .update();
    }

    public List<Map<String, Object>> history(UUID id) {
        return jdbc.sql("select " + HistoryRows.COLUMNS + " from fulfillment_history where fulfillment_id = :f order by seq")
                .param("f", id).query(HistoryRows.MAPPER).list();
    }

    /** A page of fulfilment ids, newest first, filtered by any of location and status. */
    public List<UUID> page(String location, FulfillmentStatus status, Collection<String> allowedLocations, UUID before, int limit) {
        return jdbc.sql("""
                select id from fulfillment
                where (cast(:loc as text) is null or location = :loc) and (cast(:s as text) is null or status = :s)
                  and (cast(:allowed as text[]) is null or location = any(:allowed))
                  and (cast(:b as uuid) is null or id < :b)
                order by id desc limit :n""")
                .param("loc", location).param("s", status == null ? null : status.name())
                .param("allowed", allowedLocations == null ? null : allowedLocations.toArray(String[]::new))
                .param("b", before).param("n", limit)
                .query(UUID.class).list();
    }

    // ------------------------------------------------------------ release queue and pickup deadlines

    /** Nodes with fulfilments waiting for release. */
    public List<String> locationsWithPending() {
        return jdbc.sql("select distinct location from fulfillment where status = 'PENDING'").query(String.class).list();
    }

    /**
     * Serialises release decisions for one node across transactions and instances, so that two
     * releasers never both spend the node's last slot. Held until the transaction ends.
     */
    public void lockReleaseQueue(String location) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('fulfillment-release:' || :loc, 0))")
                .param("loc", location).query(Object.class).single();
    }

    public int releasedOn(String location, LocalDate day) {
        return jdbc.sql("select count(*) from fulfillment where location = :loc and released_on = :d")
                .param("loc", location).param("d", day).query(Integer.class).single();
    }

    /** The node's waiting fulfilments in release order: service level, promised date, order age. */
    public List<Head> pending(String location, int limit) {
        return jdbc.sql(HEAD + """
                 where location = :loc and status = 'PENDING'
                order by priority, promised_by, order_placed_at, id limit :n for update skip locked""")
                .param("loc", location).param("n", limit).query(JdbcFulfillments::head).list();
    }

    /** Ids of ready pickups whose deadline passed, earliest first (not locked: each is locked when handled). */
    public List<UUID> pickupsDue(Instant now, int limit) {
        return jdbc.sql("""
                select id from fulfillment where status = 'READY_FOR_PICKUP' and pickup_deadline <= :now
                order by pickup_deadline, id limit :n""")
                .param("now", Timestamp.from(now)).param("n", limit).query(UUID.class).list();
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int i) throws SQLException {
        Timestamp t = rs.getTimestamp(i);
        return t == null ? null : t.toInstant();
    }

    private static Head head(ResultSet rs, int i) throws SQLException {
        return new Head(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3), rs.getString(4), rs.getString(5),
                DeliveryMethod.valueOf(rs.getString(6)), ServiceLevel.valueOf(rs.getString(7)), FulfillmentStatus.valueOf(rs.getString(8)),
                instant(rs, 9), rs.getObject(10, UUID.class), rs.getString(11), rs.getString(12), instant(rs, 13), instant(rs, 14),
                instant(rs, 15), instant(rs, 16), instant(rs, 17), rs.getLong(18), rs.getInt(19), instant(rs, 20));
    }
}
