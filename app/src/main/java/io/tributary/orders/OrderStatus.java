package io.tributary.orders;

/**
 * An order's status, derived from its holds and lines (see {@code OrderStatusPolicy}): HELD while
 * a hold is open; CANCELLED when every unit is cancelled; SHIPPED / PARTIALLY_SHIPPED by shipped
 * units; BACKORDERED while any unit waits for stock; ALLOCATED when every open unit is reserved at
 * a node; RECEIVED before routing.
 */
public enum OrderStatus {
    RECEIVED, HELD, ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED
}
