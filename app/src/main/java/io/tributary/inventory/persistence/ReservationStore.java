package io.tributary.inventory.persistence;

import io.tributary.inventory.Reservation;
import io.tributary.inventory.ReservationStatus;
import io.tributary.inventory.domain.ReservationRequest;
import io.tributary.inventory.domain.StockKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for reservations, their lines and their status history. */
@Repository
public class ReservationStore {

    private final JdbcClient jdbc;

    ReservationStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A new reservation to insert, with the rows it holds. */
    /** {@code managed}: made inside another module's transaction, which alone may release or consume it. */
    public record NewReservation(UUID id, String reference, String channel, Instant expiresAt, Instant now,
                                 String actor, ReservationRequest request, boolean managed) {
    }

    /**
     * Inserts many reservations with their lines in one statement (two data-modifying CTEs over
     * arrays), so a batch costs one round trip whatever its size. Creation is not written to the
     * history table: the reservation's own created-at and created-by are that first entry.
     */
    public void insert(List<NewReservation> reservations) {
        if (reservations.isEmpty()) {
            return;
        }
        int n = reservations.size();
        UUID[] ids = new UUID[n];
        String[] references = new String[n];
        String[] channels = new String[n];
        String[] expires = new String[n];
        String[] created = new String[n];
        String[] actors = new String[n];
        Boolean[] managed = new Boolean[n];
        List<ReservationRequest.Row> rows = new ArrayList<>();
        List<UUID> rowOwners = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            NewReservation r = reservations.get(i);
            ids[i] = r.id();
            references[i] = r.reference();
            channels[i] = r.channel();
            expires[i] = r.expiresAt() == null ? null : r.expiresAt().toString();
            created[i] = r.now().toString();
            actors[i] = r.actor();
            managed[i] = r.managed();
            for (ReservationRequest.Row row : r.request().rows()) {
                rows.add(row);
                rowOwners.add(r.id());
            }
        }
        int m = rows.size();
        UUID[] owner = rowOwners.toArray(UUID[]::new);
        Integer[] lineNo = new Integer[m];
        Integer[] componentNo = new Integer[m];
        UUID[] items = new UUID[m];
        UUID[] locations = new UUID[m];
        String[] skus = new String[m];
        String[] locationCodes = new String[m];
        Long[] quantities = new Long[m];
        String[] kitSkus = new String[m];
        Long[] kitQuantities = new Long[m];
        Boolean[] backorder = new Boolean[m];
        for (int i = 0; i < m; i++) {
            ReservationRequest.Row row = rows.get(i);
            lineNo[i] = row.line();
            componentNo[i] = row.component();
            items[i] = row.key().item();
            locations[i] = row.key().location();
            skus[i] = row.sku();
            locationCodes[i] = row.location();
            quantities[i] = row.quantity();
            kitSkus[i] = row.kitSku();
            kitQuantities[i] = row.kitQuantity();
            backorder[i] = row.allowBackorder();
        }
        jdbc.sql("""
                with heads as (
                    insert into reservation (id, reference, channel, status, expires_at, created_at, created_by, updated_at, managed)
                    select h.id, h.reference, h.channel, 'ACTIVE', h.expires_at, h.created_at, h.created_by, h.created_at, h.managed
                    from unnest(:ids::uuid[], :references::text[], :channels::text[], :expires::timestamptz[],
                                :created::timestamptz[], :actors::text[], :managed::boolean[])
                         as h(id, reference, channel, expires_at, created_at, created_by, managed)
                    returning 1)
                insert into reservation_line (reservation_id, line_no, component_no, item_id, location_id, sku, location,
                    quantity, kit_sku, kit_quantity, allow_backorder)
                select * from unnest(:owner::uuid[], :lineNo::int[], :componentNo::int[], :items::uuid[], :locations::uuid[],
                                     :skus::text[], :locationCodes::text[], :quantities::bigint[], :kitSkus::text[],
                                     :kitQuantities::bigint[], :backorder::boolean[])""")
                .param("ids", ids).param("references", references).param("channels", channels).param("expires", expires)
                .param("created", created).param("actors", actors).param("managed", managed)
                .param("owner", owner).param("lineNo", lineNo).param("componentNo", componentNo).param("items", items)
                .param("locations", locations).param("skus", skus).param("locationCodes", locationCodes)
                .param("quantities", quantities).param("kitSkus", kitSkus).param("kitQuantities", kitQuantities)
                .param("backorder", backorder)
                .update();
    }

    /** A reservation's head as stored, locked when asked. */
    public record Head(UUID id, String reference, String channel, ReservationStatus status, Instant expiresAt,
                       Instant createdAt, String createdBy, long version, boolean managed) {
    }

    public Optional<Head> head(UUID id, boolean lock) {
        return jdbc.sql("select id, reference, channel, status, expires_at, created_at, created_by, version, managed from reservation where id = :id"
                        + (lock ? " for update" : ""))
                .param("id", id).query(ReservationStore::head).optional();
    }

    private static Head head(ResultSet rs, int i) throws SQLException {
        Timestamp exp = rs.getTimestamp(5);
        return new Head(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), ReservationStatus.valueOf(rs.getString(4)),
                exp == null ? null : exp.toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getLong(8), rs.getBoolean(9));
    }

    /** The rows a reservation holds: what to give back on release, or consume on fulfilment. */
    public record HeldRow(StockKey key, String sku, String location, long quantity) {
    }

    public List<HeldRow> held(UUID id) {
        return jdbc.sql("select item_id, location_id, sku, location, quantity from reservation_line where reservation_id = :id order by line_no, component_no")
                .param("id", id)
                .query((rs, i) -> new HeldRow(new StockKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** Loads the full reservation for reading. */
    public Optional<Reservation> find(UUID id) {
        return head(id, false).map(h -> new Reservation(h.id(), h.reference(), h.channel(), h.status(), h.expiresAt(),
                h.createdAt(), h.createdBy(), lines(id)));
    }

    private List<Reservation.Line> lines(UUID id) {
        Map<Integer, Reservation.Line> byLine = new LinkedHashMap<>();
        jdbc.sql("""
                select line_no, sku, location, quantity, kit_sku, kit_quantity, allow_backorder
                from reservation_line where reservation_id = :id order by line_no, component_no""")
                .param("id", id)
                .query(rs -> {
                    int line = rs.getInt(1);
                    String kit = rs.getString(5);
                    Reservation.Line existing = byLine.get(line);
                    if (kit == null) {
                        byLine.put(line, new Reservation.Line(line, rs.getString(2), rs.getString(3), rs.getLong(4), rs.getBoolean(7), List.of()));
                    } else {
                        List<Reservation.Component> components = new ArrayList<>(existing == null ? List.of() : existing.components());
                        components.add(new Reservation.Component(rs.getString(2), rs.getLong(4)));
                        byLine.put(line, new Reservation.Line(line, kit, rs.getString(3), rs.getLong(6), rs.getBoolean(7), List.copyOf(components)));
                    }
                });
        return List.copyOf(byLine.values());
    }

    /** Moves ACTIVE reservations to a final status and records the transition. */
    public void transition(List<UUID> ids, ReservationStatus from, ReservationStatus to, String actor, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        UUID[] array = ids.toArray(UUID[]::new);
        int updated = jdbc.sql("""
                update reservation set status = :to, updated_at = :now, version = version + 1
                where id = any(:ids::uuid[]) and status = :from""")
                .param("to", to.name()).param("from", from.name()).param("now", Timestamp.from(now)).param("ids", array)
                .update();
        if (updated != ids.size()) {
            throw new IllegalStateException("reservations changed underneath a locked transition");
        }
        jdbc.sql("""
                insert into reservation_history (reservation_id, from_status, to_status, actor, at)
                select id, :from, :to, :actor, :now from unnest(:ids::uuid[]) as t(id)""")
                .param("from", from.name()).param("to", to.name()).param("actor", actor).param("now", Timestamp.from(now))
                .param("ids", array).update();
    }

    /** Locks up to {@code limit} due ACTIVE reservations, skipping ones another instance holds. */
    public List<Due> lockDue(Instant now, int limit) {
        return jdbc.sql("""
                select id, channel, reference from reservation where status = 'ACTIVE' and expires_at <= :now
                order by expires_at limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query((rs, i) -> new Due(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3))).list();
    }

    /** An ACTIVE reservation past its expiry, locked for the expiry job. */
    public record Due(UUID id, String channel, String reference) {
    }

    /** The held rows of many reservations at once. */
    public List<HeldRow> held(List<UUID> ids) {
        return jdbc.sql("select item_id, location_id, sku, location, quantity from reservation_line where reservation_id = any(:ids::uuid[])")
                .param("ids", ids.toArray(UUID[]::new))
                .query((rs, i) -> new HeldRow(new StockKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        rs.getString(3), rs.getString(4), rs.getLong(5)))
                .list();
    }

    /** Transitions of one reservation, oldest first; its creation is the first entry. */
    public List<Map<String, Object>> history(UUID id) {
        return jdbc.sql("""
                select null as from_status, 'ACTIVE' as to_status, created_by as actor, created_at as at, 0 as ord
                from reservation where id = :id
                union all
                select from_status, to_status, actor, at, 1 from reservation_history where reservation_id = :id
                order by ord, at""")
                .param("id", id)
                .query((rs, i) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("from", rs.getString(1));
                    m.put("to", rs.getString(2));
                    m.put("actor", rs.getString(3));
                    m.put("at", rs.getTimestamp(4).toInstant());
                    return m;
                }).list();
    }
}
