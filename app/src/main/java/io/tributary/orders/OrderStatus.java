package io.tributary.orders;

/**
 * An order's status, derived from its holds and lines (see {@code OrderStatusPolicy}): HELD while
 * a hold is open; CANCELLED when every unit is cancelled; DELIVERED when every open unit is
 * delivered (or collected); SHIPPED / PARTIALLY_SHIPPED by shipped units; BACKORDERED while any
 * unit waits for stock; ALLOCATED when every open unit is held by a fulfilment at a node;
 * RECEIVED before routing.
 */
public enum OrderStatus {
    RECEIVED, HELD, ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED
}
