package io.tributary.receiving;

/**
 * How a receipt differs from its purchase order. SHORT: less arrived than expected by a receipt
 * that declares the delivery complete; OVER: more arrived than expected, beyond the tolerance;
 * DAMAGED: units arrived damaged; WRONG_ITEM: a catalog item that is not on the order;
 * UNKNOWN_ITEM: a SKU the catalog does not know (nothing is posted for it).
 */
public enum DiscrepancyKind {
    SHORT, OVER, DAMAGED, WRONG_ITEM, UNKNOWN_ITEM
}
