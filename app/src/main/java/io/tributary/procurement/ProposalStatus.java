package io.tributary.procurement;

/**
 * Where a replenishment proposal stands: OPEN for review; ACCEPTED when it became a line of a DRAFT
 * purchase order; DISMISSED by a buyer; SUPERSEDED when a later run proposed afresh for the same item
 * and location. Only OPEN proposals can be accepted, dismissed or changed.
 */
public enum ProposalStatus {
    OPEN, ACCEPTED, DISMISSED, SUPERSEDED
}
