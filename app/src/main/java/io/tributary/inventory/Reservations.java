package io.tributary.inventory;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.channels.Channel;
import io.tributary.channels.Channels;
import io.tributary.inventory.Commands.ReserveLine;
import io.tributary.inventory.Commands.ReserveStock;
import io.tributary.inventory.Events.InventoryChanged;
import io.tributary.inventory.Events.ReservationChanged;
import io.tributary.inventory.domain.MovementDraft;
import io.tributary.inventory.domain.ReservationRequest;
import io.tributary.inventory.domain.StockKey;
import io.tributary.inventory.jobs.ReservationLanes;
import io.tributary.inventory.persistence.ReservationStore;
import io.tributary.inventory.persistence.ReservationStore.HeldRow;
import io.tributary.inventory.persistence.ReservationStore.NewReservation;
import io.tributary.inventory.persistence.StockStore;
import io.tributary.network.Location;
import io.tributary.network.Network;

import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reservations: holds on available stock for a channel's order. {@link #reserve} is all lines or
 * none and never takes available stock below zero unless a line allows backorder; it runs through
 * {@link ReservationLanes} (group commit). Release, fulfil and expiry give the stock back or
 * consume it, each in one transaction that locks the reservation and then its balance rows.
 */
@Service
public class Reservations {

    private final Catalog catalog;
    private final Network network;
    private final Channels channels;
    private final StockStore stock;
    private final ReservationStore store;
    private final ReservationLanes lanes;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final long timeoutMillis;

    Reservations(Catalog catalog, Network network, Channels channels, StockStore stock, ReservationStore store,
                 ReservationLanes lanes, ApplicationEventPublisher events, Clock clock,
                 @Value("${tributary.inventory.reservation-timeout:15s}") java.time.Duration timeout) {
        this.catalog = catalog;
        this.network = network;
        this.channels = channels;
        this.stock = stock;
        this.store = store;
        this.lanes = lanes;
        this.events = events;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
    }

