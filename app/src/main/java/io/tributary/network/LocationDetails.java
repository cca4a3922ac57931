package io.tributary.network;

import java.time.Instant;

/** A location with its audit trail, as the REST API shows it. */
public record LocationDetails(Location location, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
}
