package io.tributary.sourcing;

/**
 * How one channel's orders are routed. Costs are abstract units that rank plans, not money: a
 * fixed {@code shipmentCost} per shipment, {@code costPerKm} from node to customer, and
 * {@code splitPenalty} for every shipment after the first. {@code neverSplit} keeps an order in
 * one shipment (wholesale); {@code preferStoresForSameDay} adds {@code storePreference} to every
 * non-store node of a SAME_DAY order; {@code storeReserveUnits} keeps a store's last units of each
 * SKU for walk-in customers; {@code backorderPolicy} says what happens to lines no node can fill.
 * {@code sameDayMaxKm} is the reach of same-day delivery and {@code standardDays} the transit days
 * a STANDARD order may take; {@code domesticKm} and {@code internationalKm} are the distances
 * assumed when the order or the node has no coordinates.
 */
public record SourcingRules(double shipmentCost, double costPerKm, double splitPenalty, boolean neverSplit,
                            boolean preferStoresForSameDay, double storePreference, long storeReserveUnits,
                            BackorderPolicy backorderPolicy, int sameDayMaxKm, int standardDays, int domesticKm,
                            int internationalKm) {

    /** What a channel without its own rules gets. */
    public static final SourcingRules DEFAULTS = new SourcingRules(5, 0.02, 15, false, false, 25, 0,
            BackorderPolicy.BACKORDER, 50, 5, 300, 1000);
}