    /**
     * Reserves every line or none. {@code onCommit} (may be null) runs inside the committing
     * transaction with the new reservation. Throws {@link InsufficientStock} with the shortfalls.
     */
    public Reservation reserve(ReserveStock command, Actor actor, Consumer<Reservation> onCommit) {
        actor.requireChannel(command.channel());
        Channel channel = channels.find(command.channel())
                .orElseThrow(() -> new ValidationFailed("channel", "channel '" + command.channel() + "' does not exist"));
        Instant now = clock.instant();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new ValidationFailed("expiresAt", "must be in the future");
        }
        ReservationRequest request = resolve(command.lines(), channel, false);
        NewReservation reservation = new NewReservation(Ids.newId(), command.reference(), channel.code().value(),
                command.expiresAt(), now, actor.name(), request, false);
        CompletableFuture<Reservation> result = lanes.submit(reservation, Reservations::toReservation, onCommit);
        try {
            return result.get(timeoutMillis, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        } catch (TimeoutException e) {
            throw new org.springframework.dao.QueryTimeoutException("reservation not decided within " + timeoutMillis + " ms");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Reserves every line or none inside the caller's transaction instead of a lane: the rows are
     * locked in key order, decided and written before this returns, and commit or roll back with
     * the caller's work (an order and its reservation are then one fact). Throws
     * {@link InsufficientStock}; the caller should run this in a savepoint so that a refusal
     * releases the rows it locked. The reservation is <em>managed</em>: it belongs to the caller's
     * aggregate (a fulfilment), and the public API may not release or fulfil it
     * ({@link #releaseAsClient}, {@link #fulfilAsClient}).
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Reservation reserveWithin(ReserveStock command, Actor actor) {
        actor.requireChannel(command.channel());
        Channel channel = channels.find(command.channel())
                .orElseThrow(() -> new ValidationFailed("channel", "channel '" + command.channel() + "' does not exist"));
        Instant now = clock.instant();
        if (command.expiresAt() != null && !command.expiresAt().isAfter(now)) {
            throw new ValidationFailed("expiresAt", "must be in the future");
        }
        ReservationRequest request = resolve(command.lines(), channel, false);
        NewReservation reservation = new NewReservation(Ids.newId(), command.reference(), channel.code().value(),
                command.expiresAt(), now, actor.name(), request, true);
        return lanes.decideNow(reservation, Reservations::toReservation);
    }

    /**
     * Holds again, in the caller's transaction, part of what a managed reservation the caller just
     * released held (e.g. the units a fulfilment keeps after a partial cancellation). These units
     * were already promised, so the hold is kept even where the location has since been
     * deactivated, dropped by the channel, or counted lower (available then goes below zero, and
     * the verify report and availability show it) rather than failing the change.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public Reservation holdAgainWithin(ReserveStock command, Actor actor) {
        Channel channel = channels.find(command.channel())
                .orElseThrow(() -> new ValidationFailed("channel", "channel '" + command.channel() + "' does not exist"));
        List<ReserveLine> kept = command.lines().stream()
                .map(l -> new ReserveLine(l.sku(), l.location(), l.quantity(), true)).toList();
        ReservationRequest request = resolve(kept, channel, true);
        NewReservation reservation = new NewReservation(Ids.newId(), command.reference(), channel.code().value(),
                command.expiresAt(), clock.instant(), actor.name(), request, true);
        return lanes.decideNow(reservation, Reservations::toReservation);
    }

    /** {@code held}: the units were held before, so an inactive or no longer eligible location does not refuse them. */
    private ReservationRequest resolve(List<ReserveLine> lines, Channel channel, boolean held) {
        List<FieldError> errors = new ArrayList<>();
        Map<Sku, Item> items = catalog.findAll(lines.stream().map(ReserveLine::sku).toList());
        List<ReservationRequest.Row> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReserveLine line = lines.get(i);
            Item item = items.get(line.sku());
            Location location = network.find(line.location()).orElse(null);
            if (item == null) {
                errors.add(new FieldError("lines[" + i + "].sku", "SKU '" + line.sku() + "' does not exist"));
            }
            if (location == null) {
                errors.add(new FieldError("lines[" + i + "].location", "location '" + line.location() + "' does not exist"));
            } else if (!held && !location.active()) {
                errors.add(new FieldError("lines[" + i + "].location", "location '" + line.location() + "' is not active"));
            } else if (!held && !channel.locations().isEmpty() && !channel.locations().contains(location.code())) {
                errors.add(new FieldError("lines[" + i + "].location", "location '" + line.location()
                        + "' is not eligible for channel '" + channel.code() + "'"));
            }
            if (item == null || location == null) {
                continue;
            }
            if (!item.isKit()) {
                rows.add(new ReservationRequest.Row(i, 0, new StockKey(item.id(), location.id()), item.sku().value(),
                        location.code().value(), line.quantity(), null, null, 1, line.allowBackorder()));
                continue;
            }
            int c = 0;
            for (Item.Component component : item.explodedComponents()) {
                long quantity;
                try {
                    quantity = Math.multiplyExact(line.quantity(), component.quantity());
                } catch (ArithmeticException e) {
                    quantity = Long.MAX_VALUE;
                }
                if (quantity > Commands.MAX_QUANTITY) {
                    errors.add(new FieldError("lines[" + i + "].quantity", "needs more than " + Commands.MAX_QUANTITY
                            + " units of component " + component.sku()));
                    break;
                }
                rows.add(new ReservationRequest.Row(i, c++, new StockKey(component.itemId(), location.id()),
                        component.sku().value(), location.code().value(), quantity, item.sku().value(), line.quantity(),
                        component.quantity(), line.allowBackorder()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new ReservationRequest(rows);
    }

    static Reservation toReservation(NewReservation r) {
        Map<Integer, Reservation.Line> lines = new TreeMap<>();
        for (ReservationRequest.Row row : r.request().rows()) {
            if (row.kitSku() == null) {
                lines.put(row.line(), new Reservation.Line(row.line(), row.sku(), row.location(), row.quantity(), row.allowBackorder(), List.of()));
            } else {
                Reservation.Line existing = lines.get(row.line());
                List<Reservation.Component> components = new ArrayList<>(existing == null ? List.of() : existing.components());
                components.add(new Reservation.Component(row.sku(), row.quantity()));
                lines.put(row.line(), new Reservation.Line(row.line(), row.kitSku(), row.location(), row.kitQuantity(),
                        row.allowBackorder(), List.copyOf(components)));
            }
        }
        return new Reservation(r.id(), r.reference(), r.channel(), ReservationStatus.ACTIVE, r.expiresAt(), r.now(),
                r.actor(), List.copyOf(lines.values()));
    }

    /** Reads a reservation; a channel-bound actor may read only its own channel's. */
    @Transactional(readOnly = true)
    public Reservation get(UUID id, Actor actor) {
        Reservation r = store.find(id).orElseThrow(() -> new NotFound("Reservation", id.toString()));
        actor.requireChannel(new io.tributary.channels.ChannelCode(r.channel()));
        return r;
    }

    @Transactional(readOnly = true)
    public List<Map<String, Object>> history(UUID id, Actor actor) {
        get(id, actor);
        return store.history(id);
    }

    /** {@link #release} for a client of the public API: refused for a reservation another module manages. */
    @Transactional
    public Reservation releaseAsClient(UUID id, Actor actor) {
        requireUnmanaged(id, "release", actor);
        return release(id, actor);
    }

    /** {@link #fulfil} for a client of the public API: refused for a reservation another module manages. */
    @Transactional
    public Reservation fulfilAsClient(UUID id, Actor actor) {
        requireUnmanaged(id, "fulfil", actor);
        return fulfil(id, actor);
    }

    private void requireUnmanaged(UUID id, String verb, Actor actor) {
        ReservationStore.Head head = store.head(id, true).orElseThrow(() -> new NotFound("Reservation", id.toString()));
        actor.requireChannel(new io.tributary.channels.ChannelCode(head.channel()));
        if (head.managed()) {
            throw new InvalidTransition("reservation", "HELD_BY_FULFILMENT", verb + " (act on its fulfilment instead)");
        }
    }

    /** Gives the held stock back. Only an ACTIVE reservation can be released. */
    @Transactional
    public Reservation release(UUID id, Actor actor) {
        ReservationStore.Head head = lockActive(id, actor, ReservationStatus.RELEASED, "release");
        List<HeldRow> held = store.held(id);
        stock.lock(held.stream().map(HeldRow::key).toList());
        stock.applyReserved(negated(held));
        store.transition(List.of(id), ReservationStatus.ACTIVE, ReservationStatus.RELEASED, actor.name(), clock.instant());
        events.publishEvent(new ReservationChanged(id, head.channel(), head.reference(), ReservationStatus.RELEASED.name()));
        return store.find(id).orElseThrow();
    }

    /** Consumes the held stock as a shipment: on hand and reserved both go down, with ledger rows. */
    @Transactional
    public Reservation fulfil(UUID id, Actor actor) {
        ReservationStore.Head head = lockActive(id, actor, ReservationStatus.FULFILLED, "fulfil");
        List<HeldRow> held = store.held(id);
        var locked = stock.lock(held.stream().map(HeldRow::key).toList());
        Map<StockKey, Long> need = new HashMap<>();
        held.forEach(h -> need.merge(h.key(), h.quantity(), Long::sum));
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        int line = 0;
        for (HeldRow h : held) {
            long onHand = locked.get(h.key()).onHand();
            if (need.get(h.key()) > onHand) {
                shortfalls.add(new InsufficientStock.Shortfall(line, h.sku(), h.location(), h.quantity(), onHand));
            }
            line++;
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        Instant now = clock.instant();
        List<MovementDraft> drafts = held.stream().map(h -> new MovementDraft(h.key(), h.sku(), h.location(),
                StockStatus.AVAILABLE, -h.quantity(), MovementType.RESERVATION_CONSUME, "FULFILLED", head.reference(),
                null, actor.name(), now, id)).toList();
        stock.post(drafts);
        stock.applyReserved(negated(held));
        store.transition(List.of(id), ReservationStatus.ACTIVE, ReservationStatus.FULFILLED, actor.name(), now);
        events.publishEvent(new ReservationChanged(id, head.channel(), head.reference(), ReservationStatus.FULFILLED.name()));
        held.stream().map(HeldRow::location).distinct().forEach(loc -> events.publishEvent(new InventoryChanged(id, loc,
                held.stream().filter(h -> h.location().equals(loc)).map(HeldRow::sku).distinct().toList(), "RESERVATION_CONSUME")));
        return store.find(id).orElseThrow();
    }

    /** Expires up to {@code limit} due reservations; returns how many. Safe on many instances. */
    @Transactional
    public int expireDue(int limit) {
        Instant now = clock.instant();
        List<ReservationStore.Due> due = store.lockDue(now, limit);
        if (due.isEmpty()) {
            return 0;
        }
        List<UUID> ids = due.stream().map(ReservationStore.Due::id).toList();
        List<HeldRow> held = store.held(ids);
        stock.lock(held.stream().map(HeldRow::key).toList());
        stock.applyReserved(negated(held));
        store.transition(ids, ReservationStatus.ACTIVE, ReservationStatus.EXPIRED, Actor.SYSTEM.name(), now);
        due.forEach(d -> events.publishEvent(new ReservationChanged(d.id(), d.channel(), d.reference(), ReservationStatus.EXPIRED.name())));
        return due.size();
    }

    private ReservationStore.Head lockActive(UUID id, Actor actor, ReservationStatus target, String verb) {
        ReservationStore.Head head = store.head(id, true).orElseThrow(() -> new NotFound("Reservation", id.toString()));
        actor.requireChannel(new io.tributary.channels.ChannelCode(head.channel()));
        if (!head.status().canBecome(target)) {
            throw new InvalidTransition("reservation", head.status(), verb);
        }
        return head;
    }

    private static Map<StockKey, Long> negated(List<HeldRow> held) {
        Map<StockKey, Long> deltas = new HashMap<>();
        held.forEach(h -> deltas.merge(h.key(), -h.quantity(), Long::sum));
        return deltas;
    }

}
