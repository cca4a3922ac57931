package io.tributary.procurement;

import io.tributary.catalog.Sku;
import java.util.List;
import java.util.UUID;

/**
 * What one receipt did to a purchase order, returned by {@link Procurement#recordReceipt}: the status
 * the order now stands in and, for every line, the quantity expected (the supplier's confirmed
 * quantity when acknowledged, otherwise the ordered one), what had been received before this receipt
 * and what this receipt added. The receiving module derives its discrepancies from it.
 */
public record PurchaseOrderReceipt(UUID purchaseOrder, String number, PurchaseOrderStatus status, List<Line> lines) {

    public record Line(int lineNo, Sku sku, long expected, long receivedBefore, long receivedNow) {

        public long received() {
            return receivedBefore + receivedNow;
        }

        /** Units still open on the line; zero once it is fully received. */
        public long remaining() {
            return Math.max(0, expected - received());
        }

        /** Units received beyond the expected quantity. */
        public long over() {
            return Math.max(0, received() - expected);
        }
    }
}
