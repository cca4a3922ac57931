package io.tributary.orders;

/** The channel's word on payment; anything but AUTHORIZED or CAPTURED holds the order. */
public enum PaymentStatus {
    AUTHORIZED, CAPTURED, PENDING, FAILED
}
