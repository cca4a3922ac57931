package io.tributary.orders;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.Channels;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.fulfillment.Fulfillment;
import io.tributary.fulfillment.FulfillmentEvents.FulfillmentChanged;
import io.tributary.fulfillment.Fulfillments;
import io.tributary.fulfillment.OpenFulfillment;
import io.tributary.inventory.InsufficientStock;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.orders.OrderEvents.OrderChanged;
import io.tributary.orders.domain.HoldPolicy;
import io.tributary.orders.domain.OrderStatusPolicy;
import io.tributary.orders.persistence.JdbcOrders;
import io.tributary.orders.persistence.JdbcOrders.Head;
import io.tributary.orders.persistence.JdbcOrders.LineRow;
import io.tributary.orders.persistence.JdbcOrders.Transition;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.sourcing.CapacityTaken;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.Route;
import io.tributary.sourcing.RouteOrder;
import io.tributary.sourcing.ServiceLevel;
import io.tributary.sourcing.Sourcing;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order intake and the order's life to delivery. {@link #place} stores a channel order once (the
 * same channel and external id again returns the first), applies the hold rules and, when nothing
 * holds it, routes it: sourcing proposes a plan and every node's share is opened as a fulfilment
 * that reserves its units in the same transaction (in a savepoint); if stock or capacity moved in
 * between, the order is planned again, so two orders can never be routed to the same last unit.
 * Held orders are routed when a person releases the hold. Fulfilment events move the lines
 * (shipped, delivered, given back and rerouted, not collected), and backordered lines are routed
 * again when stock arrives, oldest order first. Cancellation gives stock back and is refused for
 * shipped units.
 */
@Service
public class Orders {

    /** Attempts to plan and reserve before the rest is backordered. */
    static final int ROUTING_ATTEMPTS = 3;

    private final JdbcOrders store;
    private final Catalog catalog;
    private final Channels channels;
    private final Network network;
    private final Sourcing sourcing;
    private final Fulfillments fulfillments;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final BigDecimal riskThreshold;
    private final int maxLines;
    private final Exceptions exceptions;

