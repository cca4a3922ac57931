package io.tributary.orders;

import io.tributary.fulfillment.Fulfillment;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.Route;
import io.tributary.sourcing.ServiceLevel;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as clients see it. An order is received from a channel, held while a hold is open,
 * routed to one or more nodes (a fulfilment per node holds its units) or backordered, and then
 * shipped, delivered or cancelled; its status is always derived from holds and lines, never set by
 * hand. {@code fulfillments} say which node does what; {@code routing} is the latest decision with
 * its explanation (all decisions are in {@code GET /orders/{id}/history}).
 */
public record Order(UUID id, String channel, String externalId, OrderStatus status, Instant placedAt, String currency,
                    PlaceOrder.Customer customer, PlaceOrder.Address shipTo, DeliveryMethod deliveryMethod, String pickupLocation,
                    ServiceLevel serviceLevel, PaymentStatus paymentStatus, boolean fraudFlag, List<HoldReason> holds,
                    String total, List<Line> lines, List<Fulfillment> fulfillments, Route routing, Instant createdAt,
                    String createdBy, long version) {

    public record Line(String lineId, String sku, long quantity, String unitPrice, LineStatus status, long allocated,
                       long backordered, long cancelled, long shipped, long delivered) {
    }
}
