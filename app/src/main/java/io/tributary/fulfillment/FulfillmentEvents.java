package io.tributary.fulfillment;

import io.tributary.shared.events.ExternalEvent;
import java.util.List;
import java.util.UUID;

/**
 * Events of the fulfillment module, published in the transaction of the change:
 * {@code fulfillment.released}, {@code .picking}, {@code .packed}, {@code .shipped},
 * {@code .delivered}, {@code .ready_for_pickup}, {@code .picked_up}, {@code .not_collected},
 * {@code .rejected} and {@code .cancelled}. They belong to the order's aggregate so that a
 * subscriber sees an order's events and its fulfilments' events in one order.
 */
public final class FulfillmentEvents {

    private FulfillmentEvents() {
    }

    /**
     * A fulfilment moved; {@code lines} are the units concerned (shipped, delivered, given back or
     * taken back), {@code reason} is set for rejections.
     */
    public record FulfillmentChanged(UUID fulfillment, UUID order, String channel, String orderReference, String location,
                                     String event, String status, List<Fulfillment.Line> lines, String carrier, String trackingNumber,
                                     String reason, String note) implements ExternalEvent {
        @Override
        public String eventType() {
            return "fulfillment." + event;
        }

        @Override
        public String aggregateType() {
            return "order";
        }

        @Override
        public String aggregateId() {
            return order.toString();
        }
    }
}
