package io.tributary.orders;

import io.tributary.shared.events.ExternalEvent;
import java.util.UUID;

/**
 * Events of the orders module, published in the transaction of the change and delivered to
 * webhook subscribers: {@code order.received}, {@code order.held}, {@code order.hold_released},
 * {@code order.allocated}, {@code order.backordered} and {@code order.cancelled}.
 */
public final class OrderEvents {

    private OrderEvents() {
    }

    /** An order changed status; {@code event} is the verb (received, held, allocated, ...). */
    public record OrderChanged(UUID order, String channel, String externalId, String event, String status, String note)
            implements ExternalEvent {
        @Override
        public String eventType() {
            return "order." + event;
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
