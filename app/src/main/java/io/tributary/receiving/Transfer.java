package io.tributary.receiving;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A transfer order as read: units sent from one node to another. DRAFT until shipped (CANCELLED
 * before that), SHIPPED once its units left {@code from} and wait in transit at {@code to}, then
 * PARTIALLY_RECEIVED or RECEIVED as receipts at {@code to} take them in. Each line counts what has
 * arrived for it so far; each receipt keeps what it counted and the discrepancies it found.
 */
public record Transfer(UUID id, LocationCode from, LocationCode to, TransferStatus status, String note, Instant createdAt, String createdBy,
                       Instant shippedAt, String shippedBy, List<Line> lines, List<Receipt> receipts) {

    public record Line(int lineNo, Sku sku, long quantity, long received, long remaining) {
    }

    /** One arrival at the destination; {@code inspections} hold the units waiting to be inspected. */
    public record Receipt(UUID id, boolean complete, String note, Instant receivedAt, String receivedBy, List<ReceiptLine> lines,
                          List<io.tributary.receiving.Receipt.Discrepancy> discrepancies, List<Inspection> inspections) {
    }

    public record ReceiptLine(int lineNo, Sku sku, long quantity, long damaged, String disposition) {
    }
}
