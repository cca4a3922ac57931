package io.tributary.receiving;

/** Where a transfer order stands: DRAFT → SHIPPED → PARTIALLY_RECEIVED → RECEIVED; CANCELLED only from DRAFT. */
public enum TransferStatus {
    DRAFT, SHIPPED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED
}
