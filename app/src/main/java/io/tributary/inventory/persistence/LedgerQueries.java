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
     * The inputs of availability in one statement and one snapshot: on hand less reserved of every
     * {@code items[i]} at every {@code locations[j]}, and each location's last sync or count. Only
     * the item is an index condition (an index-only scan of the balance key); the locations are a
     * hash join on the few rows each item has. Each item comes back as one row whose text lists
     * {@code position:units} pairs: a hundred rows instead of thousands, which the driver decodes
     * with a fraction of the allocation (the figures are in the benchmark notes).
     */
    public StockGrid stockGrid(UUID[] items, UUID[] locations) {
        StockGrid grid = new StockGrid(items.length, locations.length);
        if (items.length == 0 || locations.length == 0) {
            return grid;
        }
        jdbc.sql("""
                select i.ord::int, string_agg(l.ord || ':' || (b.on_hand - b.reserved), ',')
                from unnest(:items::uuid[]) with ordinality as i(id, ord)
                join inventory_balance b on b.item_id = i.id
                join unnest(:locations::uuid[]) with ordinality as l(id, ord) on l.id = b.location_id
                group by i.ord
                union all
                select 0, string_agg(l.ord || ':' || (extract(epoch from s.last_synced_at) * 1000000)::bigint, ',')
                from unnest(:locations::uuid[]) with ordinality as l(id, ord)
                join inventory_location_sync s on s.location_id = l.id""")
                .param("items", items)
                .param("locations", locations)
                .query(rs -> {
                    int item = rs.getInt(1);
                    String pairs = rs.getString(2);
                    if (pairs != null) {
                        grid.fill(item - 1, pairs);
                    }
                });
        return grid;
    }

    /**
     * Units on hand less reserved per (item, location) position, and last sync per location;
     * absent balances are zero, never-synced locations null.
     */
    public static final class StockGrid {
        private final int locations;
        private final long[] net;
        private final Instant[] synced;

        StockGrid(int items, int locations) {
            this.locations = locations;
            this.net = new long[items * locations];
            this.synced = new Instant[locations];
        }

        /** Reads {@code "position:value,position:value"} (positions from 1) into an item's row, or into the sync times for item -1. */
        void fill(int item, String pairs) {
            int i = 0;
            int n = pairs.length();
            while (i < n) {
                int position = 0;
                char c;
                while ((c = pairs.charAt(i++)) != ':') {
                    position = position * 10 + (c - '0');
                }
                boolean negative = pairs.charAt(i) == '-';
                if (negative) {
                    i++;
                }
                long value = 0;
                while (i < n && (c = pairs.charAt(i)) != ',') {
                    value = value * 10 + (c - '0');
                    i++;
                }
                i++;
                value = negative ? -value : value;
                if (item < 0) {
                    synced[position - 1] = Instant.EPOCH.plus(value, java.time.temporal.ChronoUnit.MICROS);
                } else {
                    net[item * locations + position - 1] = value;
                }
            }
        }

        /** On hand less reserved; negative when losses left less than is reserved. */
        public long net(int item, int location) {
            return net[item * locations + location];
        }

        /** When the location last synced or counted, or null if never. */
        public Instant synced(int location) {
            return synced[location];
        }
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
