package io.tributary.inventory;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.inventory.Commands.AdjustStock;
import io.tributary.inventory.Commands.ChangeStatus;
import io.tributary.inventory.Commands.CountLine;
import io.tributary.inventory.Commands.CountStock;
import io.tributary.inventory.Commands.ReconcileSnapshot;
import io.tributary.inventory.Commands.ReceiveTransfer;
import io.tributary.inventory.Commands.ShipTransfer;
import io.tributary.inventory.Commands.SnapshotLine;
import io.tributary.inventory.Commands.TransferArrival;
import io.tributary.inventory.Commands.TransferLine;
import io.tributary.inventory.Events.CountAwaitingApproval;
import io.tributary.inventory.Events.InventoryChanged;
import io.tributary.inventory.Views.Adjusted;
import io.tributary.inventory.Views.CountLineView;
import io.tributary.inventory.Views.CountView;
import io.tributary.inventory.Views.SnapshotReport;
import io.tributary.inventory.Views.SnapshotVariance;
import io.tributary.inventory.Views.StockView;
import io.tributary.inventory.Views.Totals;
import io.tributary.inventory.Views.Verification;
import io.tributary.inventory.Views.VerificationMismatch;
import io.tributary.inventory.domain.BalanceRow;
import io.tributary.inventory.domain.CountTolerance;
import io.tributary.inventory.domain.MovementDraft;
import io.tributary.inventory.domain.StockKey;
import io.tributary.inventory.persistence.DocumentStore;
import io.tributary.inventory.persistence.DocumentStore.CountHead;
import io.tributary.inventory.persistence.DocumentStore.CountLineRow;
import io.tributary.inventory.persistence.LedgerQueries;
import io.tributary.inventory.persistence.StockStore;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The inventory ledger's public face: adjustments, status changes, cycle counts, snapshot
 * reconciliation, stock positions, the movement history and the proof that balances equal the
 * ledger. Every change locks the balance rows it touches (in key order), writes immutable
 * movements and updates the balances in the same transaction through {@link StockStore}.
 */
@Service
public class Inventory {

    /** How far in the future a snapshot's as-of may lie (clock skew between systems). */
    static final Duration SNAPSHOT_FUTURE_SKEW = Duration.ofMinutes(5);

