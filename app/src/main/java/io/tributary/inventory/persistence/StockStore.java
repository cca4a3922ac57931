package io.tributary.inventory.persistence;

import io.tributary.inventory.StockStatus;
import io.tributary.inventory.domain.BalanceRow;
import io.tributary.inventory.domain.MovementDraft;
import io.tributary.inventory.domain.StockKey;
import io.tributary.shared.Ids;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The one code path for every change to a balance. Movements are inserted and the balances they
 * sum to are updated in the same transaction, set-based (one statement for many rows); reserved
 * changes go through {@link #applyReserved}. Rows are always locked in {@link StockKey} order.
 * Callers must hold a transaction.
 */
@Repository
public class StockStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    StockStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    /**
     * Locks the balance rows of {@code keys} (creating absent ones first) in key order and returns
     * them. Creation happens in the same sorted order, so concurrent lockers cannot deadlock.
     */
    public Map<StockKey, BalanceRow> lock(Collection<StockKey> keys) {
        TreeSet<StockKey> sorted = new TreeSet<>(keys);
        if (sorted.isEmpty()) {
            return Map.of();
        }
        UUID[] items = new UUID[sorted.size()];
        UUID[] locations = new UUID[sorted.size()];
        int i = 0;
        for (StockKey k : sorted) {
            items[i] = k.item();
            locations[i++] = k.location();
        }
        Map<StockKey, BalanceRow> rows = select(items, locations, true);
        if (rows.size() < sorted.size()) {
            jdbc.sql("""
                    insert into inventory_balance (item_id, location_id, updated_at)
                    select i, l, :now from unnest(:items::uuid[], :locations::uuid[]) as k(i, l)
                    order by i, l
                    on conflict do nothing""")
                    .param("items", items).param("locations", locations).param("now", Timestamp.from(clock.instant()))
                    .update();
            rows = select(items, locations, true);
        }
        return rows;
    }


    private Map<StockKey, BalanceRow> select(UUID[] items, UUID[] locations, boolean forUpdate) {
        String sql = """
                select b.item_id, b.location_id, b.on_hand, b.reserved, b.in_transit, b.inspection, b.damaged
                from inventory_balance b
                join unnest(:items::uuid[], :locations::uuid[]) as k(i, l) on b.item_id = k.i and b.location_id = k.l
                order by b.item_id, b.location_id""" + (forUpdate ? " for update of b" : "");
        Map<StockKey, BalanceRow> rows = new TreeMap<>();
        jdbc.sql(sql).param("items", items).param("locations", locations)
                .query(rs -> {
                    StockKey key = new StockKey(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
                    rows.put(key, new BalanceRow(key, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)));
                });
        return rows;
    }

    /**
     * Writes movements to the ledger and adds them to their balances (rows must be locked by the
     * caller). Returns the movements with their ids, in the order given.
     */
    public List<UUID> post(List<MovementDraft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        List<UUID> ids = new ArrayList<>(drafts.size());
        List<Object[]> args = new ArrayList<>(drafts.size());
        Map<StockKey, long[]> deltas = new LinkedHashMap<>();
        for (MovementDraft d : drafts) {
            UUID id = Ids.newId();
            ids.add(id);
            args.add(new Object[] {id, d.key().item(), d.key().location(), d.sku(), d.location(), d.status().name(),
                    d.quantity(), d.type().name(), d.reason(), d.reference(), d.note(), d.actor(),
                    Timestamp.from(d.occurredAt()), Timestamp.from(now), d.document()});
            long[] delta = deltas.computeIfAbsent(d.key(), k -> new long[4]);
            delta[d.status().ordinal()] = Math.addExact(delta[d.status().ordinal()], d.quantity());
        }
        template.batchUpdate("""
                insert into inventory_movement (id, item_id, location_id, sku, location, status, quantity, type, reason,
                    reference, note, actor, occurred_at, recorded_at, document_id)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        applyBuckets(deltas, now);
        return ids;
    }

    private void applyBuckets(Map<StockKey, long[]> deltas, Instant now) {
        int n = deltas.size();
        UUID[] items = new UUID[n];
        UUID[] locations = new UUID[n];
        long[] onHand = new long[n];
        long[] inspection = new long[n];
        long[] damaged = new long[n];
        long[] inTransit = new long[n];
        int i = 0;
        for (var e : new TreeMap<>(deltas).entrySet()) {
            items[i] = e.getKey().item();
            locations[i] = e.getKey().location();
            onHand[i] = e.getValue()[StockStatus.AVAILABLE.ordinal()];
            inspection[i] = e.getValue()[StockStatus.INSPECTION.ordinal()];
            damaged[i] = e.getValue()[StockStatus.DAMAGED.ordinal()];
            inTransit[i++] = e.getValue()[StockStatus.IN_TRANSIT.ordinal()];
        }
        int updated = jdbc.sql("""
                update inventory_balance b
                set on_hand = b.on_hand + d.a, inspection = b.inspection + d.ins, damaged = b.damaged + d.dmg,
                    in_transit = b.in_transit + d.tr, updated_at = :now
                from unnest(:items::uuid[], :locations::uuid[], :a::bigint[], :ins::bigint[], :dmg::bigint[], :tr::bigint[])
                     as d(i, l, a, ins, dmg, tr)
                where b.item_id = d.i and b.location_id = d.l""")
                .param("items", items).param("locations", locations).param("a", onHand).param("ins", inspection)
                .param("dmg", damaged).param("tr", inTransit).param("now", Timestamp.from(now))
                .update();
        if (updated != n) {
            throw new IllegalStateException("balance rows must be locked before posting: updated " + updated + " of " + n);
        }
    }

    /** Adds signed deltas to {@code reserved} of locked rows, in one statement. */
    public void applyReserved(Map<StockKey, Long> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        TreeMap<StockKey, Long> sorted = new TreeMap<>(deltas);
        UUID[] items = sorted.keySet().stream().map(StockKey::item).toArray(UUID[]::new);
        UUID[] locations = sorted.keySet().stream().map(StockKey::location).toArray(UUID[]::new);
        long[] d = sorted.values().stream().mapToLong(Long::longValue).toArray();
        int updated = jdbc.sql("""
                update inventory_balance b set reserved = b.reserved + d.q, updated_at = :now
                from unnest(:items::uuid[], :locations::uuid[], :d::bigint[]) as d(i, l, q)
                where b.item_id = d.i and b.location_id = d.l""")
                .param("items", items).param("locations", locations).param("d", d)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        if (updated != sorted.size()) {
            throw new IllegalStateException("reserved rows missing: updated " + updated + " of " + sorted.size());
        }
    }

    /** Marks locations as just synced (a snapshot or a count); the later of old and new wins. */
    public void markSynced(UUID location, Instant at) {
        jdbc.sql("""
                insert into inventory_location_sync (location_id, last_synced_at) values (:l, :at)
                on conflict (location_id) do update set last_synced_at = greatest(inventory_location_sync.last_synced_at, excluded.last_synced_at)""")
                .param("l", location).param("at", Timestamp.from(at)).update();
    }

    /** Last sync or count per location; locations never synced are absent. */
    public Map<UUID, Instant> lastSynced(Collection<UUID> locations) {
        Map<UUID, Instant> out = new HashMap<>();
        jdbc.sql("select location_id, last_synced_at from inventory_location_sync where location_id = any(:l::uuid[])")
                .param("l", locations.toArray(UUID[]::new))
                .query(rs -> {
                    out.put(rs.getObject(1, UUID.class), rs.getTimestamp(2).toInstant());
                });
        return out;
    }

    /**
     * Rebuilds every balance from the ledger and the ACTIVE reservation lines, for a database that
     * was changed behind the application's back. Takes an exclusive lock on the balances for the
     * duration, so no stock change interleaves. Returns the number of balance rows rewritten.
     */
    public int rebuildBalances() {
        jdbc.sql("lock table inventory_balance in exclusive mode").update();
        return jdbc.sql(LedgerQueries.BALANCES_AND_TRUTH + """
                insert into inventory_balance (item_id, location_id, on_hand, reserved, in_transit, inspection, damaged, updated_at)
                select item_id, location_id, g_on_hand, h_reserved, g_in_transit, g_inspection, g_damaged, :now from joined
                on conflict (item_id, location_id) do update
                set on_hand = excluded.on_hand, reserved = excluded.reserved, in_transit = excluded.in_transit,
                    inspection = excluded.inspection, damaged = excluded.damaged, updated_at = excluded.updated_at
                where (inventory_balance.on_hand, inventory_balance.reserved, inventory_balance.in_transit,
                       inventory_balance.inspection, inventory_balance.damaged)
                   is distinct from (excluded.on_hand, excluded.reserved, excluded.in_transit, excluded.inspection, excluded.damaged)""")
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }
}
