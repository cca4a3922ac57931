package io.tributary.inventory;

/**
 * The status buckets a balance is kept in. AVAILABLE is sellable stock on hand (before
 * reservations); INSPECTION and DAMAGED are on hand but not sellable; IN_TRANSIT is between nodes.
 * Reserved is not a status of stock but a claim on AVAILABLE stock, kept by reservations.
 */
public enum StockStatus {
    AVAILABLE, INSPECTION, DAMAGED, IN_TRANSIT
}
