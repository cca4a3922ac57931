package io.tributary.sourcing.domain;

import io.tributary.sourcing.BackorderPolicy;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses the node(s) that fill an order, and says why. A pure function of the order, the
 * candidate nodes (with what each can sell now) and the channel's rules.
 *
 * <p>Every node is first judged on its own: one that gave these lines back before, cannot serve
 * the delivery method, has used its daily capacity, or holds none of the SKUs is excluded with the rule that excluded it. The
 * others get a shipment cost: a fixed cost per shipment plus a cost per kilometre to the customer
 * (the proxy for carrier price and transit time), plus a penalty when the node cannot meet the
 * service level's promised days (such a node is kept, as a last resort, and the decision says the
 * promise is at risk) and, for SAME_DAY orders of a channel that prefers stores, when it is not a
 * store. Then plans are compared: every single node that fills the whole order, and a greedy split
 * (cheapest cost per unit first) that pays {@code splitPenalty} for every shipment after the
 * first. The cheapest full plan wins, so an order splits only when that is cheaper than the
 * penalty or the only way. When no plan fills everything, the best partial plan is taken and the
 * rest is backordered, or the order is refused, as the channel's policy says. Demand is summed
 * per SKU, so two lines of one SKU can never both count the same units.
 */
public final class RoutingPolicy {

    /** Added to a node that cannot meet the promised days, so it is chosen only when nothing else can. */
    static final double LATE_PENALTY = 1_000;

    private RoutingPolicy() {
    }

    public record Line(String lineId, String sku, long quantity) {
    }

    /** A node as the policy sees it; {@code available} is sellable units per SKU; {@code capacityLeft} null means unlimited. */
    public record Node(String code, boolean store, boolean canShip, boolean canPickup, Double latitude, Double longitude,
                       String country, Integer capacityLeft, Map<String, Long> available) {
    }

    /** {@code excluded} are nodes that gave these lines back (a rejection or a short pick): never chosen again for them. */
    public record Order(DeliveryMethod method, String pickupLocation, ServiceLevel serviceLevel, String country,
                        Double latitude, Double longitude, List<Line> lines, Set<String> excluded) {
        public Order {
            excluded = excluded == null ? Set.of() : Set.copyOf(excluded);
        }

        public Order(DeliveryMethod method, String pickupLocation, ServiceLevel serviceLevel, String country,
                     Double latitude, Double longitude, List<Line> lines) {
            this(method, pickupLocation, serviceLevel, country, latitude, longitude, lines, Set.of());
        }
    }

    /**
     * A channel's routing rules. Costs are abstract units (a shipment's fixed cost, a cost per
     * kilometre), not money.
     */
    public record Rules(double shipmentCost, double costPerKm, double splitPenalty, boolean neverSplit,
                        boolean preferStoresForSameDay, double storePreference, long storeReserveUnits,
                        BackorderPolicy backorderPolicy, int sameDayMaxKm, int standardDays, int domesticKm,
                        int internationalKm) {
    }

    /** One node's assessment: excluded (with the rule and why) or a candidate with its cost. */
    public record Candidate(String location, Double distanceKm, boolean distanceEstimated, int transitDays,
                            boolean meetsPromise, Double cost, long fillableUnits, boolean fillsAll, String excludedBy,
                            String detail) {
    }

    public record Allocation(String lineId, String sku, long quantity) {
    }

    public record Shipment(String location, List<Allocation> lines, double cost) {
    }

    /**
     * The chosen plan: shipments per node, lines or parts of lines backordered, every node
     * assessed, the plan's cost and a sentence saying why. {@code refused} when the channel
     * refuses orders it cannot fill.
     */
    public record Decision(List<Shipment> shipments, List<Allocation> backordered, List<Candidate> candidates,
                           double totalCost, boolean promiseAtRisk, boolean refused, String summary) {
    }

