package io.tributary.procurement;

import io.tributary.catalog.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * What happened to one line of a purchase order sent to a supplier, the facts supplier performance
 * is computed from (ADR 0020): the quantity ordered, the supplier's confirmed quantity and promised
 * date once acknowledged (null before), the date the buyer expected, when the order was sent, and
 * every receipt against the line in the order it arrived. Published by {@link SupplierDeliveries}.
 */
public record SupplierDelivery(UUID purchaseOrder, String number, int lineNo, Sku sku, long ordered, Long confirmed,
                               LocalDate expectedDate, LocalDate promisedDate, Instant sentAt, List<Receipt> receipts) {

    /** One receipt of units against the line. */
    public record Receipt(long quantity, Instant at) {
    }

    /** The date the line was due: the promised date once acknowledged, otherwise the expected one. */
    public LocalDate due() {
        return promisedDate != null ? promisedDate : expectedDate;
    }

    /** Units the supplier owes on the line: the confirmed quantity once acknowledged, otherwise the ordered one. */
    public long expected() {
        return confirmed != null ? confirmed : ordered;
    }

    public long received() {
        return receipts.stream().mapToLong(Receipt::quantity).sum();
    }
}
