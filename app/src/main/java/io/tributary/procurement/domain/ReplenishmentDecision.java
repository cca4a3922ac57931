package io.tributary.procurement.domain;

import io.tributary.procurement.ReplenishmentMethod;
import io.tributary.procurement.ReplenishmentPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What to buy for one item at one location, and why. {@link #decide} applies a policy to the stock
 * position, the demand signal and the supplier's terms:
 * <ol>
 *   <li>projected available = on hand + on order + in transit − reserved − backordered;</li>
 *   <li>the method's need (see {@link ReplenishmentMethod}); safety stock is part of the target of
 *       DAYS_OF_COVER, and of REORDER_POINT when the planner leaves the reorder point to be computed
 *       (lead-time demand + safety stock); set levels are taken as the planner wrote them;</li>
 *   <li>a positive need is raised to the supplier's minimum order quantity, then rounded up to whole
 *       case packs and, where the policy asks for it and the item has a pallet size, whole pallets.</li>
 * </ol>
 * {@code quantity} 0 means nothing to buy. {@code explanation} states every number used, in order.
 */
public record ReplenishmentDecision(long projected, long safetyStock, long need, long quantity, String explanation) {

    /** Stock of the item at the location as it stands now, in base units, all non-negative. */
    public record Position(long onHand, long onOrder, long inTransit, long reserved, long backordered) {

        public long projected() {
            return onHand + onOrder + inTransit - reserved - backordered;
        }
    }

    /** The supplier's terms: case pack and MOQ in units, lead time in days; {@code casesPerPallet} 0 when unknown. */
    public record Terms(long casePack, long minOrderQuantity, int leadTimeDays, int casesPerPallet) {

        public Terms {
            if (casePack < 1 || minOrderQuantity < 0 || leadTimeDays < 0 || casesPerPallet < 0) {
                throw new IllegalArgumentException("invalid supplier terms");
            }
        }
    }

    public boolean proposes() {
        return quantity > 0;
    }

    public static ReplenishmentDecision decide(ReplenishmentPolicy policy, Position position, DemandSignal demand, Terms terms) {
        List<String> why = new ArrayList<>();
        long projected = position.projected();
        why.add("projected available " + projected + " = on hand " + position.onHand() + " + on order " + position.onOrder()
                + " + in transit " + position.inTransit() + " - reserved " + position.reserved() + " - backordered "
                + position.backordered());
        long safetyStock = 0;
        if (policy.serviceLevel() != null && usesDemand(policy)) {
            double z = SafetyStock.z(policy.serviceLevel().doubleValue());
            double sigmaLt = policy.leadTimeDeviationDays() == null ? 0 : policy.leadTimeDeviationDays().doubleValue();
            double exact = SafetyStock.exact(z, terms.leadTimeDays(), demand, sigmaLt);
            safetyStock = SafetyStock.units(exact);
            why.add(String.format(Locale.ROOT, "demand %.2f/day (σ %.2f) %s", demand.rate(), demand.deviation(),
                    demand.days() > 0 ? "over " + demand.days() + " days, recency-weighted" : "as set by the planner"));
            why.add(String.format(Locale.ROOT, "safety stock %d = ⌈z %.4f × √(LT %d × %.2f² + %.2f² × σLT %.2f²)⌉ at service level %s",
                    safetyStock, z, terms.leadTimeDays(), demand.deviation(), demand.rate(), sigmaLt,
                    policy.serviceLevel().toPlainString()));
        }
        long need = switch (policy.method()) {
            case REORDER_POINT -> {
                long reorderPoint;
                if (policy.reorderPoint() != null) {
                    reorderPoint = policy.reorderPoint();
                } else {
                    long leadTimeDemand = (long) Math.ceil(demand.rate() * terms.leadTimeDays() - 1e-9);
                    reorderPoint = leadTimeDemand + safetyStock;
                    why.add("reorder point " + reorderPoint + " = lead-time demand " + leadTimeDemand + " + safety stock " + safetyStock);
                }
                if (projected > reorderPoint) {
                    why.add("above reorder point " + reorderPoint + ": nothing to order");
                    yield 0;
                }
                long n = Math.max(0, policy.orderUpTo() - projected);
                why.add("at or below reorder point " + reorderPoint + ": order up to " + policy.orderUpTo() + " needs " + n);
                yield n;
            }
            case MIN_MAX -> {
                if (projected >= policy.min()) {
                    why.add("not below min " + policy.min() + ": nothing to order");
                    yield 0;
                }
                long n = policy.max() - projected;
                why.add("below min " + policy.min() + ": up to max " + policy.max() + " needs " + n);
                yield n;
            }
            case DAYS_OF_COVER -> {
                long cover = (long) Math.ceil(demand.rate() * policy.daysOfCover() - 1e-9);
                long target = cover + safetyStock;
                why.add(String.format(Locale.ROOT, "target %d = ⌈%d days × %.2f/day⌉ %d + safety stock %d", target,
                        policy.daysOfCover(), demand.rate(), cover, safetyStock));
                if (projected >= target) {
                    why.add("projected available covers the target: nothing to order");
                    yield 0;
                }
                long n = target - projected;
                why.add("needs " + n);
                yield n;
            }
            case MAKE_TO_ORDER -> {
                long n = Math.max(0, position.backordered() - position.onOrder() - position.inTransit());
                why.add("make to order: backordered " + position.backordered() + " - on order " + position.onOrder()
                        + " - in transit " + position.inTransit() + " needs " + n);
                yield n;
            }
            case NONE -> {
                why.add("policy NONE: never replenished");
                yield 0;
            }
        };
        long quantity = need <= 0 ? 0 : round(need, policy.roundToPallets(), terms, why);
        return new ReplenishmentDecision(projected, safetyStock, need, quantity, String.join("; ", why));
    }

    /** True when the policy's method plans with the demand rate (days of cover, or a reorder point left to be computed). */
    public static boolean usesDemand(ReplenishmentPolicy policy) {
        return policy.method() == ReplenishmentMethod.DAYS_OF_COVER
                || policy.method() == ReplenishmentMethod.REORDER_POINT && policy.reorderPoint() == null;
    }

    /** Up to the MOQ, then up to whole cases, then (when asked and known) whole pallets of those cases. */
    static long round(long need, boolean toPallets, Terms terms, List<String> why) {
        long q = need;
        if (q < terms.minOrderQuantity()) {
            q = terms.minOrderQuantity();
            why.add("raised to the minimum order quantity " + q);
        }
        long cased = ceilTo(q, terms.casePack());
        if (cased != q) {
            why.add("rounded up to whole cases of " + terms.casePack() + ": " + cased);
        }
        q = cased;
        if (toPallets) {
            if (terms.casesPerPallet() > 0) {
                long pallet = terms.casePack() * terms.casesPerPallet();
                long palleted = ceilTo(q, pallet);
                if (palleted != q) {
                    why.add("rounded up to whole pallets of " + pallet + " (" + terms.casesPerPallet() + " cases): " + palleted);
                }
                q = palleted;
            } else {
                why.add("pallet rounding asked for, but the item has no pallet size");
            }
        }
        why.add("propose " + q);
        return q;
    }

    private static long ceilTo(long q, long multiple) {
        return Math.ceilDiv(q, multiple) * multiple;
    }
}
