package io.tributary.inventory;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Read models the inventory module returns. */
public final class Views {

    private Views() {
    }

    /** Stock of one SKU at every location that has a balance, and the totals. */
    public record StockView(Sku sku, boolean kit, List<Balance> locations, Totals totals) {
    }

    public record Totals(long onHand, long reserved, long available, long inTransit, long inspection, long damaged) {
    }

    /** The movement an adjustment wrote and the balance after it. */
    public record Adjusted(List<Movement> movements, Balance balance) {
    }

    /** A cycle count and what became of each line. */
    public record CountView(UUID id, LocationCode location, String status, BigDecimal tolerancePercent, String note,
                            Instant countedAt, String countedBy, Instant decidedAt, String decidedBy, List<CountLineView> lines) {
    }

    public record CountLineView(Sku sku, long expected, long counted, long variance, BigDecimal variancePercent,
                                boolean withinTolerance, boolean applied) {
    }

    /** What a snapshot changed: one variance row per SKU whose book figure moved. */
    public record SnapshotReport(UUID id, LocationCode location, Instant asOf, int linesReceived, int skusCompared,
                                 int adjusted, long unitsAdded, long unitsRemoved, List<SnapshotVariance> variances) {
    }

    /** {@code expected} is the book figure as of the snapshot; {@code reported} the node's figure. */
    public record SnapshotVariance(Sku sku, long expected, long reported, long variance) {
    }

    /** The result of proving balances against the ledger and reservations. */
    public record Verification(boolean consistent, long checkedBalances, List<VerificationMismatch> mismatches) {
    }

    public record VerificationMismatch(String sku, String location, String field, long balance, long expected) {
    }

    /** What a repair rewrote, and the mismatches it found before (at most 100 listed). */
    public record Repair(int rewrittenBalances, List<VerificationMismatch> mismatchesBefore) {
    }

    /** Sellable units of SKUs for one channel. */
    public record ChannelAvailability(String channel, List<ItemAvailability> items) {
    }

    public record ItemAvailability(Sku sku, long available, List<LocationAvailability> locations) {
    }

    /** One location's contribution; {@code location} is the location's code. */
    public record LocationAvailability(String location, long available, Balance.Confidence confidence) {
    }
}
