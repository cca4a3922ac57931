package io.tributary.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * One delivery chain of one event to one subscription: its attempts so far, when the next one is
 * due, and the last answer (status code) or error. A replay creates a new delivery of the same
 * {@code eventId}, so subscribers dedupe by the event id, never by the delivery.
 */
public record WebhookDelivery(String id, UUID subscriptionId, UUID eventId, String eventType, String aggregateType,
                              String aggregateId, DeliveryStatus status, int attempts, Instant nextAttemptAt,
                              Instant lastAttemptAt, Integer lastStatusCode, String lastError, boolean replay,
                              Instant createdAt, Instant finishedAt) {
}
