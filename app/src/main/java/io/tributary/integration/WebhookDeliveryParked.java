package io.tributary.integration;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

/**
 * A delivery failed its last allowed attempt and was parked as {@link DeliveryStatus#DEAD}. Published
 * (in the transaction that parks it) for the exception queue, which raises a {@code WEBHOOK_PARKED}
 * case in that same transaction; a replay or a new subscription is how an operator sends the event
 * again. Not an external event: it never becomes a webhook itself.
 *
 * @param url the subscription's endpoint the delivery was posted to
 * @param lastStatusCode the subscriber's last HTTP status, or {@code null} when it never answered
 */
public record WebhookDeliveryParked(UUID subscriptionId, URI url, String deliveryId, UUID eventId, String eventType,
                                    int attempts, Integer lastStatusCode, String lastError, Instant parkedAt) {
}
