package io.tributary.orders;

/** A line's status, derived from its quantities: what is allocated, backordered, cancelled and shipped. */
public enum LineStatus {
    OPEN, ALLOCATED, BACKORDERED, PARTIALLY_SHIPPED, SHIPPED, CANCELLED
}
