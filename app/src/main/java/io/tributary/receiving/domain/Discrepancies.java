package io.tributary.receiving.domain;

import io.tributary.catalog.Sku;
import io.tributary.procurement.PurchaseOrderReceipt;
import io.tributary.receiving.DiscrepancyKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rule that compares what a receipt counted with its purchase order, after the order has taken
 * the receipt in. Per SKU: an unknown SKU is UNKNOWN_ITEM, a catalog item not on the order
 * WRONG_ITEM; damaged units are DAMAGED; units beyond the expected quantity are OVER when they
 * exceed the tolerance (a percentage of the expected quantity, rounded down to whole units) and this
 * receipt added to them. Open quantities are not SHORT while more may come: only a receipt that
 * declares the delivery complete turns every open remainder into SHORT (ADR 0017).
 */
public final class Discrepancies {

    private Discrepancies() {
    }

    /** One counted receipt line; {@code known} is whether the catalog has the SKU. */
    public record Counted(Sku sku, long quantity, long damaged, boolean known) {
    }

    /** One discrepancy; {@code expected} is null for an item that is not on the order. */
    public record Found(DiscrepancyKind kind, Sku sku, Long expected, long quantity) {
    }

    /** The units an expected quantity may be exceeded by without an OVER discrepancy. */
    public static long tolerance(long expected, BigDecimal percent) {
        return BigDecimal.valueOf(expected).multiply(percent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
    }

    public static List<Found> find(List<Counted> counted, List<PurchaseOrderReceipt.Line> order, BigDecimal tolerancePercent,
                                   boolean complete) {
        Map<Sku, long[]> bySku = new LinkedHashMap<>();
        Map<Sku, Boolean> known = new LinkedHashMap<>();
        for (Counted c : counted) {
            long[] sums = bySku.computeIfAbsent(c.sku(), s -> new long[2]);
            sums[0] += c.quantity();
            sums[1] += c.damaged();
            known.put(c.sku(), c.known());
        }
        // expected, received in total, received now, remaining
        Map<Sku, long[]> ordered = new LinkedHashMap<>();
        for (PurchaseOrderReceipt.Line l : order) {
            long[] sums = ordered.computeIfAbsent(l.sku(), s -> new long[4]);
            sums[0] += l.expected();
            sums[1] += l.received();
            sums[2] += l.receivedNow();
            sums[3] += l.remaining();
        }
        List<Found> found = new ArrayList<>();
        bySku.forEach((sku, sums) -> {
            if (!known.get(sku)) {
                found.add(new Found(DiscrepancyKind.UNKNOWN_ITEM, sku, null, sums[0]));
                return;
            }
            long[] onOrder = ordered.get(sku);
            if (onOrder == null) {
                found.add(new Found(DiscrepancyKind.WRONG_ITEM, sku, null, sums[0]));
            } else {
                long over = onOrder[1] - onOrder[0];
                if (onOrder[2] > 0 && over > tolerance(onOrder[0], tolerancePercent)) {
                    found.add(new Found(DiscrepancyKind.OVER, sku, onOrder[0], over));
                }
            }
            if (sums[1] > 0) {
                found.add(new Found(DiscrepancyKind.DAMAGED, sku, onOrder == null ? null : onOrder[0], sums[1]));
            }
        });
        if (complete) {
            ordered.forEach((sku, sums) -> {
                if (sums[3] > 0) {
                    found.add(new Found(DiscrepancyKind.SHORT, sku, sums[0], sums[3]));
                }
            });
        }
        return found;
    }
}