    public static Decision decide(Order order, List<Node> nodes, Rules rules) {
        Map<String, Long> demand = new LinkedHashMap<>();
        order.lines().forEach(l -> demand.merge(l.sku(), l.quantity(), Long::sum));
        List<Candidate> assessed = new ArrayList<>();
        List<Option> options = new ArrayList<>();
        for (Node node : nodes) {
            Option option = assess(order, node, rules, demand);
            assessed.add(option.candidate);
            if (option.candidate.excludedBy() == null) {
                options.add(option);
            }
        }
        options.sort(Comparator.comparingDouble((Option o) -> o.cost).thenComparing(o -> o.node.code()));

        Plan bestSingle = null;
        for (Option o : options) {
            if (o.candidate.fillsAll()) {
                bestSingle = allocate(order, List.of(o), rules);
                break;
            }
        }
        Plan split = rules.neverSplit() ? null : greedy(order, options, rules);
        Plan full = cheapest(bestSingle, split != null && split.complete() ? split : null);
        if (full != null) {
            String why;
            if (full.shipments.size() == 1) {
                why = "%s fills the whole order at cost %s".formatted(full.shipments.get(0).location(), fmt(full.cost));
                if (split != null && split.complete() && split.shipments.size() > 1) {
                    why += "; the best split would cost " + fmt(split.cost);
                }
            } else {
                why = "split over %d nodes at cost %s (including %s split penalty per extra shipment): %s".formatted(
                        full.shipments.size(), fmt(full.cost), fmt(rules.splitPenalty()),
                        bestSingle == null ? "no single eligible node holds every line" : "cheaper than the best single node at " + fmt(bestSingle.cost));
            }
            return decision(full, assessed, false, why);
        }
        if (rules.backorderPolicy() == BackorderPolicy.REFUSE) {
            List<Allocation> all = order.lines().stream().map(l -> new Allocation(l.lineId(), l.sku(), l.quantity())).toList();
            return new Decision(List.of(), all, assessed, 0, false, true,
                    "refused: no eligible node can fill the whole order and the channel refuses backorders");
        }
        Plan partial;
        if (rules.neverSplit()) {
            partial = options.stream().map(o -> allocate(order, List.of(o), rules))
                    .max(Comparator.comparingLong(Plan::units).thenComparing(p -> -p.cost)).orElse(allocate(order, List.of(), rules));
        } else {
            partial = split;
        }
        long backordered = partial.backordered.stream().mapToLong(Allocation::quantity).sum();
        String why = partial.shipments.isEmpty()
                ? "every line backordered: no eligible node holds any of it"
                : "%d unit(s) backordered: no eligible node %s; the rest ships from %s".formatted(backordered,
                        rules.neverSplit() ? "fills the order alone and the channel never splits" : "holds them",
                        String.join(", ", partial.shipments.stream().map(Shipment::location).toList()));
        return decision(partial, assessed, false, why);
    }

    private static Decision decision(Plan plan, List<Candidate> assessed, boolean refused, String why) {
        boolean atRisk = plan.shipments.stream().anyMatch(s -> assessed.stream()
                .anyMatch(c -> c.location().equals(s.location()) && !c.meetsPromise()));
        if (atRisk) {
            why += "; the promised date is at risk: no node that meets it could fill these lines";
        }
        return new Decision(plan.shipments, plan.backordered, assessed, plan.cost, atRisk, refused, why);
    }

    private static Plan cheapest(Plan a, Plan b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        // A tie keeps the single shipment.
        return b.cost < a.cost - 1e-9 ? b : a;
    }

    private static Option assess(Order order, Node node, Rules rules, Map<String, Long> demand) {
        Map<String, Long> sellable = new HashMap<>();
        long reserve = node.store() ? rules.storeReserveUnits() : 0;
        for (String sku : demand.keySet()) {
            sellable.put(sku, Math.max(0, node.available().getOrDefault(sku, 0L) - reserve));
        }
        long fillable = 0;
        boolean fillsAll = true;
        for (Map.Entry<String, Long> d : demand.entrySet()) {
            long s = sellable.get(d.getKey());
            fillable += Math.min(s, d.getValue());
            fillsAll &= s >= d.getValue();
        }
        Double km;
        boolean estimated = false;
        if (order.method() == DeliveryMethod.PICKUP) {
            km = 0.0;
        } else if (node.latitude() != null && node.longitude() != null && order.latitude() != null && order.longitude() != null) {
            km = Geo.km(node.latitude(), node.longitude(), order.latitude(), order.longitude());
        } else {
            estimated = true;
            km = (double) (node.country() != null && node.country().equalsIgnoreCase(order.country()) ? rules.domesticKm() : rules.internationalKm());
        }
        int days = transitDays(km, rules);
        int allowed = switch (order.serviceLevel()) {
            case SAME_DAY -> 0;
            case EXPRESS -> 1;
            case STANDARD -> rules.standardDays();
        };
        boolean meets = order.method() == DeliveryMethod.PICKUP || days <= allowed;
        String excludedBy = null;
        String detail = null;
        if (order.excluded().contains(node.code())) {
            excludedBy = "GAVE_LINES_BACK";
            detail = "the location rejected or short-picked these lines before";
        } else if (order.method() == DeliveryMethod.PICKUP && !node.code().equals(order.pickupLocation())) {
            excludedBy = "NOT_PICKUP_LOCATION";
            detail = "the customer collects at " + order.pickupLocation();
        } else if (order.method() == DeliveryMethod.PICKUP && !node.canPickup()) {
            excludedBy = "NO_PICKUP_CAPABILITY";
            detail = "the location does not offer pickup";
        } else if (order.method() == DeliveryMethod.SHIP && !node.canShip()) {
            excludedBy = "NO_SHIP_CAPABILITY";
            detail = "the location does not ship to customers";
        } else if (node.capacityLeft() != null && node.capacityLeft() <= 0) {
            excludedBy = "CAPACITY_REACHED";
            detail = "no order capacity left today";
        } else if (fillable == 0) {
            excludedBy = "NO_STOCK";
            detail = reserve > 0 ? "nothing sellable after keeping " + reserve + " unit(s) per SKU for walk-in customers"
                    : "none of the ordered SKUs is available";
        }
        double cost = rules.shipmentCost() + rules.costPerKm() * km;
        if (!meets) {
            cost += LATE_PENALTY;
        }
        if (order.serviceLevel() == ServiceLevel.SAME_DAY && rules.preferStoresForSameDay() && !node.store()) {
            cost += rules.storePreference();
        }
        Candidate c = new Candidate(node.code(), round(km), estimated, days, meets, excludedBy == null ? round(cost) : null,
                fillable, fillsAll, excludedBy, excludedBy == null && !meets
                        ? "needs %d day(s) in transit; %s allows %d".formatted(days, order.serviceLevel(), allowed) : detail);
        return new Option(node, c, cost, sellable);
    }

