package io.tributary.fulfillment;

import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A node's share of an order to reserve and queue for release; {@code orderReference} is the channel's order id. */
public record OpenFulfillment(UUID order, ChannelCode channel, String orderReference, LocationCode location,
                              DeliveryMethod deliveryMethod, ServiceLevel serviceLevel, Instant orderPlacedAt, Instant promisedBy,
                              List<Fulfillment.Line> lines) {
}
