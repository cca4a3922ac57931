package io.tributary.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A subscriber's endpoint and the event types it wants ({@code "*"}, exact types such as
 * {@code inventory.changed}, or prefixes such as {@code reservation.*}). Its secret signs every
 * delivery and is deliberately not part of this view: it is write-only.
 */
public record WebhookSubscription(UUID id, URI url, List<String> events, String description, boolean active,
                                  Instant createdAt, String createdBy, Instant updatedAt) {
}
