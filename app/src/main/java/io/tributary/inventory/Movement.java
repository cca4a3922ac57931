package io.tributary.inventory;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.util.UUID;

/**
 * One immutable ledger row: a signed change of {@code quantity} base units of one item, at one
 * location, in one status bucket. Corrections are new rows, never edits. {@code document} links
 * the adjustment, count, snapshot or reservation that caused it.
 */
public record Movement(UUID id, Sku sku, LocationCode location, StockStatus status, long quantity, MovementType type,
                       String reason, String reference, String note, String actor, Instant occurredAt,
                       Instant recordedAt, UUID document) {
}
