package io.tributary.inventory.domain;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A reservation resolved to balance rows, ready to be decided: a kit line has one row per
 * component. {@link #demand()} sums the rows per balance, so two lines on the same stock are
 * checked together, never each against the full figure.
 */
public record ReservationRequest(List<Row> rows) {

    /** One stock row a line needs: {@code line} is the request line it belongs to. */
    public record Row(int line, int component, StockKey key, String sku, String location, long quantity,
                      String kitSku, Long kitQuantity, long perKit, boolean allowBackorder) {
    }

    /** Quantity per balance row, split into what must be covered and what may be backordered. */
    public Map<StockKey, long[]> demand() {
        Map<StockKey, long[]> demand = new TreeMap<>();
        for (Row r : rows) {
            long[] d = demand.computeIfAbsent(r.key(), k -> new long[2]);
            d[r.allowBackorder() ? 1 : 0] = Math.addExact(d[r.allowBackorder() ? 1 : 0], r.quantity());
        }
        return demand;
    }
}