    Orders(JdbcOrders store, Catalog catalog, Channels channels, Network network, Sourcing sourcing, Fulfillments fulfillments,
           ApplicationEventPublisher events, JsonMapper json, Clock clock, PlatformTransactionManager txm,
           @Value("${tributary.orders.risk.new-customer-order-value:1000}") BigDecimal riskThreshold,
           @Value("${tributary.orders.max-lines:500}") int maxLines, Exceptions exceptions) {
        this.store = store;
        this.catalog = catalog;
        this.channels = channels;
        this.network = network;
        this.sourcing = sourcing;
        this.fulfillments = fulfillments;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.savepoint = new TransactionTemplate(txm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.riskThreshold = riskThreshold;
        this.maxLines = maxLines;
        this.exceptions = exceptions;
    }

    /** The outcome of intake: the order, and whether this call created it. */
    public record Placed(Order order, boolean created) {
    }

    public Placed place(PlaceOrder command, Actor actor) {
        actor.requireChannel(command.channel());
        validate(command);
        Outcome outcome = tx.execute(status -> create(command, actor));
        return outcome.order() != null ? new Placed(outcome.order(), true) : new Placed(get(outcome.id(), actor), outcome.created());
    }

    /** What intake did: the order's id, whether it is new, and its view when it was built on the way. */
    private record Outcome(UUID id, boolean created, Order order) {
    }

    private Outcome create(PlaceOrder c, Actor actor) {
        Instant now = clock.instant();
        UUID id = Ids.newId();
        BigDecimal total = c.lines().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String email = c.customer() == null ? null : c.customer().email();
        // Whether the customer is new matters only above the risk threshold: look it up only then.
        boolean newCustomer = total.compareTo(riskThreshold) > 0 && (email == null || !store.knownCustomer(email));
        boolean ships = c.deliveryMethod() == DeliveryMethod.SHIP;
        List<HoldReason> holds = HoldPolicy.holds(c.paymentStatus(), c.fraudFlag(), newCustomer, total, riskThreshold, ships,
                ships ? c.shipTo().country() : null, ships ? c.shipTo().postalCode() : null);
        OrderStatus initial = holds.isEmpty() ? OrderStatus.RECEIVED : OrderStatus.HELD;
        Head head = new Head(id, c.channel().value(), c.externalId(), initial, c.placedAt() == null ? now : c.placedAt(),
                c.currency().getCurrencyCode(), json.writeValueAsString(c.customer() == null ? Map.of() : c.customer()),
                c.shipTo() == null ? null : json.writeValueAsString(c.shipTo()), c.deliveryMethod().name(),
                c.pickupLocation() == null ? null : c.pickupLocation().value(), c.serviceLevel().name(), c.paymentStatus().name(),
                c.fraudFlag(), holds, total, now, actor.name(), 0);
        Map<String, LineRow> lines = new LinkedHashMap<>();
        for (int i = 0; i < c.lines().size(); i++) {
            PlaceOrder.Line l = c.lines().get(i);
            lines.put(l.lineId(), new LineRow(l.lineId(), i, l.sku().value(), l.quantity(), l.unitPrice(), 0, 0, 0, 0, 0));
        }
        if (!store.insert(head, email, now, List.copyOf(lines.values()))) {
            // The channel sent this order before (or concurrently, and that one committed first).
            return new Outcome(store.idOf(c.channel().value(), c.externalId()).orElseThrow(), false, null);
        }
        List<Transition> transitions = new ArrayList<>();
        transitions.add(new Transition(now, actor.name(), "received", null, OrderStatus.RECEIVED, null));
        events.publishEvent(new OrderChanged(id, c.channel().value(), c.externalId(), "received", OrderStatus.RECEIVED.name(), null));
        if (!holds.isEmpty()) {
            String why = "held: " + String.join(", ", holds.stream().map(Enum::name).toList());
            transitions.add(new Transition(now, actor.name(), "held", OrderStatus.RECEIVED, OrderStatus.HELD, why));
            store.history(id, transitions);
            events.publishEvent(new OrderChanged(id, c.channel().value(), c.externalId(), "held", OrderStatus.HELD.name(), why));
            exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "order", id.toString(),
                    "Order " + c.externalId() + " of " + c.channel() + " " + why,
                    Map.of("channel", c.channel().value(), "externalId", c.externalId(), "holds", holds.stream().map(Enum::name).toList())), actor);
            return new Outcome(id, true, null);
        }
        Routed routed = route(head, lines, actor, Mode.INTAKE, null, transitions);
        return new Outcome(id, true, view(head, routed.status(), head.version() + 1, routed.lines().values(), routed.opened(),
                routed.route()));
    }

    /** Releases every hold of a HELD order and routes it. */
    public Order releaseHold(UUID id, String note, Actor actor) {
        tx.executeWithoutResult(s -> {
            Head head = locked(id, actor);
            if (head.status() != OrderStatus.HELD) {
                throw new InvalidTransition("order", head.status(), "release the hold of");
            }
            Instant now = clock.instant();
            store.updateHead(id, OrderStatus.RECEIVED, List.of(), head.version(), now);
            String why = "hold released (" + String.join(", ", head.holds().stream().map(Enum::name).toList()) + ")"
                    + (note == null || note.isBlank() ? "" : ": " + note);
            store.history(id, now, actor.name(), "hold_released", OrderStatus.HELD, OrderStatus.RECEIVED, why);
            events.publishEvent(new OrderChanged(id, head.channel(), head.externalId(), "hold_released", OrderStatus.RECEIVED.name(), why));
            exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", id.toString(), "RELEASED", why, actor);
            route(store.lock(id).orElseThrow(), null, actor, Mode.RELEASE, null, new ArrayList<>());
        });
        return get(id, actor);
    }

    /** A line to cancel and how many units; {@code quantity} null means all that is still open. */
    public record CancelLine(String lineId, Long quantity) {
    }

    /**
     * Cancels the whole order (no lines) or some units of some lines, before they ship: units not
     * yet placed (backordered or unrouted) first, then units held by fulfilments, whose stock goes
     * back to available. Refused with {@code invalid-transition} for shipped units or a cancelled
     * order.
     */
    public Order cancel(UUID id, List<CancelLine> request, String reason, Actor actor) {
        tx.executeWithoutResult(s -> {
            Head seen = store.head(id).orElseThrow(() -> new NotFound("Order", id.toString()));
            actor.requireChannel(new ChannelCode(seen.channel()));
            fulfillments.lockOrder(id); // fulfilments before the order, as the node's steps lock them
            Head head = locked(id, actor);
            if (head.status() == OrderStatus.CANCELLED || head.status() == OrderStatus.SHIPPED || head.status() == OrderStatus.DELIVERED) {
                throw new InvalidTransition("order", head.status(), "cancel");
            }
            List<LineRow> lines = store.lines(id);
            Map<String, LineRow> byId = new LinkedHashMap<>();
            lines.forEach(l -> byId.put(l.lineId(), l));
            Map<String, Long> cancel = new LinkedHashMap<>();
            List<FieldError> errors = new ArrayList<>();
            if (request == null || request.isEmpty()) {
                if (lines.stream().anyMatch(l -> l.shipped() > 0)) {
                    throw new InvalidTransition("order", head.status(), "cancel (units have shipped)");
                }
                lines.forEach(l -> cancel.put(l.lineId(), l.quantity() - l.cancelled()));
            } else {
                for (int i = 0; i < request.size(); i++) {
                    CancelLine c = request.get(i);
                    LineRow l = c.lineId() == null ? null : byId.get(c.lineId());
                    if (l == null) {
                        errors.add(new FieldError("lines[" + i + "].lineId", "no line '" + c.lineId() + "' in this order"));
                        continue;
                    }
                    long open = l.quantity() - l.cancelled() - l.shipped() - cancel.getOrDefault(l.lineId(), 0L);
                    if (open <= 0) {
                        throw new InvalidTransition("order line " + l.lineId(), l.shipped() > 0 ? "SHIPPED" : "CANCELLED", "cancel");
                    }
                    long q = c.quantity() == null ? open : c.quantity();
                    if (q < 1 || q > open) {
                        errors.add(new FieldError("lines[" + i + "].quantity", "must be between 1 and " + open + " (the units still open)"));
                        continue;
                    }
                    cancel.merge(l.lineId(), q, Long::sum);
                }
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
            Instant now = clock.instant();
            String why = (request == null || request.isEmpty() ? "order cancelled" : "cancelled " + cancel)
                    + (reason == null || reason.isBlank() ? "" : ": " + reason);
            Map<String, Long> fromFulfillments = new LinkedHashMap<>();
            for (Map.Entry<String, Long> e : cancel.entrySet()) {
                LineRow l = byId.get(e.getKey());
                long q = e.getValue();
                long fromBackorder = Math.min(q, l.backordered());
                long fromUnrouted = Math.min(q - fromBackorder, l.unplaced() - l.backordered());
                long fromAllocated = q - fromBackorder - fromUnrouted;
                if (fromAllocated > 0) {
                    fromFulfillments.put(l.lineId(), fromAllocated);
                }
                LineRow updated = l.with(l.allocated() - fromAllocated, l.backordered() - fromBackorder, l.cancelled() + q, l.shipped(),
                        l.delivered());
                byId.put(l.lineId(), updated);
                store.updateLine(id, updated);
            }
            if (!fromFulfillments.isEmpty()) {
                Map<String, Long> taken = fulfillments.cancelUnits(id, fromFulfillments, why, actor);
                if (!taken.equals(fromFulfillments)) {
                    throw new IllegalStateException("order " + id + ": fulfilments hold " + taken + ", the lines say " + fromFulfillments);
                }
            }
            OrderStatus to = OrderStatusPolicy.order(!head.holds().isEmpty(), quantities(byId.values()));
            store.updateHead(id, to, to == OrderStatus.CANCELLED ? List.of() : head.holds(), head.version(), now);
            store.history(id, now, actor.name(), "cancelled", head.status(), to, why);
            events.publishEvent(new OrderChanged(id, head.channel(), head.externalId(), "cancelled", to.name(), why));
            if (head.status() == OrderStatus.HELD && to == OrderStatus.CANCELLED) {
                exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", id.toString(), "CANCELLED", why, actor);
            }
        });
        return get(id, actor);
    }

    public Order get(UUID id, Actor actor) {
        Head head = store.head(id).orElseThrow(() -> new NotFound("Order", id.toString()));
        actor.requireChannel(new ChannelCode(head.channel()));
        return view(head);
    }

    public Page<Order> list(ChannelCode channel, OrderStatus status, Integer limit, String cursor, Actor actor) {
        ChannelCode scope = channel;
        if (actor.channelScoped()) {
            if (channel != null) {
                actor.requireChannel(channel);
            }
            scope = actor.channel().orElseThrow();
        }
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        List<UUID> ids = store.page(scope == null ? null : scope.value(), status, before, n + 1);
        List<Order> orders = ids.stream().map(i -> view(store.head(i).orElseThrow())).toList();
        return Page.of(orders, n, o -> o.id().toString());
    }

    /** Transitions, oldest first, and every routing decision with its explanation. */
    public Map<String, Object> history(UUID id, Actor actor) {
        get(id, actor);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("transitions", store.history(id));
        out.put("routingDecisions", sourcing.decisions(id));
        return out;
    }

    // ---------------------------------------------------------------- fulfilment events

    /**
     * Follows the order's fulfilments, in the transaction of the fulfilment's change: shipped and
     * collected units count as shipped, delivered ones as delivered; units a node gave back are
     * routed again without that node; uncollected pickups are cancelled.
     */
    @EventListener
    void on(FulfillmentChanged e) {
        switch (e.event()) {
            case "released" -> released(e);
            case "shipped", "picked_up" -> shipped(e, e.event().equals("picked_up"));
            case "delivered" -> delivered(e);
            case "rejected" -> givenBack(e);
            case "not_collected" -> notCollected(e);
            default -> {
                // picking, packed, ready_for_pickup change nothing on the order; cancelled comes from cancel().
            }
        }
    }

    private void released(FulfillmentChanged e) {
        // Only a history entry and an event: the order's state does not change, so it is not locked.
        Head head = store.head(e.order()).orElseThrow();
        String note = "released to " + e.location() + ": " + describe(e.lines());
        store.history(head.id(), clock.instant(), Actor.SYSTEM.name(), "released", head.status(), head.status(), note);
        events.publishEvent(new OrderChanged(head.id(), head.channel(), head.externalId(), "released", head.status().name(), note));
    }

    private void shipped(FulfillmentChanged e, boolean collected) {
        String note = collected ? "collected at " + e.location() + ": " + describe(e.lines())
                : "shipped from " + e.location() + " with " + e.carrier() + " " + e.trackingNumber() + ": " + describe(e.lines());
        follow(e, collected ? "picked_up" : "shipped", note, (l, q) -> l.with(l.allocated() - q, l.backordered(), l.cancelled(),
                l.shipped() + q, l.delivered() + (collected ? q : 0)));
    }

    private void delivered(FulfillmentChanged e) {
        follow(e, "delivered", "delivered from " + e.location() + ": " + describe(e.lines()),
                (l, q) -> l.with(l.allocated(), l.backordered(), l.cancelled(), l.shipped(), l.delivered() + q));
    }

    private void notCollected(FulfillmentChanged e) {
        follow(e, "cancelled", "not collected at " + e.location() + " by the deadline: " + describe(e.lines()),
                (l, q) -> l.with(l.allocated() - q, l.backordered(), l.cancelled() + q, l.shipped(), l.delivered()));
    }

    /** Applies {@code change} (a line and the event's units of it) to every line of the event, then records the new status. */
    private void follow(FulfillmentChanged e, String event, String note, java.util.function.BiFunction<LineRow, Long, LineRow> change) {
        Head head = store.lock(e.order()).orElseThrow();
        Map<String, LineRow> lines = lines(head.id());
        List<LineRow> changed = new ArrayList<>();
        for (Fulfillment.Line fl : e.lines()) {
            LineRow updated = change.apply(lines.get(fl.lineId()), fl.quantity());
            lines.put(updated.lineId(), updated);
            changed.add(updated);
        }
        store.updateLines(head.id(), changed);
        transition(head, lines, event, note);
    }

    private void givenBack(FulfillmentChanged e) {
        Head head = store.lock(e.order()).orElseThrow();
        Map<String, LineRow> lines = lines(head.id());
        for (Fulfillment.Line fl : e.lines()) {
            LineRow l = lines.get(fl.lineId());
            store.updateLine(head.id(), l.with(l.allocated() - fl.quantity(), l.backordered(), l.cancelled(), l.shipped(), l.delivered()));
        }
        store.decline(head.id(), e.location());
        route(head, null, Actor.SYSTEM, Mode.REROUTE, e.location() + " gave back " + describe(e.lines()) + " (" + e.note() + ")",
                new ArrayList<>());
    }

    private void transition(Head head, Map<String, LineRow> lines, String event, String note) {
        Instant now = clock.instant();
        OrderStatus to = OrderStatusPolicy.order(!head.holds().isEmpty(), quantities(lines.values()));
        store.updateHead(head.id(), to, head.holds(), head.version(), now);
        store.history(head.id(), now, Actor.SYSTEM.name(), event, head.status(), to, note);
        events.publishEvent(new OrderChanged(head.id(), head.channel(), head.externalId(), event, to.name(), note));
    }

    // ---------------------------------------------------------------- backorders

    /**
     * Routes orders waiting for stock of these SKUs (all when null) again, oldest order first, one
     * transaction per order; an order moves only when some of its units found a node. Returns how
     * many orders gained an allocation.
     */
    public int allocateBackorders(Collection<String> skus, int batch) {
        int moved = 0;
        JdbcOrders.Waiting after = null;
        List<JdbcOrders.Waiting> page;
        do {
            page = store.backorderedFor(skus, after, batch);
            for (JdbcOrders.Waiting w : page) {
                Boolean progressed = tx.execute(s -> {
                    Head head = store.lock(w.id()).orElseThrow();
                    if (head.status() == OrderStatus.HELD || head.status() == OrderStatus.CANCELLED) {
                        return false;
                    }
                    return route(head, null, Actor.SYSTEM, Mode.BACKORDER, "stock arrived", new ArrayList<>()).progressed();
                });
                if (Boolean.TRUE.equals(progressed)) {
                    moved++;
                }
            }
            after = page.isEmpty() ? null : page.get(page.size() - 1);
        } while (page.size() == batch);
        return moved;
    }

    // ---------------------------------------------------------------- routing

    /**
     * Why routing runs: INTAKE (a refusal is the channel's 409), RELEASE (a held order let go: it was
     * accepted, so a refusal becomes a backorder raised as ROUTING_FAILED), REROUTE (units a node gave back;
     * what finds no node is backordered and raised as ROUTING_FAILED), BACKORDER (stock arrived;
     * nothing is written unless some unit finds a node).
     */
    private enum Mode {
        INTAKE, RELEASE, REROUTE, BACKORDER
    }

    /** What routing did: whether it wrote anything, the decision, the order's new status, its lines and the new fulfilments. */
    private record Routed(boolean progressed, Route route, OrderStatus status, Map<String, LineRow> lines, List<Fulfillment> opened) {
        static Routed nothing(Head head, Map<String, LineRow> lines) {
            return new Routed(false, null, head.status(), lines, List.of());
        }
    }

    /**
     * Routes every unit of a locked order that no fulfilment holds: opens a fulfilment (with its
     * reservation) per shipment of the plan, stores the decision and the new status, and records
     * {@code pending} transitions before its own. {@code lines} are the order's lines when the
     * caller has them (null: read them). Writes nothing in BACKORDER mode without progress.
     */
    private Routed route(Head head, Map<String, LineRow> known, Actor actor, Mode mode, String cause, List<Transition> pending) {
        Map<String, LineRow> lines = known != null ? known : lines(head.id());
        List<RouteOrder.Line> wanted = new ArrayList<>();
        for (LineRow l : lines.values()) {
            if (l.unplaced() > 0) {
                wanted.add(new RouteOrder.Line(l.lineId(), new Sku(l.sku()), l.unplaced()));
            }
        }
        if (wanted.isEmpty()) {
            if (!pending.isEmpty()) {
                store.history(head.id(), pending);
            }
            return Routed.nothing(head, lines);
        }
        PlaceOrder.Address shipTo = head.shipTo() == null ? null : json.readValue(head.shipTo(), PlaceOrder.Address.class);
        DeliveryMethod method = DeliveryMethod.valueOf(head.deliveryMethod());
        ServiceLevel level = ServiceLevel.valueOf(head.serviceLevel());
        RouteOrder order = new RouteOrder(new ChannelCode(head.channel()), method,
                head.pickupLocation() == null ? null : new LocationCode(head.pickupLocation()), level,
                shipTo == null ? null : shipTo.country(), shipTo == null ? null : shipTo.latitude(),
                shipTo == null ? null : shipTo.longitude(), wanted, mode == Mode.INTAKE ? Set.of() : store.declined(head.id()));
        Instant now = clock.instant();
        Route route = null;
        String note = null;
        List<Fulfillment> opened = new ArrayList<>();
        boolean refusedAfterAcceptance = false;
        for (int attempt = 1; attempt <= ROUTING_ATTEMPTS; attempt++) {
            Route candidate = sourcing.plan(order, actor);
            if (mode == Mode.BACKORDER && (candidate.refused() || candidate.shipments().isEmpty())) {
                return Routed.nothing(head, lines);
            }
            if (candidate.refused()) {
                if (mode == Mode.INTAKE) {
                    List<Map<String, Object>> missing = candidate.backordered().stream()
                            .map(a -> Map.<String, Object>of("lineId", a.lineId(), "sku", a.sku(), "quantity", a.quantity())).toList();
                    throw new OrderRefused(candidate.summary(), missing);
                }
                // An accepted order is never refused afterwards: what no node can fill waits for stock.
                route = backorderAll(wanted, candidate.summary() + "; the order was accepted before, so its units wait for stock", order);
                sourcing.record(head.id(), route);
                refusedAfterAcceptance = true;
                break;
            }
            if (candidate.shipments().isEmpty()) {
                sourcing.record(head.id(), candidate);
                route = candidate;
                break;
            }
            Instant promisedBy = promisedBy(head.placedAt(), level, candidate);
            try {
                List<Fulfillment> made = new ArrayList<>();
                savepoint.executeWithoutResult(s -> {
                    // Nodes in code order, so that orders sharing nodes lock their stock in one order.
                    List<Route.Shipment> shipments = candidate.shipments().stream()
                            .sorted(java.util.Comparator.comparing(Route.Shipment::location)).toList();
                    for (Route.Shipment sh : shipments) {
                        List<Fulfillment.Line> fl = sh.lines().stream()
                                .map(a -> new Fulfillment.Line(a.lineId(), a.sku(), a.quantity())).toList();
                        made.add(fulfillments.open(new OpenFulfillment(head.id(), new ChannelCode(head.channel()), head.externalId(),
                                new LocationCode(sh.location()), method, level, head.placedAt(), promisedBy, fl), actor));
                    }
                    sourcing.commit(head.id(), candidate);
                });
                opened.addAll(made);
                route = candidate;
                break;
            } catch (InsufficientStock | CapacityTaken e) {
                note = "attempt " + attempt + " lost a race for stock or capacity: " + e.getMessage();
            } catch (PessimisticLockingFailureException e) {
                // A deadlock with other work on the same rows: the savepoint undid this attempt; plan again.
                note = "attempt " + attempt + " met a lock conflict";
            }
        }
        if (route == null) {
            if (mode == Mode.BACKORDER) {
                return Routed.nothing(head, lines);
            }
            // Stock kept moving: backorder the rest; the backorder job tries again.
            route = backorderAll(wanted, "backordered after " + ROUTING_ATTEMPTS + " attempts: " + note, order);
            sourcing.record(head.id(), route);
        }
        Map<String, Long> placed = new HashMap<>();
        route.shipments().forEach(sh -> sh.lines().forEach(a -> placed.merge(a.lineId(), a.quantity(), Long::sum)));
        Map<String, Long> backordered = new HashMap<>();
        route.backordered().forEach(a -> backordered.merge(a.lineId(), a.quantity(), Long::sum));
        List<LineRow> changed = new ArrayList<>();
        for (LineRow l : List.copyOf(lines.values())) {
            if (l.unplaced() <= 0) {
                continue;
            }
            LineRow updated = l.with(l.allocated() + placed.getOrDefault(l.lineId(), 0L), backordered.getOrDefault(l.lineId(), 0L),
                    l.cancelled(), l.shipped(), l.delivered());
            lines.put(l.lineId(), updated);
            changed.add(updated);
        }
        OrderStatus to = OrderStatusPolicy.order(false, quantities(lines.values()));
        String event = route.shipments().isEmpty() ? "backordered" : "allocated";
        String why = (cause == null ? "" : cause + "; ") + route.summary();
        pending.add(new Transition(now, actor.name(), event, head.status(), to, why));
        store.settle(head.id(), changed, to, List.of(), head.version(), now, pending);
        events.publishEvent(new OrderChanged(head.id(), head.channel(), head.externalId(), event, to.name(), why));
        if ((mode == Mode.REROUTE || refusedAfterAcceptance) && !route.backordered().isEmpty()) {
            exceptions.raise(new RaiseException(ExceptionType.ROUTING_FAILED, "order", head.id().toString(),
                    "Order " + head.externalId() + " of " + head.channel() + ": no node could take "
                            + String.join(", ", route.backordered().stream().map(a -> a.quantity() + " × " + a.sku()).toList())
                            + (cause == null ? "" : " after " + cause) + "; backordered",
                    Map.of("channel", head.channel(), "externalId", head.externalId())));
        } else if ((mode == Mode.INTAKE || mode == Mode.RELEASE) && route.shipments().isEmpty() && note != null) {
            exceptions.raise(new RaiseException(ExceptionType.ROUTING_FAILED, "order", head.id().toString(),
                    "Order " + head.externalId() + " of " + head.channel() + " " + route.summary(),
                    Map.of("channel", head.channel(), "externalId", head.externalId())));
        }
        return new Routed(true, route, to, lines, opened);
    }

    private Route backorderAll(List<RouteOrder.Line> wanted, String summary, RouteOrder order) {
        return new Route(clock.instant(), List.of(),
                wanted.stream().map(w -> new Route.Allocation(w.lineId(), w.sku().value(), w.quantity())).toList(),
                List.of(), 0, false, false, summary, sourcing.rules(order.channel()));
    }

    /**
     * The end of the day the service level promises, counted from the order's placement (UTC):
     * SAME_DAY that day, EXPRESS the next, STANDARD after the channel's standard days.
     */
    private static Instant promisedBy(Instant placedAt, ServiceLevel level, Route route) {
        int days = switch (level) {
            case SAME_DAY -> 0;
            case EXPRESS -> 1;
            case STANDARD -> route.rules().standardDays();
        };
        return LocalDate.ofInstant(placedAt, ZoneOffset.UTC).plusDays(days + 1L).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    // ---------------------------------------------------------------- helpers

    private Head locked(UUID id, Actor actor) {
        Head head = store.lock(id).orElseThrow(() -> new NotFound("Order", id.toString()));
        actor.requireChannel(new ChannelCode(head.channel()));
        return head;
    }

    private Map<String, LineRow> lines(UUID order) {
        Map<String, LineRow> lines = new LinkedHashMap<>();
        store.lines(order).forEach(l -> lines.put(l.lineId(), l));
        return lines;
    }

    private void validate(PlaceOrder c) {
        List<FieldError> errors = new ArrayList<>();
        if (channels.find(c.channel()).isEmpty()) {
            errors.add(new FieldError("channel", "channel '" + c.channel() + "' does not exist"));
        }
        if (c.lines().size() > maxLines) {
            errors.add(new FieldError("lines", "at most " + maxLines + " lines per order (tributary.orders.max-lines)"));
        }
        if (c.pickupLocation() != null) {
            Location store = network.find(c.pickupLocation()).orElse(null);
            if (store == null) {
                errors.add(new FieldError("pickupLocation", "location '" + c.pickupLocation() + "' does not exist"));
            } else if (!store.active() || !store.can(Capability.PICKUP)) {
                errors.add(new FieldError("pickupLocation", "location '" + c.pickupLocation() + "' does not offer pickup"));
            }
        }
        int decimals = c.currency().getDefaultFractionDigits();
        Map<Sku, Item> items = catalog.findAll(c.lines().stream().map(PlaceOrder.Line::sku).distinct().toList());
        for (int i = 0; i < c.lines().size(); i++) {
            PlaceOrder.Line l = c.lines().get(i);
            if (!items.containsKey(l.sku())) {
                errors.add(new FieldError("lines[" + i + "].sku", "SKU '" + l.sku() + "' does not exist"));
            }
            if (decimals >= 0 && l.unitPrice().stripTrailingZeros().scale() > decimals) {
                errors.add(new FieldError("lines[" + i + "].unitPrice", c.currency().getCurrencyCode() + " allows at most " + decimals
                        + " decimal" + (decimals == 1 ? "" : "s")));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private Order view(Head h) {
        List<LineRow> lines = store.lines(h.id());
        return view(h, h.status(), h.version(), lines, fulfillments.forOrder(h.id()), sourcing.latestDecision(h.id()).orElse(null));
    }

    private Order view(Head h, OrderStatus status, long version, Collection<LineRow> lines, List<Fulfillment> fulfilments, Route routing) {
        return new Order(h.id(), h.channel(), h.externalId(), status, h.placedAt(), h.currency(),
                json.readValue(h.customer(), PlaceOrder.Customer.class),
                h.shipTo() == null ? null : json.readValue(h.shipTo(), PlaceOrder.Address.class),
                DeliveryMethod.valueOf(h.deliveryMethod()), h.pickupLocation(), ServiceLevel.valueOf(h.serviceLevel()),
                PaymentStatus.valueOf(h.paymentStatus()), h.fraudFlag(), status == OrderStatus.HELD ? h.holds() : List.of(), money(h.total()),
                lines.stream().map(l -> new Order.Line(l.lineId(), l.sku(), l.quantity(), money(l.unitPrice()),
                        OrderStatusPolicy.line(q(l)), l.allocated(), l.backordered(), l.cancelled(), l.shipped(), l.delivered())).toList(),
                fulfilments, routing, h.createdAt(), h.createdBy(), version);
    }

    private static String describe(List<Fulfillment.Line> lines) {
        return String.join(", ", lines.stream().map(l -> l.quantity() + " × " + l.sku() + " (line " + l.lineId() + ")").toList());
    }

    private static String money(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 2 ? v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }

    private static List<OrderStatusPolicy.Quantities> quantities(Collection<LineRow> lines) {
        return lines.stream().map(Orders::q).toList();
    }

    private static OrderStatusPolicy.Quantities q(LineRow l) {
        return new OrderStatusPolicy.Quantities(l.quantity(), l.allocated(), l.backordered(), l.cancelled(), l.shipped(), l.delivered());
    }
}
