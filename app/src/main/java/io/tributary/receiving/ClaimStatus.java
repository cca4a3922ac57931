package io.tributary.receiving;

/** Where a supplier claim stands: OPEN, SUBMITTED to the supplier, ACCEPTED or REJECTED by them, SETTLED once paid or credited. */
public enum ClaimStatus {
    OPEN, SUBMITTED, ACCEPTED, REJECTED, SETTLED
}
