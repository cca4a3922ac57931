package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.fulfillment.SalesHistory;
import io.tributary.inventory.Balance;
import io.tributary.inventory.Inventory;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.procurement.domain.DemandSignal;
import io.tributary.procurement.domain.ReplenishmentDecision;
import io.tributary.procurement.domain.ReplenishmentDecision.Position;
import io.tributary.procurement.domain.ReplenishmentDecision.Terms;
import io.tributary.procurement.persistence.JdbcReplenishment;
import io.tributary.procurement.persistence.JdbcSuppliers;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Replenishment: the planner's policy per item and location ({@link #putPolicy}), runs that turn
 * policies, stock and supplier terms into proposals ({@link #run}), and the buyer's review of those
 * proposals: {@link #accept} (DRAFT purchase orders, one per supplier and location), {@link #dismiss}
 * and {@link #changeQuantity}. The arithmetic is {@link ReplenishmentDecision}'s; this facade gathers
 * its inputs: the balance at the location from inventory, open purchase order quantities, the primary
 * supplier's terms and the item's pallet size from the catalog. Demand is the rate the planner sets on
 * the policy or, when none is set, the location's recent sales read through the fulfillment module's
 * {@link SalesHistory} over {@code tributary.replenishment.demand-window-days} (28) days, recency-weighted;
 * either is multiplied by the policy's uplift (ADR 0015).
 */
@Service
public class Replenishment {

    private final JdbcReplenishment store;
    private final JdbcSuppliers suppliers;
    private final Procurement procurement;
    private final Catalog catalog;
    private final Network network;
    private final Inventory inventory;
    private final SalesHistory sales;
    private final int demandWindowDays;
    private final Clock clock;

    Replenishment(JdbcReplenishment store, JdbcSuppliers suppliers, Procurement procurement, Catalog catalog, Network network,
                  Inventory inventory, SalesHistory sales, @Value("${tributary.replenishment.demand-window-days:28}") int demandWindowDays,
                  Clock clock) {
        if (demandWindowDays < 1 || demandWindowDays > SalesHistory.MAX_DAYS) {
            throw new IllegalArgumentException("tributary.replenishment.demand-window-days must be between 1 and " + SalesHistory.MAX_DAYS);
        }
        this.store = store;
        this.suppliers = suppliers;
        this.procurement = procurement;
        this.catalog = catalog;
        this.network = network;
        this.inventory = inventory;
        this.sales = sales;
        this.demandWindowDays = demandWindowDays;
        this.clock = clock;
    }

    /** A run: its proposals, and the item-locations it could not plan with the reason. */
    public record Run(UUID id, Instant at, int policies, List<ReplenishmentProposal> proposals, List<Skipped> skipped) {
    }

    /** An item-location a run left out, and why (e.g. no primary supplier). */
    public record Skipped(Sku sku, LocationCode location, String reason) {
    }

    /** The largest uplift a planner may set. */
    static final BigDecimal MAX_UPLIFT = new BigDecimal("100");

    // ---------------------------------------------------------------- policies

    /**
     * Creates or replaces the policy of an item at a location. Refuses (400, naming the field) an
     * unknown SKU or location, a method without its levels or with another method's levels, an order-up-to
     * below the reorder point, a max below the min, and a service level outside (0, 1).
     */
    @Transactional
    public Procurement.Saved<ReplenishmentPolicy> putPolicy(PutReplenishmentPolicy c, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (catalog.find(c.sku()).isEmpty()) {
            errors.add(new FieldError("sku", "is not an item of the catalog: " + c.sku().value()));
        }
        if (network.find(c.location()).isEmpty()) {
            errors.add(new FieldError("location", "is not a known location: " + c.location().value()));
        }
        ReplenishmentMethod m = c.method();
        check(errors, m == ReplenishmentMethod.REORDER_POINT, "reorderPoint", c.reorderPoint(), false);
        check(errors, m == ReplenishmentMethod.REORDER_POINT, "orderUpTo", c.orderUpTo(), true);
        check(errors, m == ReplenishmentMethod.MIN_MAX, "min", c.min(), true);
        check(errors, m == ReplenishmentMethod.MIN_MAX, "max", c.max(), true);
        check(errors, m == ReplenishmentMethod.DAYS_OF_COVER, "daysOfCover", c.daysOfCover(), true);
        if (c.reorderPoint() != null && c.orderUpTo() != null && c.orderUpTo() < c.reorderPoint()) {
            errors.add(new FieldError("orderUpTo", "must not be below reorderPoint"));
        }
        if (c.min() != null && c.max() != null && c.max() < c.min()) {
            errors.add(new FieldError("max", "must not be below min"));
        }
        if (c.serviceLevel() != null && (c.serviceLevel().signum() <= 0 || c.serviceLevel().compareTo(BigDecimal.ONE) >= 0)) {
            errors.add(new FieldError("serviceLevel", "must be greater than 0 and less than 1, e.g. 0.95"));
        }
        if (c.demandUplift() != null && (c.demandUplift().signum() <= 0 || c.demandUplift().compareTo(MAX_UPLIFT) > 0)) {
            errors.add(new FieldError("demandUplift", "must be greater than 0 and at most " + MAX_UPLIFT + ", e.g. 1.5 for half as much again"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        boolean created = store.policy(c.sku(), c.location(), true).isEmpty();
        store.upsertPolicy(new ReplenishmentPolicy(c.sku(), c.location(), m, c.reorderPoint(), c.orderUpTo(), c.min(), c.max(),
                c.daysOfCover(), c.serviceLevel(), c.leadTimeDeviationDays(), c.dailyDemand(), c.dailyDemandDeviation(),
                c.demandUplift() == null ? BigDecimal.ONE : c.demandUplift(), c.roundToPallets(), 0, clock.instant(), actor.name()));
        return new Procurement.Saved<>(store.policy(c.sku(), c.location(), false).orElseThrow(), created);
    }

    private static void check(List<FieldError> errors, boolean belongs, String field, Object value, boolean required) {
        if (!belongs && value != null) {
            errors.add(new FieldError(field, "does not apply to this method"));
        } else if (belongs && required && value == null) {
            errors.add(new FieldError(field, "is required for this method"));
        }
    }

    public ReplenishmentPolicy policy(Sku sku, LocationCode location) {
        return store.policy(sku, location, false)
                .orElseThrow(() -> new NotFound("Replenishment policy", sku.value() + " at " + location.value()));
    }

    // ---------------------------------------------------------------- runs

    /**
     * Applies every policy but NONE. Each item-location's earlier open proposal is superseded; a new
     * one is stored when the decision is to buy. Item-locations without a primary supplier, or whose
     * item left the catalog, are reported as skipped.
     */
    @Transactional
    public Run run(Actor actor) {
        Instant now = clock.instant();
        UUID runId = Ids.newId();
        List<ReplenishmentPolicy> policies = store.activePolicies();
        List<ReplenishmentProposal> proposals = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        store.insertRun(runId, now, actor.name(), policies.size(), 0);
        for (ReplenishmentPolicy p : policies) {
            Optional<Item> item = catalog.find(p.sku());
            Optional<SupplierItem> terms = store.primaryItem(p.sku());
            if (item.isEmpty() || item.get().isKit()) {
                skipped.add(new Skipped(p.sku(), p.location(), "not a stocked item of the catalog"));
                continue;
            }
            if (terms.isEmpty()) {
                skipped.add(new Skipped(p.sku(), p.location(), "no primary supplier"));
                continue;
            }
            SupplierItem si = terms.get();
            int leadTime = si.leadTimeDays() != null ? si.leadTimeDays()
                    : suppliers.find(si.supplier(), false).map(Supplier::leadTimeDays).orElse(0);
            Demand demand = demand(p);
            ReplenishmentDecision d = ReplenishmentDecision.decide(p, position(p.sku(), p.location()), demand.signal(),
                    new Terms(si.casePack(), si.minOrderQuantity(), leadTime, item.get().casesPerPallet()));
            store.supersedeOpen(p.sku(), p.location(), now, actor.name());
            if (d.proposes()) {
                ReplenishmentProposal proposal = new ReplenishmentProposal(Ids.newId(), runId, p.sku(), p.location(), si.supplier(),
                        p.method(), d.projected(), d.safetyStock(), d.need(), d.quantity(),
                        "supplier " + si.supplier().value() + " (primary), lead time " + leadTime + " days; "
                                + (demand.source() == null ? "" : demand.source() + "; ") + d.explanation(),
                        ProposalStatus.OPEN, null, now, null, null, 1);
                store.insertProposal(proposal);
                proposals.add(proposal);
            }
        }
        store.recordRun(runId, proposals.size());
        return new Run(runId, now, policies.size(), store.ofRun(runId), skipped);
    }

    /** The demand a decision plans with, and where it came from in words (null when the method needs no demand). */
    record Demand(DemandSignal signal, String source) {
    }

    /**
     * The demand of a policy (ADR 0015): the planner's {@code dailyDemand} and deviation when set
     * (a signal without history), else the recency-weighted sales of the last
     * {@code demandWindowDays} days at the location; the rate is then multiplied by the uplift. Sales
     * are read only when the method plans with demand.
     */
    Demand demand(ReplenishmentPolicy p) {
        if (!ReplenishmentDecision.usesDemand(p)) {
            return new Demand(DemandSignal.NONE, null);
        }
        DemandSignal base;
        String source;
        if (p.dailyDemand() != null) {
            base = new DemandSignal(p.dailyDemand().doubleValue(),
                    p.dailyDemandDeviation() == null ? 0 : p.dailyDemandDeviation().doubleValue(), 0);
            source = String.format(Locale.ROOT, "demand source: planner, %.2f/day (σ %.2f)", base.rate(), base.deviation());
        } else {
            SalesHistory.Daily history = sales.daily(p.sku(), p.location(), demandWindowDays);
            base = DemandSignal.weighted(history.units());
            source = String.format(Locale.ROOT,
                    "demand source: sales at %s over %d days %s to %s (%d shipped + %d open units), recency-weighted %.2f/day (σ %.2f)",
                    p.location().value(), demandWindowDays, history.from(), history.to(), history.totalShipped(), history.totalOpen(),
                    base.rate(), base.deviation());
        }
        BigDecimal uplift = p.demandUplift() == null ? BigDecimal.ONE : p.demandUplift();
        if (uplift.compareTo(BigDecimal.ONE) == 0) {
            return new Demand(base, source);
        }
        DemandSignal lifted = new DemandSignal(base.rate() * uplift.doubleValue(), base.deviation(), base.days());
        return new Demand(lifted, source + String.format(Locale.ROOT, " × uplift %s = %.2f/day", uplift.toPlainString(), lifted.rate()));
    }

    /**
     * The stock position at a location. Inventory keeps backorders as reservations beyond what is on
     * hand, so the reservations stock covers are {@code min(reserved, onHand)} and the backordered
     * units the rest; projected available is then the same as on hand − reserved + on order + in transit.
     */
    Position position(Sku sku, LocationCode location) {
        return position(sku, location, null, 0);
    }

    /**
     * The position of a location as the goods of consolidated order {@code exceptPlanOf} arrive at
     * its centre: that order's plan no longer counts as on order, and {@code incoming} units already
     * allotted to the location from it (on transfers not yet shipped) do.
     */
    Position position(Sku sku, LocationCode location, UUID exceptPlanOf, long incoming) {
        Optional<Balance> balance = inventory.stockOf(sku).locations().stream().filter(b -> b.location().equals(location)).findFirst();
        long onHand = balance.map(Balance::onHand).orElse(0L);
        long reserved = balance.map(Balance::reserved).orElse(0L);
        long inTransit = balance.map(Balance::inTransit).orElse(0L);
        long backordered = Math.max(0, reserved - onHand);
        long onOrder = exceptPlanOf == null ? store.onOrder(sku, location) : store.onOrder(sku, location, exceptPlanOf) + incoming;
        return new Position(onHand, onOrder, inTransit, reserved - backordered, backordered);
    }

    // ---------------------------------------------------------------- review

    /** Proposals oldest first, optionally of one status. */
    public Page<ReplenishmentProposal> proposals(ProposalStatus status, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID after = Page.decodeIdCursor(cursor);
        return Page.of(store.page(status, after, n + 1), n, p -> p.id().toString());
    }

    public ReplenishmentProposal proposal(UUID id) {
        return store.proposal(id).orElseThrow(() -> new NotFound("Proposal", id.toString()));
    }

    /**
     * Accepts open proposals: one DRAFT purchase order per supplier and location, with a line per
     * proposal at the supplier's unit cost, all in one transaction. Any unknown id (404) or proposal
     * that is no longer open (409) refuses the whole request.
     */
    @Transactional
    public List<PurchaseOrder> accept(List<UUID> ids, Actor actor) {
        List<ReplenishmentProposal> open = lockOpen(ids, "accept");
        Map<String, List<ReplenishmentProposal>> bySupplierAndLocation = new TreeMap<>();
        for (ReplenishmentProposal p : open) {
            bySupplierAndLocation.computeIfAbsent(p.supplier().value() + "\u0000" + p.location().value(), k -> new ArrayList<>()).add(p);
        }
        Instant now = clock.instant();
        List<PurchaseOrder> orders = new ArrayList<>();
        for (List<ReplenishmentProposal> group : bySupplierAndLocation.values()) {
            group.sort(Comparator.comparing(p -> p.sku().value()));
            ReplenishmentProposal first = group.getFirst();
            PurchaseOrder po = procurement.create(new CreatePurchaseOrder(first.supplier(), first.location(), null,
                    group.stream().map(p -> new CreatePurchaseOrder.Line(p.sku(), p.quantity(), null)).toList()), actor);
            group.forEach(p -> store.decide(p.id(), ProposalStatus.ACCEPTED, p.quantity(), po.id(), now, actor.name()));
            orders.add(po);
        }
        return orders;
    }

    /** Dismisses open proposals; any unknown (404) or no longer open (409) refuses them all. */
    @Transactional
    public List<ReplenishmentProposal> dismiss(List<UUID> ids, Actor actor) {
        List<ReplenishmentProposal> open = lockOpen(ids, "dismiss");
        Instant now = clock.instant();
        open.forEach(p -> store.decide(p.id(), ProposalStatus.DISMISSED, p.quantity(), null, now, actor.name()));
        return open.stream().map(p -> proposal(p.id())).toList();
    }

    /** Sets the quantity of an open proposal as the buyer decides (at least 1; no rounding is applied). */
    @Transactional
    public ReplenishmentProposal changeQuantity(UUID id, long quantity, Actor actor) {
        if (quantity < 1) {
            throw new ValidationFailed("quantity", "must be at least 1");
        }
        lockOpen(List.of(id), "change");
        store.decide(id, ProposalStatus.OPEN, quantity, null, clock.instant(), actor.name());
        return proposal(id);
    }

    private List<ReplenishmentProposal> lockOpen(List<UUID> ids, String verb) {
        if (ids == null || ids.isEmpty()) {
            throw new ValidationFailed("ids", "must list at least one proposal");
        }
        Set<UUID> wanted = new LinkedHashSet<>(ids);
        List<ReplenishmentProposal> locked = store.lock(wanted);
        if (locked.size() < wanted.size()) {
            Set<UUID> found = new LinkedHashSet<>();
            locked.forEach(p -> found.add(p.id()));
            UUID missing = wanted.stream().filter(id -> !found.contains(id)).findFirst().orElseThrow();
            throw new NotFound("Proposal", missing.toString());
        }
        for (ReplenishmentProposal p : locked) {
            if (p.status() != ProposalStatus.OPEN) {
                throw new InvalidTransition("proposal " + p.id(), p.status(), verb);
            }
        }
        return new ArrayList<>(locked);
    }
}
