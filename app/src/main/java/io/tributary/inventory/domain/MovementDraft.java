package io.tributary.inventory.domain;

import io.tributary.inventory.MovementType;
import io.tributary.inventory.StockStatus;
import java.time.Instant;
import java.util.UUID;

/** A movement about to be written: the ledger assigns id and recorded-at. */
public record MovementDraft(StockKey key, String sku, String location, StockStatus status, long quantity,
                            MovementType type, String reason, String reference, String note, String actor,
                            Instant occurredAt, UUID document) {

    public MovementDraft {
        if (quantity == 0) {
            throw new IllegalArgumentException("a movement moves something");
        }
    }
}