    static int transitDays(double km, Rules rules) {
        if (km <= rules.sameDayMaxKm()) {
            return 0;
        }
        if (km <= 400) {
            return 1;
        }
        if (km <= 1200) {
            return 2;
        }
        return 3 + (int) ((km - 1200) / 1000);
    }

    /** Cheapest cost per unit first, each node once, until every unit is placed or no node helps. */
    private static Plan greedy(Order order, List<Option> options, Rules rules) {
        Map<String, Long> remaining = new LinkedHashMap<>();
        order.lines().forEach(l -> remaining.merge(l.sku(), l.quantity(), Long::sum));
        List<Option> chosen = new ArrayList<>();
        List<Option> left = new ArrayList<>(options);
        while (remaining.values().stream().anyMatch(q -> q > 0) && !left.isEmpty()) {
            Option best = null;
            double bestRatio = Double.MAX_VALUE;
            long bestUnits = 0;
            for (Option o : left) {
                long units = 0;
                for (Map.Entry<String, Long> r : remaining.entrySet()) {
                    units += Math.min(r.getValue(), o.sellable.get(r.getKey()));
                }
                if (units == 0) {
                    continue;
                }
                double ratio = o.cost / units;
                if (ratio < bestRatio - 1e-12 || (Math.abs(ratio - bestRatio) <= 1e-12 && units > bestUnits)) {
                    best = o;
                    bestRatio = ratio;
                    bestUnits = units;
                }
            }
            if (best == null) {
                break;
            }
            chosen.add(best);
            left.remove(best);
            for (Map.Entry<String, Long> r : remaining.entrySet()) {
                r.setValue(r.getValue() - Math.min(r.getValue(), best.sellable.get(r.getKey())));
            }
        }
        return allocate(order, chosen, rules);
    }

    /** Places every line on the given nodes in order (a line may span nodes), the rest backordered. */
    private static Plan allocate(Order order, List<Option> nodes, Rules rules) {
        Map<String, Map<String, Long>> left = new HashMap<>();
        for (Option o : nodes) {
            left.put(o.node.code(), new HashMap<>(o.sellable));
        }
        Map<String, List<Allocation>> perNode = new LinkedHashMap<>();
        List<Allocation> backordered = new ArrayList<>();
        for (Line line : order.lines()) {
            long need = line.quantity();
            for (Option o : nodes) {
                if (need == 0) {
                    break;
                }
                Map<String, Long> stock = left.get(o.node.code());
                long take = Math.min(need, stock.get(line.sku()));
                if (take > 0) {
                    stock.put(line.sku(), stock.get(line.sku()) - take);
                    perNode.computeIfAbsent(o.node.code(), k -> new ArrayList<>()).add(new Allocation(line.lineId(), line.sku(), take));
                    need -= take;
                }
            }
            if (need > 0) {
                backordered.add(new Allocation(line.lineId(), line.sku(), need));
            }
        }
        List<Shipment> shipments = new ArrayList<>();
        double cost = 0;
        for (Option o : nodes) {
            List<Allocation> lines = perNode.get(o.node.code());
            if (lines != null) {
                shipments.add(new Shipment(o.node.code(), List.copyOf(lines), round(o.cost)));
                cost += o.cost;
            }
        }
        if (shipments.size() > 1) {
            cost += rules.splitPenalty() * (shipments.size() - 1);
        }
        return new Plan(shipments, backordered, round(cost));
    }

    private record Option(Node node, Candidate candidate, double cost, Map<String, Long> sellable) {
    }

    private record Plan(List<Shipment> shipments, List<Allocation> backordered, double cost) {
        boolean complete() {
            return backordered.isEmpty();
        }

        long units() {
            return shipments.stream().flatMap(s -> s.lines().stream()).mapToLong(Allocation::quantity).sum();
        }
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
