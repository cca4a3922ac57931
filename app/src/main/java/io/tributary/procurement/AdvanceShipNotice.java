package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An advance ship notice as read: a supplier's shipment {@code shipmentId} against one purchase
 * order, due at its location at {@code expectedAt}. Each line names the order line it ships
 * ({@code purchaseOrderLine}), the units shipped and received so far against the notice, and
 * {@code inTransit}: the units shipped and not yet received, zero once the notice is RECEIVED.
 * Status is IN_TRANSIT until a receipt counts against it, then PARTIALLY_RECEIVED, and RECEIVED when
 * every line has arrived or a receipt declared the shipment complete (ADR 0019).
 */
public record AdvanceShipNotice(UUID id, UUID purchaseOrder, String purchaseOrderNumber, LocationCode location, String shipmentId,
                                Instant expectedAt, String carrier, String status, List<Line> lines, long inTransit,
                                Instant createdAt, String createdBy) {

    public record Line(int lineNo, int purchaseOrderLine, Sku sku, long quantity, long received, long inTransit, String lot,
                       LocalDate expiry) {
    }
}
