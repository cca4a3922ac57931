package io.tributary.procurement;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a purchase order stands. DRAFT is being prepared by a buyer; PENDING_APPROVAL waits for the
 * approvals its total requires; APPROVED may be sent; SENT waits for the supplier's acknowledgement;
 * ACKNOWLEDGED carries the supplier's confirmed quantities and dates; PARTIALLY_RECEIVED and RECEIVED
 * follow receipts; CLOSED ends a (partly) received order; CANCELLED ends one before any receipt.
 */
public enum PurchaseOrderStatus {
    DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACKNOWLEDGED, PARTIALLY_RECEIVED, RECEIVED, CLOSED, CANCELLED;

    /** The statuses this one may move to; the one place the purchase order's state machine is written down. */
    public Set<PurchaseOrderStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(PENDING_APPROVAL, CANCELLED);
            case PENDING_APPROVAL -> EnumSet.of(APPROVED, DRAFT, CANCELLED);
            case APPROVED -> EnumSet.of(SENT, CANCELLED);
            case SENT -> EnumSet.of(ACKNOWLEDGED, PARTIALLY_RECEIVED, RECEIVED, CANCELLED);
            case ACKNOWLEDGED -> EnumSet.of(PARTIALLY_RECEIVED, RECEIVED, CANCELLED);
            case PARTIALLY_RECEIVED -> EnumSet.of(RECEIVED, CLOSED);
            case RECEIVED -> EnumSet.of(CLOSED);
            case CLOSED, CANCELLED -> EnumSet.noneOf(PurchaseOrderStatus.class);
        };
    }

    public boolean canMoveTo(PurchaseOrderStatus target) {
        return next().contains(target);
    }
}
