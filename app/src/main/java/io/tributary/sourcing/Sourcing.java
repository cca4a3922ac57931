package io.tributary.sourcing;

import io.tributary.access.Actor;
import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.inventory.Availability;
import io.tributary.inventory.Views.ChannelAvailability;
import io.tributary.inventory.Views.ItemAvailability;
import io.tributary.inventory.Views.LocationAvailability;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.LocationType;
import io.tributary.network.Network;
import io.tributary.shared.Ids;
import io.tributary.sourcing.domain.RoutingPolicy;
import io.tributary.sourcing.persistence.JdbcSourcing;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Routing of orders to nodes. {@link #plan} reads the channel's rules, live availability at the
 * channel's eligible locations and the nodes' load today, and asks {@link RoutingPolicy} for the
 * cheapest plan; {@link #commit} stores the decision and takes the nodes' daily capacity inside
 * the caller's transaction. A plan is a proposal until the caller's reservation of it succeeds:
 * if stock or capacity moved in between, the caller plans again.
 */
@Service
public class Sourcing {

    private final Availability availability;
    private final Network network;
    private final JdbcSourcing store;
    private final JsonMapper json;
    private final Clock clock;

    Sourcing(Availability availability, Network network, JdbcSourcing store, JsonMapper json, Clock clock) {
        this.availability = availability;
        this.network = network;
        this.store = store;
        this.json = json;
        this.clock = clock;
    }

    public SourcingRules rules(ChannelCode channel) {
        return store.rules(channel.value()).orElse(SourcingRules.DEFAULTS);
    }

    @Transactional
    public SourcingRules putRules(ChannelCode channel, SourcingRules rules, Actor actor) {
        store.putRules(channel.value(), rules, actor.name(), clock.instant());
        return rules;
    }

    /** The cheapest plan for the order now, with every node's assessment. Reserves nothing. */
    public Route plan(RouteOrder order, Actor actor) {
        SourcingRules rules = rules(order.channel());
        Set<Sku> skus = new LinkedHashSet<>();
        order.lines().forEach(l -> skus.add(l.sku()));
        ChannelAvailability stock = availability.forChannel(order.channel(), List.copyOf(skus), actor);
        Map<String, Map<String, Long>> perLocation = new LinkedHashMap<>();
        for (ItemAvailability item : stock.items()) {
            for (LocationAvailability at : item.locations()) {
                perLocation.computeIfAbsent(at.location(), k -> new HashMap<>()).put(item.sku().value(), at.available());
            }
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<String, Location> locations = new HashMap<>();
        perLocation.keySet().forEach(code -> network.find(new LocationCode(code)).ifPresent(l -> locations.put(code, l)));
        // Only nodes with a daily limit are counted ({@link #commit}), so only their load is read.
        List<String> limited = locations.values().stream().filter(l -> l.dailyOrderCapacity() != null).map(l -> l.code().value()).toList();
        Map<String, Integer> load = limited.isEmpty() ? Map.of() : store.load(limited, today);
        List<RoutingPolicy.Node> nodes = new ArrayList<>();
        for (Map.Entry<String, Map<String, Long>> e : perLocation.entrySet()) {
            Location location = locations.get(e.getKey());
            if (location == null) {
                continue;
            }
            Integer capacityLeft = location.dailyOrderCapacity() == null ? null
                    : location.dailyOrderCapacity() - load.getOrDefault(e.getKey(), 0);
            nodes.add(new RoutingPolicy.Node(e.getKey(), location.type() == LocationType.STORE, location.can(Capability.SHIP),
                    location.can(Capability.PICKUP), toDouble(location.latitude()), toDouble(location.longitude()),
                    location.country(), capacityLeft, e.getValue()));
        }
        List<RoutingPolicy.Line> lines = order.lines().stream()
                .map(l -> new RoutingPolicy.Line(l.lineId(), l.sku().value(), l.quantity())).toList();
        RoutingPolicy.Decision d = RoutingPolicy.decide(new RoutingPolicy.Order(order.deliveryMethod(),
                        order.pickupLocation() == null ? null : order.pickupLocation().value(), order.serviceLevel(),
                        order.country(), order.latitude(), order.longitude(), lines, order.excludedLocations()),
                nodes, policyRules(rules));
        return new Route(clock.instant(),
                d.shipments().stream().map(s -> new Route.Shipment(s.location(), allocations(s.lines()), s.cost())).toList(),
                allocations(d.backordered()),
                d.candidates().stream().map(c -> new Route.Candidate(c.location(), c.distanceKm(), c.distanceEstimated(),
                        c.transitDays(), c.meetsPromise(), c.cost(), c.fillableUnits(), c.fillsAll(), c.excludedBy(), c.detail())).toList(),
                d.totalCost(), d.promiseAtRisk(), d.refused(), d.summary(), rules);
    }

    /**
     * Stores the decision for the order and takes one order slot of today's capacity at every
     * node with a daily capacity that ships a part of it, in the caller's transaction. Nodes
     * without a limit are not counted, so they are no point of contention; a node that gets a
     * limit during the day starts counting then. Throws {@link CapacityTaken} when
     * a node filled up since the plan was made.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void commit(UUID order, Route route) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        // Nodes in code order, so that two orders sharing nodes take their slots in the same order.
        List<String> nodes = route.shipments().stream().map(Route.Shipment::location).distinct().sorted().toList();
        for (String code : nodes) {
            Location location = network.find(new LocationCode(code)).orElseThrow();
            if (location.dailyOrderCapacity() != null && !store.take(code, today, location.dailyOrderCapacity())) {
                throw new CapacityTaken(code);
            }
        }
        record(order, route);
    }

    /** Stores a decision that took no capacity (e.g. everything backordered, or a refusal). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(UUID order, Route route) {
        store.recordDecision(Ids.newId(), order, route.decidedAt(), json.writeValueAsString(route));
    }

    /** The latest decision taken for an order, if any. */
    public java.util.Optional<Route> latestDecision(UUID order) {
        return store.latestDecision(order).map(s -> json.readValue(s, Route.class));
    }

    /** Every decision taken for an order, oldest first. */
    public List<Route> decisions(UUID order) {
        return store.decisions(order).stream().map(s -> json.readValue(s, Route.class)).toList();
    }

    private static List<Route.Allocation> allocations(List<RoutingPolicy.Allocation> in) {
        return in.stream().map(a -> new Route.Allocation(a.lineId(), a.sku(), a.quantity())).toList();
    }

    private static RoutingPolicy.Rules policyRules(SourcingRules r) {
        return new RoutingPolicy.Rules(r.shipmentCost(), r.costPerKm(), r.splitPenalty(), r.neverSplit(), r.preferStoresForSameDay(),
                r.storePreference(), r.storeReserveUnits(), r.backorderPolicy(), r.sameDayMaxKm(), r.standardDays(), r.domesticKm(),
                r.internationalKm());
    }

    private static Double toDouble(java.math.BigDecimal v) {
        return v == null ? null : v.doubleValue();
    }
}
