package io.tributary.procurement;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.shared.events.ExternalEvent;
import java.math.BigDecimal;
import java.util.UUID;

/**
 * Events of the procurement module, published in the transaction of the change:
 * {@code purchase_order.submitted}, {@code .approved}, {@code .rejected}, {@code .sent},
 * {@code .acknowledged}, {@code .received} (partly or fully), {@code .cancelled} and {@code .closed}.
 */
public final class PurchaseOrderEvents {

    private PurchaseOrderEvents() {
    }

    /**
     * A purchase order moved; {@code event} is the verb ({@code approved}), {@code status} where it
     * now stands, {@code note} a rejection's or cancellation's reason.
     */
    public record PurchaseOrderChanged(UUID purchaseOrder, String number, String supplier, String location, String event,
                                       PurchaseOrderStatus status, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
                                       String currency, String actor, String note) implements ExternalEvent {
        @Override
        public String eventType() {
            return "purchase_order." + event;
        }

        @Override
        public String aggregateType() {
            return "purchase_order";
        }

        @Override
        public String aggregateId() {
            return purchaseOrder.toString();
        }
    }
}
