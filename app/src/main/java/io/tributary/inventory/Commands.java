package io.tributary.inventory;

import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** The commands the inventory module accepts; validated for shape by the web layer, for meaning here. */
public final class Commands {

    /** The largest quantity one line may move; keeps every sum far from overflow. */
    public static final long MAX_QUANTITY = 1_000_000_000L;

    private Commands() {
    }

    /** Add or remove stock by hand: a signed, non-zero quantity in one status bucket. */
    public record AdjustStock(Sku sku, LocationCode location, long quantity, StockStatus status,
                              AdjustmentReason reason, String note, String reference) {
    }

    /** Move units between status buckets at one location, e.g. INSPECTION to AVAILABLE. */
    public record ChangeStatus(Sku sku, LocationCode location, long quantity, StockStatus from, StockStatus to,
                               String reason, String note) {
    }

    /** A cycle count of some SKUs at one location; variances within tolerance apply at once. */
    public record CountStock(LocationCode location, BigDecimal tolerancePercent, String note, List<CountLine> lines) {
    }

    public record CountLine(Sku sku, long counted) {
    }

    /** A node's full stock file as of a moment: everything not listed is taken to be zero. */
    public record ReconcileSnapshot(LocationCode location, Instant asOf, List<SnapshotLine> lines) {
    }

    public record SnapshotLine(Sku sku, long quantity) {
    }

    /**
     * Send units to another node: each line leaves the source's AVAILABLE bucket and arrives in the
     * destination's IN_TRANSIT bucket, all lines or none. {@code reference} names the transfer.
     */
    public record ShipTransfer(String reference, LocationCode from, LocationCode to, List<TransferLine> lines) {
    }

    public record TransferLine(Sku sku, long quantity) {
    }

    /**
     * Take in-transit units in at a node: each line removes {@code fromTransit} units from
     * IN_TRANSIT and adds the counted units to AVAILABLE, INSPECTION and DAMAGED (units beyond
     * what was in transit arrive without clearing it). {@code reason} says why, e.g. TRANSFER_RECEIVED.
     */
    public record ReceiveTransfer(String reference, LocationCode location, String reason, List<TransferArrival> lines) {
    }

    public record TransferArrival(Sku sku, long fromTransit, long available, long inspection, long damaged) {
    }

    /** Hold stock for a channel's order: all lines or none. */
    public record ReserveStock(String reference, ChannelCode channel, Instant expiresAt, List<ReserveLine> lines) {
    }

    public record ReserveLine(Sku sku, LocationCode location, long quantity, boolean allowBackorder) {
    }
}
