package io.tributary.fulfillment;

import java.util.Set;

/**
 * Where a fulfilment stands. PENDING waits for its node's daily release capacity; RELEASED,
 * PICKING, PACKED are work at the node; SHIPPED and DELIVERED end a shipment; READY_FOR_PICKUP and
 * PICKED_UP end a store pickup, NOT_COLLECTED when the customer did not come by the deadline (the
 * units went back to stock). REJECTED when the node gave every unit back, CANCELLED when the order
 * took every unit back.
 */
public enum FulfillmentStatus {
    PENDING, RELEASED, PICKING, PACKED, SHIPPED, DELIVERED, READY_FOR_PICKUP, PICKED_UP, NOT_COLLECTED, REJECTED, CANCELLED;

    private static final Set<FulfillmentStatus> HOLDING_STOCK = Set.of(PENDING, RELEASED, PICKING, PACKED, READY_FOR_PICKUP);

    /** True while the fulfilment's units are reserved at its node and not yet gone to the customer. */
    public boolean holdsStock() {
        return HOLDING_STOCK.contains(this);
    }
}
