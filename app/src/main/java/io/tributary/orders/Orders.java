package io.tributary.orders;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.channels.ChannelCode;
import io.tributary.inventory.Commands.ReserveLine;
import io.tributary.inventory.Commands.ReserveStock;
import io.tributary.inventory.InsufficientStock;
import io.tributary.inventory.Reservation;
import io.tributary.inventory.Reservations;
import io.tributary.network.LocationCode;
import io.tributary.orders.OrderEvents.OrderChanged;
import io.tributary.orders.domain.HoldPolicy;
import io.tributary.orders.domain.OrderStatusPolicy;
import io.tributary.orders.persistence.JdbcOrders;
import io.tributary.orders.persistence.JdbcOrders.AllocationRow;
import io.tributary.orders.persistence.JdbcOrders.Head;
import io.tributary.orders.persistence.JdbcOrders.LineRow;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Order intake and the order's life until fulfilment. {@link #place} stores a channel order once
 * (the same channel and external id again returns the first), applies the hold rules and, when
 * nothing holds it, routes it: sourcing proposes a plan, the plan's units are reserved in the
 * same transaction (in a savepoint), and if stock or capacity moved in between the order is
 * planned again, so two orders can never be routed to the same last unit. Held orders are routed
 * when a person releases the hold. Cancellation gives reserved stock back and is refused once
 * anything has shipped.
 */
@Service
public class Orders {

    /** Attempts to plan and reserve before the rest is backordered. */
    static final int ROUTING_ATTEMPTS = 3;

    private final JdbcOrders store;
    private final Catalog catalog;
    private final Sourcing sourcing;
    private final Reservations reservations;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final BigDecimal riskThreshold;
    private final Exceptions exceptions;

