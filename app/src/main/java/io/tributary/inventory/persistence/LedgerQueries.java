package io.tributary.inventory.persistence;

import io.tributary.catalog.Sku;
import io.tributary.inventory.Movement;
import io.tributary.inventory.MovementType;
import io.tributary.inventory.StockStatus;
import io.tributary.inventory.domain.BalanceRow;
import io.tributary.inventory.domain.StockKey;
import io.tributary.network.LocationCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads of the ledger and balances: movements, balances per item, availability inputs, verification. */
@Repository
public class LedgerQueries {

    /**
     * A CTE {@code joined}: every balance key with its stored figures ({@code b_*}) beside what the
     * ledger sums to ({@code g_*}) and what its ACTIVE reservation lines hold ({@code h_reserved}).
     * Verification compares them; repair writes the second set over the first.
     */
    static final String BALANCES_AND_TRUTH = """
                with ledger as (
                    select item_id, location_id,
                           coalesce(sum(quantity) filter (where status = 'AVAILABLE'), 0) as on_hand,
                           coalesce(sum(quantity) filter (where status = 'INSPECTION'), 0) as inspection,
                           coalesce(sum(quantity) filter (where status = 'DAMAGED'), 0) as damaged,
                           coalesce(sum(quantity) filter (where status = 'IN_TRANSIT'), 0) as in_transit
                    from inventory_movement group by item_id, location_id),
                held as (
                    select l.item_id, l.location_id, sum(l.quantity) as reserved
                    from reservation_line l join reservation r on r.id = l.reservation_id
                    where r.status = 'ACTIVE' group by l.item_id, l.location_id),
                joined as (
                    select coalesce(b.item_id, g.item_id, h.item_id) as item_id,
                           coalesce(b.location_id, g.location_id, h.location_id) as location_id,
                           coalesce(b.on_hand, 0) as b_on_hand, coalesce(g.on_hand, 0) as g_on_hand,
                           coalesce(b.inspection, 0) as b_inspection, coalesce(g.inspection, 0) as g_inspection,
                           coalesce(b.damaged, 0) as b_damaged, coalesce(g.damaged, 0) as g_damaged,
                           coalesce(b.in_transit, 0) as b_in_transit, coalesce(g.in_transit, 0) as g_in_transit,
                           coalesce(b.reserved, 0) as b_reserved, coalesce(h.reserved, 0) as h_reserved
                    from inventory_balance b
                    full join ledger g on g.item_id = b.item_id and g.location_id = b.location_id
                    full join held h on h.item_id = coalesce(b.item_id, g.item_id) and h.location_id = coalesce(b.location_id, g.location_id))
            """;

    private final JdbcClient jdbc;

    LedgerQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Movements of an item, newest first, keyset-paginated by id (UUIDv7 ids sort by time). */
    public List<Movement> movements(UUID item, UUID location, UUID before, int limit) {
        return jdbc.sql("""
                select id, sku, location, status, quantity, type, reason, reference, note, actor, occurred_at, recorded_at, document_id
                from inventory_movement
                where item_id = :item and (cast(:location as uuid) is null or location_id = :location)
                  and (cast(:before as uuid) is null or id < :before)
                order by id desc limit :limit""")
                .param("item", item).param("location", location).param("before", before).param("limit", limit)
                .query((rs, i) -> new Movement(rs.getObject(1, UUID.class), new Sku(rs.getString(2)), new LocationCode(rs.getString(3)),
                        StockStatus.valueOf(rs.getString(4)), rs.getLong(5), MovementType.valueOf(rs.getString(6)), rs.getString(7),
                        rs.getString(8), rs.getString(9), rs.getString(10), rs.getTimestamp(11).toInstant(),
                        rs.getTimestamp(12).toInstant(), rs.getObject(13, UUID.class)))
                .list();
    }

