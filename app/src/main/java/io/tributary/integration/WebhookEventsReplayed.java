package io.tributary.integration;

import java.time.Instant;
import java.util.UUID;

/**
 * A replay queued the stored events of a subscription again from {@code from} on. Published in the
 * replay's transaction for the exception queue: when {@code parkedLeft} is zero, every delivery of the
 * subscription that was parked has been queued again (by this replay or an earlier one), so the
 * subscription's {@code WEBHOOK_PARKED} case is resolved. Not an external event.
 *
 * @param queued     how many deliveries this replay queued
 * @param parkedLeft parked deliveries of the subscription whose event has not been queued again since
 */
public record WebhookEventsReplayed(UUID subscriptionId, Instant from, int queued, long parkedLeft) {
}
