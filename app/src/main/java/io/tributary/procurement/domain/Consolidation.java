package io.tributary.procurement.domain;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.domain.ReplenishmentDecision.Terms;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One purchase order for many locations, and the plan that shares it out again (ADR 0018).
 * {@link #consolidate} sums the needs of the locations for one SKU, rounds the sum as a single
 * proposal would be rounded (MOQ, whole cases, whole pallets when asked), and {@link #split}s the
 * rounded quantity over the locations in proportion to their needs by the largest-remainder method
 * in whole cases: each location first gets the whole cases of its exact share, and the cases left
 * over go one each to the locations with the largest fractional remainders (ties: the larger need,
 * then the earlier location in the list). The shares therefore add up to exactly the cases split,
 * each differs from its exact share by less than one case, and a larger need never gets less.
 */
public final class Consolidation {

    private Consolidation() {
    }

    /**
     * One location's need for a SKU in units before any rounding, and {@code ownQuantity}: what it
     * would have bought on its own purchase order (its need rounded by itself; 0 for nothing).
     */
    public record Need(LocationCode location, long need, long ownQuantity) {

        public Need {
            if (need < 0 || ownQuantity < 0) {
                throw new IllegalArgumentException("needs are never negative");
            }
        }
    }

    /** What one location gets of the split: {@code quantity} units, whole cases. */
    public record Share(LocationCode location, long need, long quantity) {
    }

    /**
     * One SKU consolidated: the summed {@code need}, the purchase order {@code quantity}, the
     * locations' needs as given, the plan (in the order of the needs) and every number used.
     * {@code palletUnits} is the size of a pallet in units, 0 when unknown.
     */
    public record Line(Sku sku, long need, long quantity, long palletUnits, List<Need> needs, List<Share> plan, String explanation) {

        public boolean orders() {
            return quantity > 0;
        }
    }

    /**
     * The summed need of the locations for {@code sku}, rounded as one order, and its split over
     * them. Nothing is ordered (quantity 0, an empty plan) when no location needs anything.
     */
    public static Line consolidate(Sku sku, List<Need> needs, boolean toPallets, Terms terms) {
        requireDistinct(needs);
        long total = 0;
        for (Need n : needs) {
            total = Math.addExact(total, n.need());
        }
        long palletUnits = terms.casesPerPallet() > 0 ? terms.casePack() * terms.casesPerPallet() : 0;
        if (total == 0) {
            return new Line(sku, 0, 0, palletUnits, List.copyOf(needs), List.of(), "no location needs it");
        }
        List<String> why = new ArrayList<>();
        why.add("summed need " + total + " of " + needs.stream().filter(n -> n.need() > 0).count() + " locations");
        long quantity = ReplenishmentDecision.round(total, toPallets, terms, why);
        List<Share> plan = split(quantity, terms.casePack(), needs);
        why.add("split as " + quantity / terms.casePack() + " cases of " + terms.casePack() + " by need, largest remainders first");
        return new Line(sku, total, quantity, palletUnits, List.copyOf(needs), plan, String.join("; ", why));
    }

    /**
     * Splits the whole cases in {@code units} over the locations in proportion to their needs, by
     * largest remainder. Loose units short of a case are not split (they stay where they are): the
     * shares add up to {@code units / casePack} whole cases, never more than {@code units}. When no
     * location needs anything, every share is 0.
     */
    public static List<Share> split(long units, long casePack, List<Need> needs) {
        if (units < 0 || casePack < 1) {
            throw new IllegalArgumentException("units must not be negative and cases hold at least one unit");
        }
        requireDistinct(needs);
        long cases = units / casePack;
        BigInteger total = BigInteger.ZERO;
        for (Need n : needs) {
            total = total.add(BigInteger.valueOf(n.need()));
        }
        long[] given = new long[needs.size()];
        if (total.signum() > 0) {
            BigInteger[] remainders = new BigInteger[needs.size()];
            long handedOut = 0;
            for (int i = 0; i < needs.size(); i++) {
                BigInteger[] qr = BigInteger.valueOf(cases).multiply(BigInteger.valueOf(needs.get(i).need())).divideAndRemainder(total);
                given[i] = qr[0].longValueExact();
                remainders[i] = qr[1];
                handedOut += given[i];
            }
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < needs.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.<Integer, BigInteger>comparing(i -> remainders[i]).reversed()
                    .thenComparing(Comparator.<Integer>comparingLong(i -> needs.get(i).need()).reversed())
                    .thenComparingInt(i -> i));
            // the floors leave fewer cases over than there are locations with a remainder
            for (int k = 0; k < cases - handedOut; k++) {
                given[order.get(k)]++;
            }
        }
        List<Share> shares = new ArrayList<>(needs.size());
        for (int i = 0; i < needs.size(); i++) {
            shares.add(new Share(needs.get(i).location(), needs.get(i).need(), given[i] * casePack));
        }
        return List.copyOf(shares);
    }

    /**
     * The plan re-balanced when the goods arrive: the {@code arrived} units (whole cases of them)
     * split by the needs known at that moment. When no location needs anything any more, the
     * planned quantities are the weights, so the goods still go where the order meant them to.
     */
    public static List<Share> rebalance(long arrived, long casePack, List<Share> planned, List<Need> needsNow) {
        if (needsNow.stream().anyMatch(n -> n.need() > 0)) {
            return split(arrived, casePack, needsNow);
        }
        List<Share> byPlan = split(arrived, casePack, planned.stream().map(s -> new Need(s.location(), s.quantity(), 0)).toList());
        List<Share> shares = new ArrayList<>(byPlan.size());
        for (int i = 0; i < byPlan.size(); i++) {
            shares.add(new Share(byPlan.get(i).location(), planned.get(i).need(), byPlan.get(i).quantity()));
        }
        return List.copyOf(shares);
    }

    /**
     * What one consolidated order saved against one order per location: purchase orders and
     * shipments from the supplier (one per location that needed anything, against one), pallets
     * (per SKU, a location's own quantity and the consolidated quantity each in whole pallets, where
     * the pallet size is known) and units bought (each location rounding on its own, against the
     * summed need rounded once).
     */
    public record Savings(int separatePurchaseOrders, int purchaseOrders, int separateShipments, int shipments,
                          long separatePallets, long pallets, long separateUnits, long units) {

        public static Savings of(List<Line> lines) {
            Set<LocationCode> ordering = new HashSet<>();
            long separatePallets = 0;
            long pallets = 0;
            long separateUnits = 0;
            long units = 0;
            for (Line line : lines) {
                for (Need n : line.needs()) {
                    if (n.ownQuantity() > 0) {
                        ordering.add(n.location());
                        separateUnits += n.ownQuantity();
                        if (line.palletUnits() > 0) {
                            separatePallets += Math.ceilDiv(n.ownQuantity(), line.palletUnits());
                        }
                    }
                }
                units += line.quantity();
                if (line.palletUnits() > 0) {
                    pallets += Math.ceilDiv(line.quantity(), line.palletUnits());
                }
            }
            int consolidated = lines.stream().anyMatch(Line::orders) ? 1 : 0;
            return new Savings(ordering.size(), consolidated, ordering.size(), consolidated, separatePallets, pallets, separateUnits, units);
        }
    }

    private static void requireDistinct(List<Need> needs) {
        Set<LocationCode> seen = new HashSet<>();
        for (Need n : needs) {
            if (!seen.add(n.location())) {
                throw new IllegalArgumentException("location listed twice: " + n.location().value());
            }
        }
    }
}
