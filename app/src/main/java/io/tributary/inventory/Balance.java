package io.tributary.inventory;

import io.tributary.network.LocationCode;
import java.time.Instant;

/**
 * Stock of one item at one location. {@code onHand} is AVAILABLE-status units physically there;
 * {@code available = onHand - reserved} (negative only when a backorder was allowed).
 * {@code confidence} is STALE when the location's last sync or count is older than its
 * {@code staleAfter}.
 */
public record Balance(LocationCode location, long onHand, long reserved, long available, long inTransit,
                      long inspection, long damaged, Confidence confidence, Instant lastSyncedAt) {

    public enum Confidence { FRESH, STALE }
}
