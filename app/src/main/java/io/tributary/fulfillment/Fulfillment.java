package io.tributary.fulfillment;

import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One node's share of one order: its lines, the reservation that holds them, the carrier and
 * tracking number once shipped, the pickup deadline once ready for pickup. {@code promisedBy} and
 * the service level set its place in the node's release queue.
 */
public record Fulfillment(UUID id, UUID order, String channel, String orderReference, String location,
                          DeliveryMethod deliveryMethod, ServiceLevel serviceLevel, FulfillmentStatus status, Instant promisedBy,
                          UUID reservation, String carrier, String trackingNumber, Instant pickupDeadline, List<Line> lines,
                          Instant createdAt, Instant releasedAt, Instant shippedAt, Instant deliveredAt, long version) {

    public record Line(String lineId, String sku, long quantity) {
    }
}
