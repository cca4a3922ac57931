package io.tributary.fulfillment;

import io.tributary.access.Access;
import io.tributary.access.Actor;
import io.tributary.access.Role;
import io.tributary.catalog.Sku;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.fulfillment.FulfillmentEvents.FulfillmentChanged;
import io.tributary.fulfillment.domain.FulfillmentFlow;
import io.tributary.fulfillment.domain.FulfillmentFlow.Step;
import io.tributary.fulfillment.persistence.JdbcFulfillments;
import io.tributary.fulfillment.persistence.JdbcFulfillments.Change;
import io.tributary.fulfillment.persistence.JdbcFulfillments.Head;
import io.tributary.inventory.Commands.ChangeStatus;
import io.tributary.inventory.Commands.ReserveLine;
import io.tributary.inventory.Commands.ReserveStock;
import io.tributary.inventory.InsufficientStock;
import io.tributary.inventory.Inventory;
import io.tributary.inventory.Reservations;
import io.tributary.inventory.StockStatus;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Forbidden;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Fulfilments: {@link #open} reserves a node's share of an order in the caller's transaction and
 * queues it; {@link #releaseDue} releases waiting work to each node within its daily capacity,
 * highest priority first; the node then picks, packs and ships (consuming the reservation) or
 * hands over a pickup; {@link #reject} gives units back (the orders module reroutes them) and
 * {@link #cancelUnits} takes units back for a cancellation. Every step is recorded and published.
 * People with the WAREHOUSE role act only at the locations listed on their user.
 */
@Service
public class Fulfillments {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(Fulfillments.class);

    /** Fulfilments released per node and run; the rest wait for the next run. */
    static final int RELEASE_BATCH = 200;

    private final JdbcFulfillments store;
    private final Reservations reservations;
    private final Inventory inventory;
    private final Network network;
    private final Exceptions exceptions;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate savepoint;
    private final Duration pickupHold;

    Fulfillments(JdbcFulfillments store, Reservations reservations, Inventory inventory, Network network, Exceptions exceptions,
                 Access access, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager txm,
                 @Value("${tributary.fulfillment.pickup-hold:72h}") Duration pickupHold) {
        this.store = store;
        this.reservations = reservations;
        this.inventory = inventory;
        this.network = network;
        this.exceptions = exceptions;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(txm);
        this.savepoint = new TransactionTemplate(txm);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.pickupHold = pickupHold;
    }

    // ---------------------------------------------------------------- creation and reads

    /**
     * Reserves the lines at the node and queues the fulfilment for release, in the caller's
     * transaction. Throws {@link InsufficientStock} when the node no longer has the units; run it
     * in a savepoint to try elsewhere.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Fulfillment open(OpenFulfillment c, Actor actor) {
        Instant now = clock.instant();
        UUID reservation = reserve(c.orderReference(), c.channel().value(), c.location().value(), c.lines(), actor);
        Head head = new Head(Ids.newId(), c.order(), c.channel().value(), c.orderReference(), c.location().value(), c.deliveryMethod(),
                c.serviceLevel(), FulfillmentStatus.PENDING, c.promisedBy(), reservation, null, null, null, now, null, null, null, 0,
                FulfillmentFlow.priority(c.serviceLevel()), c.orderPlacedAt());
        store.insert(head, c.lines(), actor.name(), "reservation " + reservation);
        return view(head, c.lines());
    }

    /**
     * Locks every fulfilment of an order, in the caller's transaction. A change that starts at the
     * order and reaches its fulfilments (a cancellation) calls this first, so that it takes its locks
     * in the order the node's steps take them (fulfilment, then order) and the two never deadlock.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void lockOrder(UUID order) {
        store.ofOrder(order, true);
    }

    /** Every fulfilment of an order, oldest first. */
    public List<Fulfillment> forOrder(UUID order) {
        List<Head> heads = store.ofOrder(order, false);
        Map<UUID, List<Fulfillment.Line>> lines = store.lines(heads.stream().map(Head::id).toList());
        return heads.stream().map(h -> view(h, lines.getOrDefault(h.id(), List.of()))).toList();
    }

    public Fulfillment get(UUID id, Actor actor) {
        Head head = store.head(id).orElseThrow(() -> new NotFound("Fulfillment", id.toString()));
        requireNode(actor, head.location());
        return view(head);
    }

    public List<Map<String, Object>> history(UUID id, Actor actor) {
        get(id, actor);
        return store.history(id);
    }

    /** Newest first; a WAREHOUSE person sees only the locations on their user. */
    public Page<Fulfillment> list(LocationCode location, FulfillmentStatus status, Integer limit, String cursor, Actor actor) {
        Set<String> allowed = nodesOf(actor);
        if (location != null && allowed != null && !allowed.contains(location.value())) {
            throw new Forbidden("You may not see the work of location '" + location.value() + "'.");
        }
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        List<UUID> ids = store.page(location == null ? null : location.value(), status, allowed, before, n + 1);
        List<Fulfillment> rows = ids.stream().map(i -> view(store.head(i).orElseThrow())).toList();
        return Page.of(rows, n, f -> f.id().toString());
    }

    // ---------------------------------------------------------------- the node's steps

    @Transactional
    public Fulfillment pick(UUID id, Actor actor) {
        return advance(id, Step.PICK, actor, null, (h, c) -> c, null);
    }

    @Transactional
    public Fulfillment pack(UUID id, Actor actor) {
        return advance(id, Step.PACK, actor, null, (h, c) -> c, null);
    }

    /** Ships every line: the reserved units leave the node's stock; carrier and tracking number are required. */
    @Transactional
    public Fulfillment ship(UUID id, String carrier, String trackingNumber, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (carrier == null || carrier.isBlank()) {
            errors.add(new FieldError("carrier", "is required"));
        } else if (carrier.length() > 100) {
            errors.add(new FieldError("carrier", "must be at most 100 characters"));
        }
        if (trackingNumber == null || trackingNumber.isBlank()) {
            errors.add(new FieldError("trackingNumber", "is required"));
        } else if (trackingNumber.length() > 100) {
            errors.add(new FieldError("trackingNumber", "must be at most 100 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return advance(id, Step.SHIP, actor, "shipped with " + carrier.strip() + " " + trackingNumber.strip(),
                (h, c) -> c.shipped(carrier.strip(), trackingNumber.strip(), clock.instant()),
                h -> reservations.fulfil(h.reservation(), actor));
    }

    @Transactional
    public Fulfillment deliver(UUID id, Actor actor) {
        return advance(id, Step.DELIVER, actor, null, (h, c) -> c.delivered(clock.instant()), null);
    }

    /** The pickup waits at the store until the deadline ({@code tributary.fulfillment.pickup-hold} from now). */
    @Transactional
    public Fulfillment readyForPickup(UUID id, Actor actor) {
        Instant deadline = FulfillmentFlow.pickupDeadline(clock.instant(), pickupHold);
        return advance(id, Step.READY_FOR_PICKUP, actor, "collect by " + deadline, (h, c) -> c.pickupDeadline(deadline), null);
    }

    /** The customer collected: the reserved units leave the store's stock. */
    @Transactional
    public Fulfillment pickedUp(UUID id, Actor actor) {
        return advance(id, Step.PICKED_UP, actor, null, (h, c) -> {
            Instant now = clock.instant();
            return c.shipped(null, null, now).delivered(now);
        }, h -> reservations.fulfil(h.reservation(), actor));
    }

    private interface Effect {
        Change apply(Head head, Change change);
    }

    /**
     * Takes a step: the fulfilment row, its history, the event (the orders module follows it and
     * locks the order), and only then {@code stock}, the step's effect on the node's stock. So every
     * path takes its locks as fulfilment, order, stock, the order a cancellation or a backorder
     * allocation also follows.
     */
    private Fulfillment advance(UUID id, Step step, Actor actor, String note, Effect effect, java.util.function.Consumer<Head> stock) {
        Head h = lockForNode(id, actor);
        if (!FulfillmentFlow.allows(step, h.status(), h.deliveryMethod())) {
            throw new InvalidTransition("fulfillment", h.status(), step.name().toLowerCase().replace('_', ' ') + " (a "
                    + h.deliveryMethod().name().toLowerCase() + " fulfilment)");
        }
        List<Fulfillment.Line> lines = store.lines(List.of(id)).getOrDefault(id, List.of());
        Instant now = clock.instant();
        Change change = effect.apply(h, Change.of(h).status(step.target()));
        store.update(id, h.version(), change, now);
        store.history(id, now, actor.name(), step.event(), h.status(), step.target(), note);
        events.publishEvent(changed(h, step.event(), step.target(), lines, change.carrier(), change.trackingNumber(), null, note));
        if (stock != null) {
            stock.accept(h);
        }
        return view(store.head(id).orElseThrow(), lines);
    }

    // ---------------------------------------------------------------- rejection and cancellation

    /** A line to give back and how many units; {@code quantity} null means all of it. */
    public record ReturnLine(String lineId, Long quantity) {
    }

    /**
     * The node gives back some or all units while they are still in its hands. The reservation is
     * released and what the node keeps is reserved again; short-picked units leave sellable stock
     * (to INSPECTION, until counted) and damaged ones move to DAMAGED, so they are not promised
     * again. The event tells the orders module to reroute the units.
     */
    @Transactional
    public Fulfillment reject(UUID id, RejectReason reason, String note, List<ReturnLine> request, Actor actor) {
        if (reason == null) {
            throw new ValidationFailed("reason", "is required: one of " + java.util.Arrays.toString(RejectReason.values()));
        }
        Head h = lockForNode(id, actor);
        if (!FulfillmentFlow.rejectable(h.status())) {
            throw new InvalidTransition("fulfillment", h.status(), "reject");
        }
        Map<String, Fulfillment.Line> current = new LinkedHashMap<>();
        store.lines(List.of(id)).getOrDefault(id, List.of()).forEach(l -> current.put(l.lineId(), l));
        Map<String, Long> giveBack = new LinkedHashMap<>();
        if (request == null || request.isEmpty()) {
            current.values().forEach(l -> giveBack.put(l.lineId(), l.quantity()));
        } else {
            List<FieldError> errors = new ArrayList<>();
            for (int i = 0; i < request.size(); i++) {
                ReturnLine r = request.get(i);
                Fulfillment.Line l = r.lineId() == null ? null : current.get(r.lineId());
                if (l == null) {
                    errors.add(new FieldError("lines[" + i + "].lineId", "no line '" + r.lineId() + "' in this fulfilment"));
                    continue;
                }
                long already = giveBack.getOrDefault(l.lineId(), 0L);
                long q = r.quantity() == null ? l.quantity() - already : r.quantity();
                if (q < 1 || already + q > l.quantity()) {
                    errors.add(new FieldError("lines[" + i + "].quantity", "must be between 1 and " + (l.quantity() - already)
                            + " (the units of this line at the node)"));
                    continue;
                }
                giveBack.merge(l.lineId(), q, Long::sum);
            }
            if (!errors.isEmpty()) {
                throw new ValidationFailed(errors);
            }
        }
        String why = reason + (note == null || note.isBlank() ? "" : ": " + note.strip());
        List<Fulfillment.Line> returned = new ArrayList<>();
        giveBack.forEach((lineId, q) -> returned.add(new Fulfillment.Line(lineId, current.get(lineId).sku(), q)));
        // Fulfilment first, then the order (the event: the units are routed again), then the stock.
        List<Fulfillment.Line> stays = shrink(h, current, giveBack);
        FulfillmentStatus to = stays.isEmpty() ? FulfillmentStatus.REJECTED : h.status();
        events.publishEvent(changed(h, "rejected", to, returned, null, null, reason.name(), why));
        UUID reservation = restock(h, stays, actor);
        List<String> unsellable = reason == RejectReason.SHORT_PICK || reason == RejectReason.DAMAGED
                ? moveOutOfSellable(h.location(), returned, reason, why, actor) : List.of();
        Instant now = clock.instant();
        store.update(id, h.version(), Change.of(h).status(to).reservation(reservation), now);
        store.history(id, now, actor.name(), "rejected", h.status(), to, why + " " + describe(returned));
        ExceptionType type = reason == RejectReason.SHORT_PICK ? ExceptionType.SHORT_PICK : ExceptionType.FULFILLMENT_REJECTED;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("order", h.order().toString());
        details.put("orderReference", h.orderReference());
        details.put("location", h.location());
        details.put("reason", reason.name());
        details.put("lines", returned.stream().map(l -> Map.of("lineId", l.lineId(), "sku", l.sku(), "quantity", l.quantity())).toList());
        details.put("movedOutOfSellable", unsellable);
        exceptions.raise(new RaiseException(type, "fulfillment", id.toString(), "Location " + h.location() + " gave back "
                + describe(returned) + " of order " + h.orderReference() + " (" + why + ")"
                + (unsellable.isEmpty() ? "" : "; moved out of sellable stock until counted: " + String.join(", ", unsellable)), details), actor);
        return view(store.head(id).orElseThrow());
    }

    /**
     * Takes units of an order back from its fulfilments that still hold stock, newest fulfilment
     * first, in the caller's transaction; their stock becomes available again. Returns the units
     * taken per line (less than asked when the fulfilments hold fewer).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<String, Long> cancelUnits(UUID order, Map<String, Long> units, String why, Actor actor) {
        Map<String, Long> left = new LinkedHashMap<>(units);
        Map<String, Long> taken = new LinkedHashMap<>();
        List<Head> heads = new ArrayList<>(store.ofOrder(order, true).stream().filter(h -> h.status().holdsStock()).toList());
        java.util.Collections.reverse(heads);
        Map<UUID, List<Fulfillment.Line>> lines = store.lines(heads.stream().map(Head::id).toList());
        for (Head h : heads) {
            Map<String, Fulfillment.Line> current = new LinkedHashMap<>();
            lines.getOrDefault(h.id(), List.of()).forEach(l -> current.put(l.lineId(), l));
            Map<String, Long> take = new LinkedHashMap<>();
            for (Fulfillment.Line l : current.values()) {
                long q = Math.min(left.getOrDefault(l.lineId(), 0L), l.quantity());
                if (q > 0) {
                    take.put(l.lineId(), q);
                    left.merge(l.lineId(), -q, Long::sum);
                    taken.merge(l.lineId(), q, Long::sum);
                }
            }
            if (take.isEmpty()) {
                continue;
            }
            List<Fulfillment.Line> returned = new ArrayList<>();
            take.forEach((lineId, q) -> returned.add(new Fulfillment.Line(lineId, current.get(lineId).sku(), q)));
            List<Fulfillment.Line> stays = shrink(h, current, take);
            FulfillmentStatus to = stays.isEmpty() ? FulfillmentStatus.CANCELLED : h.status();
            UUID reservation = restock(h, stays, actor);
            Instant now = clock.instant();
            store.update(h.id(), h.version(), Change.of(h).status(to).reservation(reservation), now);
            store.history(h.id(), now, actor.name(), "cancelled", h.status(), to, why + " " + describe(returned));
            events.publishEvent(changed(h, "cancelled", to, returned, null, null, null, why));
        }
        return taken;
    }

    /** Writes the lines less what is taken; returns what stays at the node. */
    private List<Fulfillment.Line> shrink(Head h, Map<String, Fulfillment.Line> current, Map<String, Long> take) {
        Map<String, Long> quantities = new LinkedHashMap<>();
        List<Fulfillment.Line> stays = new ArrayList<>();
        for (Fulfillment.Line l : current.values()) {
            long q = l.quantity() - take.getOrDefault(l.lineId(), 0L);
            quantities.put(l.lineId(), q);
            if (q > 0) {
                stays.add(new Fulfillment.Line(l.lineId(), l.sku(), q));
            }
        }
        store.setLineQuantities(h.id(), quantities);
        return stays;
    }

    /**
     * Releases the fulfilment's reservation and holds again what stays (kept even if the node was
     * deactivated or counted lower meanwhile: those units were promised); returns the new
     * reservation, null when nothing stays.
     */
    private UUID restock(Head h, List<Fulfillment.Line> stays, Actor actor) {
        reservations.release(h.reservation(), actor);
        if (stays.isEmpty()) {
            return null;
        }
        List<ReserveLine> keep = stays.stream()
                .map(l -> new ReserveLine(new Sku(l.sku()), new LocationCode(h.location()), l.quantity(), false)).toList();
        return reservations.holdAgainWithin(new ReserveStock("order " + h.orderReference(),
                new io.tributary.channels.ChannelCode(h.channel()), null, keep), Actor.SYSTEM).id();
    }

    private List<String> moveOutOfSellable(String location, List<Fulfillment.Line> lines, RejectReason reason, String why, Actor actor) {
        StockStatus to = reason == RejectReason.DAMAGED ? StockStatus.DAMAGED : StockStatus.INSPECTION;
        List<String> moved = new ArrayList<>();
        for (Fulfillment.Line l : lines) {
            long units = l.quantity();
            for (int attempt = 0; attempt < 2 && units > 0; attempt++) {
                long q = units;
                try {
                    savepoint.executeWithoutResult(s -> inventory.changeStatus(new ChangeStatus(new Sku(l.sku()),
                            new LocationCode(location), q, StockStatus.AVAILABLE, to, reason.name(), why), actor));
                    moved.add(q + " × " + l.sku() + " to " + to);
                    break;
                } catch (InsufficientStock e) {
                    // Fewer sellable units than reported missing: move what there is; the count settles the rest.
                    units = e.shortfalls().isEmpty() ? 0 : Math.min(q - 1, e.shortfalls().get(0).available());
                } catch (DomainException e) {
                    break; // a kit has no stock of its own: its components are counted instead
                }
            }
        }
        return moved;
    }

    // ---------------------------------------------------------------- jobs

    /**
     * Releases waiting fulfilments to every node within the node's daily order capacity (counted
     * per UTC day), in priority order: service level, promised date, order age. One transaction
     * per node, serialised per node. Returns how many were released.
     */
    public int releaseDue() {
        int released = 0;
        for (String location : store.locationsWithPending()) {
            Integer n = tx.execute(s -> releaseAt(location));
            released += n == null ? 0 : n;
        }
        return released;
    }

    private int releaseAt(String location) {
        store.lockReleaseQueue(location);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Integer capacity = network.find(new LocationCode(location)).map(Location::dailyOrderCapacity).orElse(null);
        int room = capacity == null ? RELEASE_BATCH : Math.min(RELEASE_BATCH, capacity - store.releasedOn(location, today));
        if (room <= 0) {
            return 0;
        }
        List<Head> due = store.pending(location, room);
        if (due.isEmpty()) {
            return 0;
        }
        List<UUID> ids = due.stream().map(Head::id).toList();
        Map<UUID, List<Fulfillment.Line>> lines = store.lines(ids);
        String note = capacity == null ? null : "released within today's capacity of " + capacity;
        store.release(ids, today, now, Actor.SYSTEM.name(), note);
        for (Head h : due) {
            events.publishEvent(changed(h, "released", FulfillmentStatus.RELEASED, lines.getOrDefault(h.id(), List.of()), null, null, null, note));
        }
        return due.size();
    }

    /**
     * Pickups not collected by their deadline go back to stock; customer service gets a case. Each
     * pickup in its own transaction, so one that fails (logged, tried again next run) does not hold
     * back the others. Returns how many went back.
     */
    public int returnUncollected(int limit) {
        int returned = 0;
        for (UUID id : store.pickupsDue(clock.instant(), limit)) {
            try {
                Boolean done = tx.execute(s -> returnUncollected(id));
                returned += Boolean.TRUE.equals(done) ? 1 : 0;
            } catch (RuntimeException e) {
                log.warn("Could not return uncollected pickup {} to stock; the next run tries again", id, e);
            }
        }
        return returned;
    }

    private boolean returnUncollected(UUID id) {
        Instant now = clock.instant();
        Head h = store.lock(id).orElseThrow();
        if (h.status() != FulfillmentStatus.READY_FOR_PICKUP || h.pickupDeadline() == null || h.pickupDeadline().isAfter(now)) {
            return false; // collected or handled meanwhile
        }
        List<Fulfillment.Line> lines = store.lines(List.of(id)).getOrDefault(id, List.of());
        String note = "not collected by " + h.pickupDeadline() + "; units back in stock";
        store.update(id, h.version(), Change.of(h).status(FulfillmentStatus.NOT_COLLECTED).reservation(null), now);
        store.history(id, now, Actor.SYSTEM.name(), "not_collected", h.status(), FulfillmentStatus.NOT_COLLECTED, note);
        events.publishEvent(changed(h, "not_collected", FulfillmentStatus.NOT_COLLECTED, lines, null, null, null, note));
        reservations.release(h.reservation(), Actor.SYSTEM);
        exceptions.raise(new RaiseException(ExceptionType.PICKUP_NOT_COLLECTED, "fulfillment", id.toString(),
                "Order " + h.orderReference() + " was not collected at " + h.location() + " by " + h.pickupDeadline(),
                Map.of("order", h.order().toString(), "orderReference", h.orderReference(), "location", h.location())));
        return true;
    }

    // ---------------------------------------------------------------- helpers

    private UUID reserve(String orderReference, String channel, String location, List<Fulfillment.Line> lines, Actor actor) {
        List<ReserveLine> reserve = lines.stream()
                .map(l -> new ReserveLine(new Sku(l.sku()), new LocationCode(location), l.quantity(), false)).toList();
        return reservations.reserveWithin(new ReserveStock("order " + orderReference, new io.tributary.channels.ChannelCode(channel),
                null, reserve), Actor.SYSTEM).id();
    }

    private Head lockForNode(UUID id, Actor actor) {
        Head h = store.lock(id).orElseThrow(() -> new NotFound("Fulfillment", id.toString()));
        requireNode(actor, h.location());
        return h;
    }

    /**
     * The locations an actor's fulfilment work is limited to, or null for all: a person whose only
     * fulfilment role is WAREHOUSE works at the locations on their user; administrators,
     * inventory managers, customer service, viewers and API keys see every node.
     */
    private Set<String> nodesOf(Actor actor) {
        if (!actor.has(Role.WAREHOUSE) || actor.has(Role.ADMIN) || actor.has(Role.INVENTORY_MANAGER) || !actor.name().startsWith("user:")) {
            return null;
        }
        return access.user(actor.name().substring("user:".length())).map(u -> Set.copyOf(u.locations())).orElse(Set.of());
    }

    private void requireNode(Actor actor, String location) {
        Set<String> allowed = nodesOf(actor);
        if (allowed != null && !allowed.contains(location)) {
            throw new Forbidden("You work at " + (allowed.isEmpty() ? "no location" : String.join(", ", allowed))
                    + " and may not act for location '" + location + "'.");
        }
    }

    private static FulfillmentChanged changed(Head h, String event, FulfillmentStatus to, List<Fulfillment.Line> lines, String carrier,
                                              String tracking, String reason, String note) {
        return new FulfillmentChanged(h.id(), h.order(), h.channel(), h.orderReference(), h.location(), event, to.name(),
                List.copyOf(lines), carrier, tracking, reason, note);
    }

    private static String describe(List<Fulfillment.Line> lines) {
        return String.join(", ", lines.stream().map(l -> l.quantity() + " × " + l.sku() + " (line " + l.lineId() + ")").toList());
    }

    private Fulfillment view(Head h) {
        return view(h, store.lines(List.of(h.id())).getOrDefault(h.id(), List.of()));
    }

    private static Fulfillment view(Head h, List<Fulfillment.Line> lines) {
        return new Fulfillment(h.id(), h.order(), h.channel(), h.orderReference(), h.location(), h.deliveryMethod(), h.serviceLevel(),
                h.status(), h.promisedBy(), h.reservation(), h.carrier(), h.trackingNumber(), h.pickupDeadline(),
                lines.stream().filter(l -> l.quantity() > 0).toList(), h.createdAt(), h.releasedAt(), h.shippedAt(), h.deliveredAt(),
                h.version());
    }
}