    /** All balance rows of one item. */
    public List<BalanceRow> balancesOfItem(UUID item) {
        return jdbc.sql("""
                select item_id, location_id, on_hand, reserved, in_transit, inspection, damaged
                from inventory_balance where item_id = :item""")
                .param("item", item)
                .query((rs, i) -> new BalanceRow(new StockKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)),
                        rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)))
                .list();
    }

    /**
     * On hand and reserved of many items at the given locations: the input of availability. Only
     * the item is an index condition; a second {@code = any(...)} on the location would make
     * PostgreSQL probe the index once per item and location pair, several times slower.
     */
    public Map<StockKey, BalanceRow> balances(UUID[] items, java.util.Set<UUID> locations) {
        Map<StockKey, BalanceRow> out = new HashMap<>();
        jdbc.sql("select item_id, location_id, on_hand, reserved from inventory_balance where item_id = any(:items::uuid[])")
                .param("items", items)
                .query(rs -> {
                    UUID location = rs.getObject(2, UUID.class);
                    if (locations.contains(location)) {
                        StockKey key = new StockKey(rs.getObject(1, UUID.class), location);
                        out.put(key, new BalanceRow(key, rs.getLong(3), rs.getLong(4), 0, 0, 0));
                    }
                });
        return out;
    }

    /** Item ids with a balance row at a location. */
    public List<UUID> itemsAt(UUID location) {
        return jdbc.sql("select item_id from inventory_balance where location_id = :l").param("l", location).query(UUID.class).list();
    }

    /** Net AVAILABLE movements per item at a location that occurred after {@code after}. */
    public Map<UUID, Long> availableMovedSince(UUID location, Instant after) {
        Map<UUID, Long> out = new HashMap<>();
        jdbc.sql("""
                select item_id, sum(quantity) from inventory_movement
                where location_id = :l and status = 'AVAILABLE' and occurred_at > :after
                group by item_id""")
                .param("l", location).param("after", Timestamp.from(after))
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getLong(2));
                });
        return out;
    }

    /** One balance that disagrees with its ledger or its open reservations. */
    public record Mismatch(UUID item, UUID location, String field, long balance, long expected) {
    }

    /**
     * Compares every balance with the sum of its movements per status, and reserved with the sum
     * of its ACTIVE reservation lines. Returns the number of balances checked and up to
     * {@code limit} mismatches.
     */
    public Map.Entry<Long, List<Mismatch>> verify(int limit) {
        long checked = jdbc.sql("select count(*) from inventory_balance").query(Long.class).single();
        List<Mismatch> mismatches = new ArrayList<>();
        jdbc.sql(BALANCES_AND_TRUTH + """
                select * from joined
                where b_on_hand <> g_on_hand or b_inspection <> g_inspection or b_damaged <> g_damaged
                   or b_in_transit <> g_in_transit or b_reserved <> h_reserved
                limit :limit""")
                .param("limit", limit)
                .query(rs -> {
                    UUID item = rs.getObject("item_id", UUID.class);
                    UUID location = rs.getObject("location_id", UUID.class);
                    Map<String, long[]> pairs = new LinkedHashMap<>();
                    pairs.put("onHand", new long[] {rs.getLong("b_on_hand"), rs.getLong("g_on_hand")});
                    pairs.put("inspection", new long[] {rs.getLong("b_inspection"), rs.getLong("g_inspection")});
                    pairs.put("damaged", new long[] {rs.getLong("b_damaged"), rs.getLong("g_damaged")});
                    pairs.put("inTransit", new long[] {rs.getLong("b_in_transit"), rs.getLong("g_in_transit")});
                    pairs.put("reserved", new long[] {rs.getLong("b_reserved"), rs.getLong("h_reserved")});
                    pairs.forEach((field, v) -> {
                        if (v[0] != v[1]) {
                            mismatches.add(new Mismatch(item, location, field, v[0], v[1]));
                        }
                    });
                });
        return Map.entry(checked, mismatches);
    }
}
