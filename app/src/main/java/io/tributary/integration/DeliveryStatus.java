package io.tributary.integration;

/**
 * Where one delivery of an event to one subscription stands. PENDING covers both "not tried yet" and
 * "failed, waiting for its next attempt"; DELIVERED (a 2xx answer) and DEAD (parked after the last
 * allowed attempt) are final.
 */
public enum DeliveryStatus {
    PENDING,
    DELIVERED,
    DEAD
}
