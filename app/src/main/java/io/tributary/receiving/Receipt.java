package io.tributary.receiving;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.PurchaseOrderStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A receipt as read: what arrived at a location against a purchase order, as counted, and what it
 * did. It is written once, in the transaction that posts its stock, and never changes afterwards;
 * {@code purchaseOrderStatus} is where the order stood right after it. Each line says where its good
 * units went ({@code disposition}: AVAILABLE, INSPECTION, or NOT_POSTED for an unknown SKU); damaged
 * units always go to DAMAGED. {@code remaining} lists the order's lines still open after this
 * receipt; {@code discrepancies} each name the exception case they raised; {@code inspections} hold
 * the units waiting to be inspected. {@code asn} is the advance ship notice it was received against
 * (null for a receipt against the order alone); {@code remaining} then lists the notice's open lines.
 */
public record Receipt(UUID id, UUID purchaseOrder, UUID asn, String purchaseOrderNumber, LocationCode location, boolean complete,
                      PurchaseOrderStatus purchaseOrderStatus, String note, Instant receivedAt, String receivedBy,
                      List<Line> lines, List<Open> remaining, List<Discrepancy> discrepancies, List<Inspection> inspections) {

    public record Line(int lineNo, Sku sku, long quantity, long damaged, String lot, LocalDate expiry, String disposition) {
    }

    /** A purchase order line not yet fully received: {@code expected} in total, {@code received} so far. */
    public record Open(int lineNo, Sku sku, long expected, long received, long remaining) {
    }

    /** One difference from the order; {@code expected} is null for items not on it. */
    public record Discrepancy(UUID id, DiscrepancyKind kind, Sku sku, Long expected, long quantity, UUID exceptionCase) {
    }
}
