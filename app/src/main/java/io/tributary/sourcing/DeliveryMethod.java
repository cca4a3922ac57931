package io.tributary.sourcing;

/** How the customer receives the order: shipped to an address, or collected at a named store. */
public enum DeliveryMethod {
    SHIP, PICKUP
}
