package io.tributary.catalog;

import java.time.Instant;

/** An item with its audit trail, as the REST API shows it. */
public record ItemDetails(Item item, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