    private final Catalog catalog;
    private final Network network;
    private final StockStore stock;
    private final LedgerQueries ledger;
    private final DocumentStore documents;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Inventory(Catalog catalog, Network network, StockStore stock, LedgerQueries ledger, DocumentStore documents,
              ApplicationEventPublisher events, Clock clock) {
        this.catalog = catalog;
        this.network = network;
        this.stock = stock;
        this.ledger = ledger;
        this.documents = documents;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------- adjustments and status changes

    /** Adds or removes stock in one bucket; removing more than the bucket holds is refused. */
    @Transactional
    public Adjusted adjust(AdjustStock c, Actor actor) {
        Item item = stockedItem(c.sku(), "sku");
        Location location = location(c.location(), "location");
        if (c.status() == StockStatus.IN_TRANSIT) {
            throw new ValidationFailed("status", "in-transit stock changes only through transfers");
        }
        StockKey key = new StockKey(item.id(), location.id());
        BalanceRow row = stock.lock(List.of(key)).get(key);
        long bucket = row.bucket(c.status());
        if (bucket + c.quantity() < 0) {
            throw new InsufficientStock(List.of(new InsufficientStock.Shortfall(0, c.sku().value(), c.location().value(),
                    -c.quantity(), bucket)));
        }
        UUID document = Ids.newId();
        MovementDraft draft = new MovementDraft(key, c.sku().value(), c.location().value(), c.status(), c.quantity(),
                MovementType.ADJUSTMENT, c.reason().name(), c.reference(), c.note(), actor.name(), clock.instant(), document);
        List<UUID> ids = stock.post(List.of(draft));
        events.publishEvent(new InventoryChanged(document, c.location().value(), List.of(c.sku().value()), "ADJUSTMENT"));
        return new Adjusted(List.of(movement(ids.get(0), draft)), balanceAfter(row, List.of(draft), location));
    }

    /** Moves units from one status bucket to another at one location (two movements). */
    @Transactional
    public Adjusted changeStatus(ChangeStatus c, Actor actor) {
        Item item = stockedItem(c.sku(), "sku");
        Location location = location(c.location(), "location");
        if (c.from() == c.to()) {
            throw new ValidationFailed("to", "must differ from 'from'");
        }
        if (c.from() == StockStatus.IN_TRANSIT || c.to() == StockStatus.IN_TRANSIT) {
            throw new ValidationFailed(c.from() == StockStatus.IN_TRANSIT ? "from" : "to", "in-transit stock changes only through transfers");
        }
        StockKey key = new StockKey(item.id(), location.id());
        BalanceRow row = stock.lock(List.of(key)).get(key);
        long movable = c.from() == StockStatus.AVAILABLE ? row.available() : row.bucket(c.from());
        if (movable < c.quantity()) {
            throw new InsufficientStock(List.of(new InsufficientStock.Shortfall(0, c.sku().value(), c.location().value(),
                    c.quantity(), movable)));
        }
        UUID document = Ids.newId();
        Instant now = clock.instant();
        List<MovementDraft> drafts = List.of(
                new MovementDraft(key, c.sku().value(), c.location().value(), c.from(), -c.quantity(), MovementType.STATUS_CHANGE,
                        c.reason(), null, c.note(), actor.name(), now, document),
                new MovementDraft(key, c.sku().value(), c.location().value(), c.to(), c.quantity(), MovementType.STATUS_CHANGE,
                        c.reason(), null, c.note(), actor.name(), now, document));
        List<UUID> ids = stock.post(drafts);
        events.publishEvent(new InventoryChanged(document, c.location().value(), List.of(c.sku().value()), "STATUS_CHANGE"));
        return new Adjusted(List.of(movement(ids.get(0), drafts.get(0)), movement(ids.get(1), drafts.get(1))), balanceAfter(row, drafts, location));
    }

    // ---------------------------------------------------------------- transfers

    /**
     * Ships a transfer: TRANSFER_OUT movements take each line's units out of the source's AVAILABLE
     * bucket and put them in the destination's IN_TRANSIT bucket. Refused with 409
     * {@code insufficient-stock} (nothing moved) when the source has fewer unreserved units.
     */
    @Transactional
    public List<Movement> shipTransfer(ShipTransfer c, Actor actor) {
        Location from = location(c.from(), "from");
        Location to = location(c.to(), "to");
        if (from.id().equals(to.id())) {
            throw new ValidationFailed("to", "must differ from 'from'");
        }
        Map<Sku, Item> items = stockedItems(c.lines().stream().map(TransferLine::sku).toList(), "lines", i -> c.lines().get(i).sku());
        List<StockKey> keys = new ArrayList<>();
        for (TransferLine l : c.lines()) {
            keys.add(new StockKey(items.get(l.sku()).id(), from.id()));
            keys.add(new StockKey(items.get(l.sku()).id(), to.id()));
        }
        Map<StockKey, BalanceRow> rows = stock.lock(keys);
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        UUID document = Ids.newId();
        Instant now = clock.instant();
        List<MovementDraft> drafts = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            TransferLine l = c.lines().get(i);
            if (l.quantity() <= 0 || l.quantity() > Commands.MAX_QUANTITY) {
                throw new ValidationFailed("lines[" + i + "].quantity", "must be between 1 and " + Commands.MAX_QUANTITY);
            }
            StockKey out = keys.get(2 * i);
            long available = rows.get(out).available();
            if (available < l.quantity()) {
                shortfalls.add(new InsufficientStock.Shortfall(i, l.sku().value(), from.code().value(), l.quantity(), available));
            }
            drafts.add(new MovementDraft(out, l.sku().value(), from.code().value(), StockStatus.AVAILABLE, -l.quantity(),
                    MovementType.TRANSFER_OUT, "TRANSFER_SHIPPED", c.reference(), "to " + to.code().value(), actor.name(), now, document));
            drafts.add(new MovementDraft(keys.get(2 * i + 1), l.sku().value(), to.code().value(), StockStatus.IN_TRANSIT, l.quantity(),
                    MovementType.TRANSFER_OUT, "TRANSFER_SHIPPED", c.reference(), "from " + from.code().value(), actor.name(), now, document));
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        List<UUID> ids = stock.post(drafts);
        events.publishEvent(new InventoryChanged(document, from.code().value(), c.lines().stream().map(l -> l.sku().value()).toList(),
                "TRANSFER_OUT"));
        List<Movement> movements = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            movements.add(movement(ids.get(i), drafts.get(i)));
        }
        return movements;
    }

