package io.tributary.orders;

/** A line's status, derived from its quantities: what is allocated, backordered, cancelled, shipped and delivered. */
public enum LineStatus {
    OPEN, ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, DELIVERED, CANCELLED
}
