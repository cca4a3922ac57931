package io.tributary.inventory.domain;

import io.tributary.inventory.InsufficientStock.Shortfall;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides reservations against locked balances, one after another in arrival order, as if each
 * had run alone: a request is accepted only when every balance it touches still has the
 * available units its non-backorder lines need after the requests accepted before it. Nothing
 * here touches the database; the caller holds the row locks and writes the outcome.
 */
public final class ReservationPolicy {

    private final Map<StockKey, Long> available = new HashMap<>();
    private final Map<StockKey, Long> reservedDelta = new LinkedHashMap<>();

    public ReservationPolicy(Map<StockKey, BalanceRow> locked) {
        locked.forEach((k, row) -> available.put(k, row.available()));
    }

    /** Accepts (and counts against later requests) or returns the shortfalls. */
    public List<Shortfall> decide(ReservationRequest request) {
        Map<StockKey, long[]> demand = request.demand();
        List<Shortfall> shortfalls = new ArrayList<>();
        for (ReservationRequest.Row row : request.rows()) {
            if (row.allowBackorder()) {
                continue;
            }
            long free = available.getOrDefault(row.key(), 0L);
            long[] need = demand.get(row.key());
            if (need[0] > free) {
                long requested = row.kitSku() != null ? row.kitQuantity() : row.quantity();
                long availableUnits = row.kitSku() != null ? Math.max(0, free) / row.perKit() : free;
                String sku = row.kitSku() != null ? row.kitSku() : row.sku();
                boolean already = shortfalls.stream().anyMatch(s -> s.line() == row.line());
                if (!already) {
                    shortfalls.add(new Shortfall(row.line(), sku, row.location(), requested, availableUnits));
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            return shortfalls;
        }
        demand.forEach((key, need) -> {
            long total = need[0] + need[1];
            available.merge(key, -total, Long::sum);
            reservedDelta.merge(key, total, Long::sum);
        });
        return List.of();
    }

    /** The total change to {@code reserved} per balance for all accepted requests. */
    public Map<StockKey, Long> reservedDelta() {
        return reservedDelta;
    }
}
