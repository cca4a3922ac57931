package io.tributary.fulfillment;

/**
 * Why a node gives units back. SHORT_PICK: the units were not on the shelf (they are moved out of
 * sellable stock until counted); DAMAGED: found unsellable (moved to DAMAGED); CAPACITY and OTHER:
 * the node cannot do the work, the stock stays sellable.
 */
public enum RejectReason {
    SHORT_PICK, DAMAGED, CAPACITY, OTHER
}
