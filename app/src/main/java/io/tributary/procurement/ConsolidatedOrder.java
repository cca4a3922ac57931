package io.tributary.procurement;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A purchase order to a consolidation centre for the summed need of several locations (ADR 0018):
 * the order itself, each SKU's summed {@code need} and ordered {@code quantity} with the reasoning,
 * the {@code distributionPlan} that shares every ordered case out to the locations (per SKU the plan
 * adds up to the ordered quantity), what consolidating saved against one order per location, and the
 * {@code transfers} the plan became as goods were received at the centre (re-balanced on the needs of
 * that moment; the transfer orders themselves are the receiving module's).
 */
public record ConsolidatedOrder(PurchaseOrder purchaseOrder, SupplierCode supplier, LocationCode consolidationCentre,
                                List<Line> lines, List<PlanLine> distributionPlan, Savings savings, Instant createdAt,
                                String createdBy, List<Distribution> transfers) {

    /** One SKU of the order: the locations' summed need, the quantity ordered for it, and why. */
    public record Line(Sku sku, long need, long quantity, String explanation) {
    }

    /** What one location is to receive of one SKU, in whole cases, and the need it was planned on. */
    public record PlanLine(LocationCode location, Sku sku, long need, long quantity) {
    }

    /**
     * One order per location against this one: purchase orders and shipments from the supplier,
     * pallets (where the item's pallet size is known) and units bought.
     */
    public record Savings(int separatePurchaseOrders, int purchaseOrders, int separateShipments, int shipments,
                          long separatePallets, long pallets, long separateUnits, long units) {
    }

    /**
     * What one location is to be sent of one SKU from goods that just arrived at the centre, and its
     * need at that moment (the weight of the re-balance), as {@link Consolidations#rebalance} decides.
     */
    public record Allotment(LocationCode location, Sku sku, long need, long quantity) {
    }

    /** An allotment as sent: the goods receipt it came from and the transfer order that carries it. */
    public record Distribution(UUID receipt, UUID transfer, LocationCode location, Sku sku, long need, long quantity, Instant createdAt) {
    }
}
