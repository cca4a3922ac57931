package io.tributary.procurement;

import io.tributary.catalog.Sku;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Record a shipment against {@code purchaseOrder}. Each line names the order line by {@code lineNo}
 * or, when the SKU appears on one line only, by {@code sku}; {@code lot} and {@code expiry} are what
 * the supplier declares for the units.
 */
public record CreateAdvanceShipNotice(UUID purchaseOrder, String shipmentId, Instant expectedAt, String carrier, List<Line> lines) {

    public record Line(Integer lineNo, Sku sku, long quantity, String lot, LocalDate expiry) {
    }
}
