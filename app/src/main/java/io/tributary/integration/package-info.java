/**
 * Integration: how changes leave the system. Owns the transactional outbox (every
 * {@link io.tributary.shared.events.ExternalEvent} another module publishes is written in that
 * module's own transaction, batched into one insert just before commit), webhook subscriptions,
 * and the signed, retried, ordered-per-aggregate delivery of those events with replay from a point in
 * time. It does not own the events' meaning (their publishers do) nor the exception queue that
 * handles parked deliveries (it publishes {@link io.tributary.integration.WebhookDeliveryParked} and
 * {@link io.tributary.integration.WebhookEventsReplayed}).
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"shared", "shared :: *", "access"})
package io.tributary.integration;
