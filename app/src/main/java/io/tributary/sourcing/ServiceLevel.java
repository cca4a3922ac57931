package io.tributary.sourcing;

/** The delivery promise bought by the customer; it bounds the transit days a node may need. */
public enum ServiceLevel {
    STANDARD, EXPRESS, SAME_DAY
}