    /**
     * Takes transferred units in at their destination as TRANSFER_IN movements: each line clears
     * units from IN_TRANSIT and adds the counted ones to their buckets. Clearing more than is in
     * transit is refused with 409 {@code insufficient-stock}; nothing moves.
     */
    @Transactional
    public List<Movement> receiveTransfer(ReceiveTransfer c, Actor actor) {
        Location location = location(c.location(), "location");
        Map<Sku, Item> items = stockedItems(c.lines().stream().map(TransferArrival::sku).toList(), "lines", i -> c.lines().get(i).sku());
        List<StockKey> keys = c.lines().stream().map(l -> new StockKey(items.get(l.sku()).id(), location.id())).toList();
        Map<StockKey, BalanceRow> rows = stock.lock(keys);
        UUID document = Ids.newId();
        Instant now = clock.instant();
        List<MovementDraft> drafts = new ArrayList<>();
        List<InsufficientStock.Shortfall> shortfalls = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            TransferArrival l = c.lines().get(i);
            if (l.fromTransit() < 0 || l.available() < 0 || l.inspection() < 0 || l.damaged() < 0) {
                throw new ValidationFailed("lines[" + i + "]", "quantities must not be negative");
            }
            StockKey key = keys.get(i);
            long inTransit = rows.get(key).inTransit();
            if (inTransit < l.fromTransit()) {
                shortfalls.add(new InsufficientStock.Shortfall(i, l.sku().value(), location.code().value(), l.fromTransit(), inTransit));
            }
            long[] quantities = {-l.fromTransit(), l.available(), l.inspection(), l.damaged()};
            StockStatus[] statuses = {StockStatus.IN_TRANSIT, StockStatus.AVAILABLE, StockStatus.INSPECTION, StockStatus.DAMAGED};
            for (int s = 0; s < statuses.length; s++) {
                if (quantities[s] != 0) {
                    drafts.add(new MovementDraft(key, l.sku().value(), location.code().value(), statuses[s], quantities[s],
                            MovementType.TRANSFER_IN, c.reason(), c.reference(), null, actor.name(), now, document));
                }
            }
        }
        if (!shortfalls.isEmpty()) {
            throw new InsufficientStock(shortfalls);
        }
        List<UUID> ids = stock.post(drafts);
        if (!drafts.isEmpty()) {
            events.publishEvent(new InventoryChanged(document, location.code().value(), drafts.stream().map(MovementDraft::sku).distinct().toList(),
                    "TRANSFER_IN"));
        }
        List<Movement> movements = new ArrayList<>();
        for (int i = 0; i < ids.size(); i++) {
            movements.add(movement(ids.get(i), drafts.get(i)));
        }
        return movements;
    }

    // ---------------------------------------------------------------- cycle counts

    /**
     * Records a cycle count. Lines within tolerance are applied at once as COUNT movements; lines
     * beyond it wait, and the count is PENDING_APPROVAL until an inventory manager decides.
     */
    @Transactional
    public CountView count(CountStock c, Actor actor) {
        Location location = location(c.location(), "location");
        Map<Sku, Item> items = stockedItems(c.lines().stream().map(CountLine::sku).toList(), "lines", i -> c.lines().get(i).sku());
        List<StockKey> keys = c.lines().stream().map(l -> new StockKey(items.get(l.sku()).id(), location.id())).toList();
        Map<StockKey, BalanceRow> rows = stock.lock(keys);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        List<CountLineRow> lines = new ArrayList<>();
        List<MovementDraft> drafts = new ArrayList<>();
        int held = 0;
        for (int i = 0; i < c.lines().size(); i++) {
            CountLine line = c.lines().get(i);
            StockKey key = keys.get(i);
            long expected = rows.get(key).onHand();
            long variance = line.counted() - expected;
            boolean within = CountTolerance.within(expected, line.counted(), c.tolerancePercent());
            if (within && variance != 0) {
                drafts.add(new MovementDraft(key, line.sku().value(), location.code().value(), StockStatus.AVAILABLE, variance,
                        MovementType.COUNT, "COUNT_VARIANCE", id.toString(), c.note(), actor.name(), now, id));
            }
            if (!within) {
                held++;
            }
            lines.add(new CountLineRow(i, key.item(), line.sku().value(), expected, line.counted(), variance,
                    CountTolerance.percent(expected, line.counted()), within, within));
        }
        String status = held == 0 ? "APPLIED" : "PENDING_APPROVAL";
        documents.insertCount(new CountHead(id, location.id(), location.code().value(), c.tolerancePercent(), status, c.note(),
                now, now, actor.name(), null, null, 0), lines);
        stock.post(drafts);
        stock.markSynced(location.id(), now);
        if (!drafts.isEmpty()) {
            events.publishEvent(new InventoryChanged(id, location.code().value(), drafts.stream().map(MovementDraft::sku).toList(), "COUNT"));
        }
        if (held > 0) {
            events.publishEvent(new CountAwaitingApproval(id, location.code().value(), held));
        }
        return countView(id);
    }

    @Transactional(readOnly = true)
    public CountView countView(UUID id) {
        CountHead head = documents.count(id, false).orElseThrow(() -> new NotFound("Count", id.toString()));
        List<CountLineView> lines = documents.countLines(id).stream().map(l -> new CountLineView(new Sku(l.sku()), l.expected(),
                l.counted(), l.variance(), l.variancePercent(), l.withinTolerance(), l.applied())).toList();
        return new CountView(head.id(), new LocationCode(head.location()), head.status(), head.tolerancePercent(), head.note(),
                head.countedAt(), head.createdBy(), head.decidedAt(), head.decidedBy(), lines);
    }

    /** Counts, newest first, optionally only those of one status or location. */
    @Transactional(readOnly = true)
    public Page<CountView> counts(Optional<String> status, Optional<LocationCode> at, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID location = at.map(code -> location(code, "location").id()).orElse(null);
        List<UUID> ids = documents.counts(status.orElse(null), location, cursorId(cursor), n + 1);
        return Page.of(ids.stream().map(this::countView).toList(), n, c -> c.id().toString());
    }

    private static UUID cursorId(String cursor) {
        String decoded = Page.decodeCursor(cursor);
        try {
            return decoded == null ? null : UUID.fromString(decoded);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("cursor", "is not a cursor returned by this list");
        }
    }

    /**
     * Applies the held lines of a pending count. Each applies the variance seen at count time, so
     * movements since the count stay reflected; a removal larger than what is now on hand stops
     * at zero.
     */
    @Transactional
    public CountView approveCount(UUID id, Actor actor) {
        CountHead head = pending(id, "approve");
        List<CountLineRow> held = documents.countLines(id).stream().filter(l -> !l.applied()).toList();
        List<StockKey> keys = held.stream().map(l -> new StockKey(l.itemId(), head.locationId())).toList();
        Map<StockKey, BalanceRow> rows = stock.lock(keys);
        Instant now = clock.instant();
        List<MovementDraft> drafts = new ArrayList<>();
        for (int i = 0; i < held.size(); i++) {
            CountLineRow line = held.get(i);
            long delta = Math.max(line.variance(), -rows.get(keys.get(i)).onHand());
            if (delta != 0) {
                drafts.add(new MovementDraft(keys.get(i), line.sku(), head.location(), StockStatus.AVAILABLE, delta,
                        MovementType.COUNT, "COUNT_APPROVED", id.toString(), head.note(), actor.name(), now, id));
            }
        }
        stock.post(drafts);
        documents.decideCount(id, "APPLIED", now, actor.name());
        if (!drafts.isEmpty()) {
            events.publishEvent(new InventoryChanged(id, head.location(), drafts.stream().map(MovementDraft::sku).toList(), "COUNT"));
        }
        return countView(id);
    }

    /** Discards the held lines of a pending count; lines already applied stay applied. */
    @Transactional
    public CountView rejectCount(UUID id, Actor actor) {
        pending(id, "reject");
        documents.decideCount(id, "REJECTED", clock.instant(), actor.name());
        return countView(id);
    }

    private CountHead pending(UUID id, String verb) {
        CountHead head = documents.count(id, true).orElseThrow(() -> new NotFound("Count", id.toString()));
        if (!"PENDING_APPROVAL".equals(head.status())) {
            throw new InvalidTransition("count", head.status(), verb);
        }
        return head;
    }

    // ---------------------------------------------------------------- snapshots

    /**
     * Reconciles a node's full stock file into SNAPSHOT movements. The book figure as of the
     * snapshot is today's on hand less the AVAILABLE movements that occurred after {@code asOf}
     * (orders shipped or goods received while the file was in flight); each SKU is then moved to
     * the reported figure plus those later movements. SKUs with stock here but absent from the
     * file are taken to be zero. Sending the same file again finds nothing to change; a file older
     * than the newest one already applied is refused.
     */
    @Transactional
    public SnapshotReport reconcile(ReconcileSnapshot command, Actor actor) {
        // The database keeps microseconds; compare and store the as-of at that precision.
        ReconcileSnapshot c = new ReconcileSnapshot(command.location(), command.asOf().truncatedTo(java.time.temporal.ChronoUnit.MICROS),
                command.lines());
        Location location = location(c.location(), "location");
        Instant now = clock.instant();
        if (c.asOf().isAfter(now.plus(SNAPSHOT_FUTURE_SKEW))) {
            throw new ValidationFailed("asOf", "lies in the future");
        }
        Map<Sku, Item> items = stockedItems(c.lines().stream().map(SnapshotLine::sku).toList(), "lines", i -> c.lines().get(i).sku());
        Optional<Instant> last = documents.lastSnapshot(location.id());
        if (last.isPresent() && last.get().isAfter(c.asOf())) {
            throw new DomainException("stale-snapshot", 409, "A newer snapshot (as of " + last.get()
                    + ") was already applied to " + location.code() + "; this one is as of " + c.asOf() + ".");
        }
        Map<UUID, Long> reported = new HashMap<>();
        Map<UUID, String> skus = new HashMap<>();
        for (SnapshotLine line : c.lines()) {
            Item item = items.get(line.sku());
            reported.put(item.id(), line.quantity());
            skus.put(item.id(), item.sku().value());
        }
        Set<StockKey> keys = new HashSet<>();
        reported.keySet().forEach(i -> keys.add(new StockKey(i, location.id())));
        ledger.itemsAt(location.id()).forEach(i -> keys.add(new StockKey(i, location.id())));
        Map<StockKey, BalanceRow> rows = stock.lock(keys);
        Map<UUID, Long> since = ledger.availableMovedSince(location.id(), c.asOf());
        UUID id = Ids.newId();
        List<MovementDraft> drafts = new ArrayList<>();
        List<SnapshotVariance> variances = new ArrayList<>();
        long added = 0;
        long removed = 0;
        for (StockKey key : new TreeMap<>(rows).keySet()) {
            long onHand = rows.get(key).onHand();
            long later = since.getOrDefault(key.item(), 0L);
            long report = reported.getOrDefault(key.item(), 0L);
            long target = Math.max(0, report + later);
            long delta = target - onHand;
            if (delta == 0) {
                continue;
            }
            String sku = skus.computeIfAbsent(key.item(), i -> catalog.find(i).map(it -> it.sku().value()).orElse("?"));
            drafts.add(new MovementDraft(key, sku, location.code().value(), StockStatus.AVAILABLE, delta, MovementType.SNAPSHOT,
                    "SNAPSHOT", id.toString(), null, actor.name(), c.asOf(), id));
            variances.add(new SnapshotVariance(new Sku(sku), onHand - later, report, delta));
            if (delta > 0) {
                added += delta;
            } else {
                removed -= delta;
            }
        }
        stock.post(drafts);
        documents.insertSnapshot(id, location.id(), location.code().value(), c.asOf(), c.lines().size(), drafts.size(), now, actor.name());
        stock.markSynced(location.id(), c.asOf());
        if (!drafts.isEmpty()) {
            events.publishEvent(new InventoryChanged(id, location.code().value(), drafts.stream().map(MovementDraft::sku).toList(), "SNAPSHOT"));
        }
        variances.sort(java.util.Comparator.comparing(v -> v.sku().value()));
        return new SnapshotReport(id, location.code(), c.asOf(), c.lines().size(), rows.size(), drafts.size(), added, removed, variances);
    }

    // ---------------------------------------------------------------- reads

    /** Stock of a SKU at every location holding a balance. A kit shows how many could be built. */
    @Transactional(readOnly = true)
    public StockView stockOf(Sku sku) {
        Item item = catalog.find(sku).orElseThrow(() -> new NotFound("Item", sku.value()));
        Instant now = clock.instant();
        List<Balance> balances = new ArrayList<>();
        if (item.isKit()) {
            Map<UUID, List<long[]>> perLocation = new HashMap<>();
            for (Item.Component component : item.explodedComponents()) {
                for (BalanceRow row : ledger.balancesOfItem(component.itemId())) {
                    perLocation.computeIfAbsent(row.key().location(), l -> new ArrayList<>())
                            .add(new long[] {row.available(), component.quantity()});
                }
            }
            Map<UUID, Instant> synced = stock.lastSynced(perLocation.keySet());
            perLocation.forEach((loc, parts) -> network.find(loc).ifPresent(location -> {
                long kits = parts.size() < item.explodedComponents().size() ? 0
                        : io.tributary.inventory.domain.AvailabilityPolicy.kits(parts);
                balances.add(new Balance(location.code(), kits, 0, kits, 0, 0, 0, confidence(location, synced.get(loc), now), synced.get(loc)));
            }));
        } else {
            List<BalanceRow> rows = ledger.balancesOfItem(item.id());
            Map<UUID, Instant> synced = stock.lastSynced(rows.stream().map(r -> r.key().location()).toList());
            for (BalanceRow row : rows) {
                network.find(row.key().location()).ifPresent(location -> balances.add(balance(row, location, synced.get(location.id()), now)));
            }
        }
        balances.sort(java.util.Comparator.comparing(b -> b.location().value()));
        Totals totals = new Totals(
                balances.stream().mapToLong(Balance::onHand).sum(), balances.stream().mapToLong(Balance::reserved).sum(),
                balances.stream().mapToLong(Balance::available).sum(), balances.stream().mapToLong(Balance::inTransit).sum(),
                balances.stream().mapToLong(Balance::inspection).sum(), balances.stream().mapToLong(Balance::damaged).sum());
        return new StockView(item.sku(), item.isKit(), balances, totals);
    }

    /** The ledger of a SKU, newest first, optionally at one location. */
    @Transactional(readOnly = true)
    public Page<Movement> movements(Sku sku, Optional<LocationCode> at, Integer limit, String cursor) {
        Item item = catalog.find(sku).orElseThrow(() -> new NotFound("Item", sku.value()));
        UUID location = at.map(code -> location(code, "location").id()).orElse(null);
        int n = Page.limit(limit);
        return Page.of(ledger.movements(item.id(), location, cursorId(cursor), n + 1), n, m -> m.id().toString());
    }

    /** Proves every balance equals its ledger and every reserved figure its open reservations. */
    @Transactional(readOnly = true)
    public Verification verify() {
        var result = ledger.verify(100);
        List<VerificationMismatch> mismatches = result.getValue().stream().map(m -> new VerificationMismatch(
                catalog.find(m.item()).map(i -> i.sku().value()).orElse(m.item().toString()),
                network.find(m.location()).map(l -> l.code().value()).orElse(m.location().toString()),
                m.field(), m.balance(), m.expected())).toList();
        return new Verification(mismatches.isEmpty(), result.getKey(), mismatches);
    }

    /**
     * Rewrites balances that disagree with the ledger or the open reservations, and reports what
     * was wrong before. With every change going through one code path this should find nothing; it
     * exists for databases edited by hand or restored from partial backups.
     */
    @Transactional
    public Views.Repair repair(Actor actor) {
        Verification before = verify();
        int rewritten = stock.rebuildBalances();
        org.slf4j.LoggerFactory.getLogger(Inventory.class).warn("{} rebuilt {} balance rows from the ledger ({} mismatches found)",
                actor.name(), rewritten, before.mismatches().size());
        return new Views.Repair(rewritten, before.mismatches());
    }

    // ---------------------------------------------------------------- helpers

    /** The locked row plus what was just posted to it: no second read of the balance. */
    private Balance balanceAfter(BalanceRow locked, List<MovementDraft> posted, Location location) {
        BalanceRow row = locked;
        for (MovementDraft d : posted) {
            row = row.plus(d.status(), d.quantity());
        }
        Instant synced = stock.lastSynced(List.of(location.id())).get(location.id());
        return balance(row, location, synced, clock.instant());
    }

    static Balance balance(BalanceRow row, Location location, Instant synced, Instant now) {
        return new Balance(location.code(), row.onHand(), row.reserved(), row.available(), row.inTransit(), row.inspection(),
                row.damaged(), confidence(location, synced, now), synced);
    }

    static Balance.Confidence confidence(Location location, Instant synced, Instant now) {
        if (location.staleAfter() == null) {
            return Balance.Confidence.FRESH;
        }
        return synced != null && !synced.plus(location.staleAfter()).isBefore(now) ? Balance.Confidence.FRESH : Balance.Confidence.STALE;
    }

    private Movement movement(UUID id, MovementDraft d) {
        return new Movement(id, new Sku(d.sku()), new LocationCode(d.location()), d.status(), d.quantity(), d.type(), d.reason(),
                d.reference(), d.note(), d.actor(), d.occurredAt(), clock.instant(), d.document());
    }

    private Item stockedItem(Sku sku, String field) {
        Item item = catalog.find(sku).orElseThrow(() -> new ValidationFailed(field, "SKU '" + sku + "' does not exist"));
        if (item.isKit()) {
            throw new ValidationFailed(field, "'" + sku + "' is a kit; kits hold no stock of their own, change their components");
        }
        return item;
    }

    private Map<Sku, Item> stockedItems(List<Sku> skus, String linesField, java.util.function.IntFunction<Sku> at) {
        Map<Sku, Item> items = catalog.findAll(skus);
        List<FieldError> errors = new ArrayList<>();
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < skus.size(); i++) {
            Sku sku = at.apply(i);
            Item item = items.get(sku);
            String field = linesField + "[" + i + "].sku";
            if (!seen.add(sku)) {
                errors.add(new FieldError(field, "SKU '" + sku + "' appears more than once"));
            } else if (item == null) {
                errors.add(new FieldError(field, "SKU '" + sku + "' does not exist"));
            } else if (item.isKit()) {
                errors.add(new FieldError(field, "'" + sku + "' is a kit; kits hold no stock of their own"));
            }
            if (errors.size() >= 100) {
                break;
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return items;
    }

    Location location(LocationCode code, String field) {
        return network.find(code).orElseThrow(() -> new ValidationFailed(field, "location '" + code + "' does not exist"));
    }
}