    Orders(JdbcOrders store, Catalog catalog, Sourcing sourcing, Reservations reservations, ApplicationEventPublisher events,
           JsonMapper json, Clock clock, PlatformTransactionManager txm,
           @Value("${tributary.orders.risk.new-customer-order-value:1000}") BigDecimal riskThreshold, Exceptions exceptions) {
        this.exceptions = exceptions;
        this.store = store;
        this.catalog = catalog;
        this.sourcing = sourcing;
        this.reservations = reservations;
        this.events = events;
        this.json = json;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.savepoint = new TransactionTemplate(txm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.riskThreshold = riskThreshold;
    }

    /** The outcome of intake: the order, and whether this call created it. */
    public record Placed(Order order, boolean created) {
    }

    public Placed place(PlaceOrder command, Actor actor) {
        actor.requireChannel(command.channel());
        validate(command);
        Outcome outcome = tx.execute(status -> {
            UUID existing = store.idOf(command.channel().value(), command.externalId()).orElse(null);
            return existing != null ? new Outcome(existing, false) : create(command, actor);
        });
        return new Placed(get(outcome.id(), actor), outcome.created());
    }

    private record Outcome(UUID id, boolean created) {
    }

    private Outcome create(PlaceOrder c, Actor actor) {
        Instant now = clock.instant();
        UUID id = Ids.newId();
        BigDecimal total = c.lines().stream().map(l -> l.unitPrice().multiply(BigDecimal.valueOf(l.quantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        String email = c.customer() == null ? null : c.customer().email();
        boolean newCustomer = email == null || !store.knownCustomer(email);
        boolean ships = c.deliveryMethod() == DeliveryMethod.SHIP;
        List<HoldReason> holds = HoldPolicy.holds(c.paymentStatus(), c.fraudFlag(), newCustomer, total, riskThreshold, ships,
                ships ? c.shipTo().country() : null, ships ? c.shipTo().postalCode() : null);
        OrderStatus initial = holds.isEmpty() ? OrderStatus.RECEIVED : OrderStatus.HELD;
        Head head = new Head(id, c.channel().value(), c.externalId(), initial, c.placedAt() == null ? now : c.placedAt(),
                c.currency().getCurrencyCode(), json.writeValueAsString(c.customer() == null ? Map.of() : c.customer()),
                c.shipTo() == null ? null : json.writeValueAsString(c.shipTo()), c.deliveryMethod().name(),
                c.pickupLocation() == null ? null : c.pickupLocation().value(), c.serviceLevel().name(), c.paymentStatus().name(),
                c.fraudFlag(), holds, total, null, now, actor.name(), 0);
        if (!store.insert(head, email, now)) {
            // The same channel order arrived concurrently and committed first.
            return new Outcome(store.idOf(c.channel().value(), c.externalId()).orElseThrow(), false);
        }
        List<LineRow> lines = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            PlaceOrder.Line l = c.lines().get(i);
            lines.add(new LineRow(l.lineId(), i, l.sku().value(), l.quantity(), l.unitPrice(), 0, 0, 0, 0));
        }
        store.insertLines(id, lines);
        store.history(id, now, actor.name(), "received", null, OrderStatus.RECEIVED, null);
        events.publishEvent(new OrderChanged(id, c.channel().value(), c.externalId(), "received", OrderStatus.RECEIVED.name(), null));
        if (!holds.isEmpty()) {
            String why = "held: " + String.join(", ", holds.stream().map(Enum::name).toList());
            store.history(id, now, actor.name(), "held", OrderStatus.RECEIVED, OrderStatus.HELD, why);
            events.publishEvent(new OrderChanged(id, c.channel().value(), c.externalId(), "held", OrderStatus.HELD.name(), why));
            exceptions.raise(new RaiseException(ExceptionType.ORDER_HOLD, "order", id.toString(),
                    "Order " + c.externalId() + " of " + c.channel() + " " + why,
                    Map.of("channel", c.channel().value(), "externalId", c.externalId(), "holds", holds.stream().map(Enum::name).toList())), actor);
        } else {
            route(store.lock(id).orElseThrow(), actor);
        }
        return new Outcome(id, true);
    }

    /** Releases every hold of a HELD order and routes it. */
    public Order releaseHold(UUID id, String note, Actor actor) {
        tx.executeWithoutResult(s -> {
            Head head = locked(id, actor);
            if (head.status() != OrderStatus.HELD) {
                throw new InvalidTransition("order", head.status(), "release the hold of");
            }
            Instant now = clock.instant();
            store.updateHead(id, OrderStatus.RECEIVED, List.of(), head.reservation(), head.version(), now);
            String why = "hold released (" + String.join(", ", head.holds().stream().map(Enum::name).toList()) + ")"
                    + (note == null || note.isBlank() ? "" : ": " + note);
            store.history(id, now, actor.name(), "hold_released", OrderStatus.HELD, OrderStatus.RECEIVED, why);
            events.publishEvent(new OrderChanged(id, head.channel(), head.externalId(), "hold_released", OrderStatus.RECEIVED.name(), why));
            exceptions.resolveFor(ExceptionType.ORDER_HOLD, "order", id.toString(), "RELEASED", why, actor);
            route(store.lock(id).orElseThrow(), actor);
        });
        return get(id, actor);
    }

    /** A line to cancel and how many units; {@code quantity} null means all that is still open. */
    public record CancelLine(String lineId, Long quantity) {
    }

    /**
     * Cancels the whole order (no lines) or some units of some lines, before they ship: backordered
     * units first, then allocated ones, whose stock goes back to available. Refused with
     * {@code invalid-transition} for shipped units or a cancelled order.
     */
    public Order cancel(UUID id, List<CancelLine> request, String reason, Actor actor) {
        tx.executeWithoutResult(s -> {
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
                    long open = l.quantity() - l.cancelled() - l.shipped();
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
            List<AllocationRow> allocations = new ArrayList<>(store.allocations(id));
            boolean releasesStock = false;
            for (Map.Entry<String, Long> e : cancel.entrySet()) {
                LineRow l = byId.get(e.getKey());
                long q = e.getValue();
                long fromBackorder = Math.min(q, l.backordered());
                long fromAllocated = q - fromBackorder;
                if (fromAllocated > 0) {
                    releasesStock = true;
                    takeFromAllocations(allocations, l.lineId(), fromAllocated);
                }
                LineRow updated = new LineRow(l.lineId(), l.position(), l.sku(), l.quantity(), l.unitPrice(), l.allocated() - fromAllocated,
                        l.backordered() - fromBackorder, l.cancelled() + q, l.shipped());
                byId.put(l.lineId(), updated);
                store.updateLine(id, updated);
            }
            UUID reservation = head.reservation();
            if (releasesStock && reservation != null) {
                reservations.release(reservation, actor);
                reservation = null;
                if (!allocations.isEmpty()) {
                    reservation = reserveAgain(head, allocations, byId, actor);
                }
                store.replaceAllocations(id, allocations);
            }
            OrderStatus to = OrderStatusPolicy.order(!head.holds().isEmpty(), quantities(byId.values()));
            store.updateHead(id, to, to == OrderStatus.CANCELLED ? List.of() : head.holds(), reservation, head.version(), now);
            String why = (request == null || request.isEmpty() ? "order cancelled" : "cancelled " + cancel)
                    + (reason == null || reason.isBlank() ? "" : ": " + reason);
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
        UUID before = cursor == null ? null : parseCursor(cursor);
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

    // ---------------------------------------------------------------- routing

    /** Routes every open, unallocated unit of a locked order; stores the decision and the new status. */
    private void route(Head head, Actor actor) {
        Map<String, LineRow> lines = new LinkedHashMap<>();
        store.lines(head.id()).forEach(l -> lines.put(l.lineId(), l));
        List<RouteOrder.Line> wanted = new ArrayList<>();
        for (LineRow l : lines.values()) {
            long need = l.quantity() - l.cancelled() - l.allocated() - l.shipped();
            if (need > 0) {
                wanted.add(new RouteOrder.Line(l.lineId(), new Sku(l.sku()), need));
            }
        }
        if (wanted.isEmpty()) {
            return;
        }
        PlaceOrder.Address shipTo = head.shipTo() == null ? null : json.readValue(head.shipTo(), PlaceOrder.Address.class);
        DeliveryMethod method = DeliveryMethod.valueOf(head.deliveryMethod());
        RouteOrder order = new RouteOrder(new ChannelCode(head.channel()), method,
                head.pickupLocation() == null ? null : new LocationCode(head.pickupLocation()), ServiceLevel.valueOf(head.serviceLevel()),
                shipTo == null ? null : shipTo.country(), shipTo == null ? null : shipTo.latitude(),
                shipTo == null ? null : shipTo.longitude(), wanted);
        Instant now = clock.instant();
        List<AllocationRow> allocations = new ArrayList<>(store.allocations(head.id()));
        Route route = null;
        UUID reservation = head.reservation();
        String note = null;
        for (int attempt = 1; attempt <= ROUTING_ATTEMPTS; attempt++) {
            Route candidate = sourcing.plan(order, actor);
            if (candidate.refused()) {
                List<Map<String, Object>> missing = candidate.backordered().stream()
                        .map(a -> Map.<String, Object>of("lineId", a.lineId(), "sku", a.sku(), "quantity", a.quantity())).toList();
                throw new OrderRefused(candidate.summary(), missing);
            }
            if (candidate.shipments().isEmpty()) {
                sourcing.record(head.id(), candidate);
                route = candidate;
                break;
            }
            try {
                UUID previous = reservation;
                reservation = savepoint.execute(s -> {
                    List<AllocationRow> all = new ArrayList<>(allocations);
                    for (Route.Shipment sh : candidate.shipments()) {
                        sh.lines().forEach(a -> merge(all, new AllocationRow(a.lineId(), sh.location(), a.quantity())));
                    }
                    if (previous != null) {
                        reservations.release(previous, actor);
                    }
                    Reservation made = reservations.reserveWithin(reserveCommand(head, all, lines), actor);
                    sourcing.commit(head.id(), candidate);
                    allocations.clear();
                    allocations.addAll(all);
                    return made.id();
                });
                route = candidate;
                break;
            } catch (InsufficientStock | CapacityTaken e) {
                note = "attempt " + attempt + " lost a race for stock or capacity: " + e.getMessage();
            }
        }
        if (route == null) {
            // Stock kept moving: keep what is allocated and backorder the rest; the backorder job retries.
            route = new Route(now, List.of(), wanted.stream().map(w -> new Route.Allocation(w.lineId(), w.sku().value(), w.quantity())).toList(),
                    List.of(), 0, false, false, "backordered after " + ROUTING_ATTEMPTS + " attempts: " + note, sourcing.rules(order.channel()));
            sourcing.record(head.id(), route);
        }
        Map<String, Long> allocatedPerLine = new HashMap<>();
        allocations.forEach(a -> allocatedPerLine.merge(a.lineId(), a.quantity(), Long::sum));
        Map<String, Long> backorderedPerLine = new HashMap<>();
        route.backordered().forEach(a -> backorderedPerLine.merge(a.lineId(), a.quantity(), Long::sum));
        for (LineRow l : List.copyOf(lines.values())) {
            LineRow updated = new LineRow(l.lineId(), l.position(), l.sku(), l.quantity(), l.unitPrice(),
                    allocatedPerLine.getOrDefault(l.lineId(), 0L), backorderedPerLine.getOrDefault(l.lineId(), 0L), l.cancelled(), l.shipped());
            lines.put(l.lineId(), updated);
            store.updateLine(head.id(), updated);
        }
        store.replaceAllocations(head.id(), allocations);
        OrderStatus to = OrderStatusPolicy.order(false, quantities(lines.values()));
        store.updateHead(head.id(), to, List.of(), reservation, head.version(), now);
        String event = to == OrderStatus.BACKORDERED ? "backordered" : "allocated";
        store.history(head.id(), now, actor.name(), event, head.status(), to, route.summary());
        events.publishEvent(new OrderChanged(head.id(), head.channel(), head.externalId(), event, to.name(), route.summary()));
    }

    private UUID reserveAgain(Head head, List<AllocationRow> allocations, Map<String, LineRow> lines, Actor actor) {
        try {
            return savepoint.execute(s -> reservations.reserveWithin(reserveCommand(head, allocations, lines), actor).id());
        } catch (InsufficientStock e) {
            // Losses took the stock the remaining lines held: they wait for stock again.
            for (AllocationRow a : allocations) {
                LineRow l = lines.get(a.lineId());
                LineRow updated = new LineRow(l.lineId(), l.position(), l.sku(), l.quantity(), l.unitPrice(), l.allocated() - a.quantity(),
                        l.backordered() + a.quantity(), l.cancelled(), l.shipped());
                lines.put(l.lineId(), updated);
                store.updateLine(head.id(), updated);
            }
            allocations.clear();
            return null;
        }
    }

    private static ReserveStock reserveCommand(Head head, List<AllocationRow> allocations, Map<String, LineRow> lines) {
        List<ReserveLine> reserve = allocations.stream()
                .map(a -> new ReserveLine(new Sku(lines.get(a.lineId()).sku()), new LocationCode(a.location()), a.quantity(), false))
                .toList();
        return new ReserveStock("order " + head.externalId(), new ChannelCode(head.channel()), null, reserve);
    }

    private static void merge(List<AllocationRow> rows, AllocationRow add) {
        for (int i = 0; i < rows.size(); i++) {
            AllocationRow r = rows.get(i);
            if (r.lineId().equals(add.lineId()) && r.location().equals(add.location())) {
                rows.set(i, new AllocationRow(r.lineId(), r.location(), r.quantity() + add.quantity()));
                return;
            }
        }
        rows.add(add);
    }

    private static void takeFromAllocations(List<AllocationRow> rows, String lineId, long quantity) {
        long left = quantity;
        for (int i = rows.size() - 1; i >= 0 && left > 0; i--) {
            AllocationRow r = rows.get(i);
            if (!r.lineId().equals(lineId)) {
                continue;
            }
            long take = Math.min(left, r.quantity());
            left -= take;
            if (take == r.quantity()) {
                rows.remove(i);
            } else {
                rows.set(i, new AllocationRow(r.lineId(), r.location(), r.quantity() - take));
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    private Head locked(UUID id, Actor actor) {
        Head head = store.lock(id).orElseThrow(() -> new NotFound("Order", id.toString()));
        actor.requireChannel(new ChannelCode(head.channel()));
        return head;
    }

    private void validate(PlaceOrder c) {
        List<FieldError> errors = new ArrayList<>();
        Map<Sku, Item> items = catalog.findAll(c.lines().stream().map(PlaceOrder.Line::sku).distinct().toList());
        for (int i = 0; i < c.lines().size(); i++) {
            if (!items.containsKey(c.lines().get(i).sku())) {
                errors.add(new FieldError("lines[" + i + "].sku", "SKU '" + c.lines().get(i).sku() + "' does not exist"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private Order view(Head h) {
        List<LineRow> lines = store.lines(h.id());
        Map<String, String> skuOf = new HashMap<>();
        lines.forEach(l -> skuOf.put(l.lineId(), l.sku()));
        List<Route> decisions = sourcing.decisions(h.id());
        return new Order(h.id(), h.channel(), h.externalId(), h.status(), h.placedAt(), h.currency(),
                json.readValue(h.customer(), PlaceOrder.Customer.class),
                h.shipTo() == null ? null : json.readValue(h.shipTo(), PlaceOrder.Address.class),
                DeliveryMethod.valueOf(h.deliveryMethod()), h.pickupLocation(), ServiceLevel.valueOf(h.serviceLevel()),
                PaymentStatus.valueOf(h.paymentStatus()), h.fraudFlag(), h.holds(), money(h.total()), h.reservation(),
                lines.stream().map(l -> new Order.Line(l.lineId(), l.sku(), l.quantity(), money(l.unitPrice()),
                        OrderStatusPolicy.line(q(l)), l.allocated(), l.backordered(), l.cancelled(), l.shipped())).toList(),
                store.allocations(h.id()).stream().map(a -> new Order.Allocation(a.lineId(), skuOf.get(a.lineId()), a.location(), a.quantity())).toList(),
                decisions.isEmpty() ? null : decisions.get(decisions.size() - 1), h.createdAt(), h.createdBy(), h.version());
    }

    private static String money(BigDecimal v) {
        return v.stripTrailingZeros().scale() < 2 ? v.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString()
                : v.stripTrailingZeros().toPlainString();
    }

    private static List<OrderStatusPolicy.Quantities> quantities(java.util.Collection<LineRow> lines) {
        return lines.stream().map(Orders::q).toList();
    }

    private static OrderStatusPolicy.Quantities q(LineRow l) {
        return new OrderStatusPolicy.Quantities(l.quantity(), l.allocated(), l.backordered(), l.cancelled(), l.shipped());
    }

    private static UUID parseCursor(String cursor) {
        try {
            return UUID.fromString(Page.decodeCursor(cursor));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("cursor", "is not a cursor this API gave out");
        }
    }
}
