package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.LocationType;
import io.tributary.network.Network;
import io.tributary.procurement.domain.Consolidation;
import io.tributary.procurement.domain.Consolidation.Need;
import io.tributary.procurement.domain.ReplenishmentDecision;
import io.tributary.procurement.domain.ReplenishmentDecision.Terms;
import io.tributary.procurement.persistence.JdbcConsolidations;
import io.tributary.procurement.persistence.JdbcReplenishment;
import io.tributary.procurement.persistence.JdbcSuppliers;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consolidated purchase orders (ADR 0018): for one supplier and the locations served through a
 * consolidation centre, each location's replenishment policy decides its need for every item the
 * supplier sells (the same decision a run makes); the needs are summed per item and rounded once
 * into ONE DRAFT purchase order to the centre, created through {@link Procurement#create}, and the
 * ordered quantity is shared out again by {@link Consolidation} into a stored distribution plan.
 * While the order is open, the plan's quantities count as on order at their locations, so a later
 * run or consolidation does not buy the same need twice.
 */
@Service
public class Consolidations {

    private final JdbcConsolidations store;
    private final JdbcReplenishment policies;
    private final JdbcSuppliers suppliers;
    private final Replenishment replenishment;
    private final Procurement procurement;
    private final Catalog catalog;
    private final Network network;
    private final Clock clock;

    Consolidations(JdbcConsolidations store, JdbcReplenishment policies, JdbcSuppliers suppliers, Replenishment replenishment,
                   Procurement procurement, Catalog catalog, Network network, Clock clock) {
        this.store = store;
        this.policies = policies;
        this.suppliers = suppliers;
        this.replenishment = replenishment;
        this.procurement = procurement;
        this.catalog = catalog;
        this.network = network;
        this.clock = clock;
    }

    /**
     * Creates the consolidated DRAFT order and its distribution plan. Refuses with 400 naming the
     * field: an unknown supplier, a centre that is not a CONSOLIDATION_CENTER, no locations, an
     * unknown location, one listed twice or the centre itself, and locations that need nothing
     * from this supplier. The centre must be able to receive (as for any purchase order).
     */
    @Transactional
    public ConsolidatedOrder consolidate(SupplierCode supplierCode, LocationCode centre, List<LocationCode> locations, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Supplier> supplier = suppliers.find(supplierCode, false);
        if (supplier.isEmpty()) {
            errors.add(new FieldError("supplier", "is not a known supplier: " + supplierCode.value()));
        }
        Optional<Location> hub = network.find(centre);
        if (hub.isEmpty() || hub.get().type() != LocationType.CONSOLIDATION_CENTER) {
            errors.add(new FieldError("consolidationCentre", "is not a known CONSOLIDATION_CENTER: " + centre.value()));
        }
        if (locations == null || locations.isEmpty()) {
            errors.add(new FieldError("locations", "must list at least one location"));
        } else {
            Set<LocationCode> seen = new HashSet<>();
            for (int i = 0; i < locations.size(); i++) {
                LocationCode l = locations.get(i);
                if (!seen.add(l)) {
                    errors.add(new FieldError("locations[" + i + "]", "is listed twice: " + l.value()));
                } else if (l.equals(centre)) {
                    errors.add(new FieldError("locations[" + i + "]", "is the consolidation centre itself"));
                } else if (network.find(l).isEmpty()) {
                    errors.add(new FieldError("locations[" + i + "]", "is not a known location: " + l.value()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<Consolidation.Line> lines = plan(supplier.get(), locations);
        List<Consolidation.Line> ordered = lines.stream().filter(Consolidation.Line::orders).toList();
        if (ordered.isEmpty()) {
            throw new ValidationFailed("locations", "need nothing from supplier " + supplierCode.value() + " by their replenishment policies");
        }
        PurchaseOrder po = procurement.create(new CreatePurchaseOrder(supplierCode, centre, null,
                ordered.stream().map(l -> new CreatePurchaseOrder.Line(l.sku(), l.quantity(), null)).toList()), actor);
        Consolidation.Savings s = Consolidation.Savings.of(lines);
        List<ConsolidatedOrder.PlanLine> plan = new ArrayList<>();
        for (Consolidation.Line l : ordered) {
            l.plan().stream().filter(share -> share.need() > 0 || share.quantity() > 0).forEach(share -> plan.add(new ConsolidatedOrder.PlanLine(share.location(), l.sku(), share.need(), share.quantity())));
        }
        plan.sort(Comparator.comparing((ConsolidatedOrder.PlanLine p) -> p.location().value()).thenComparing(p -> p.sku().value()));
        Instant now = clock.instant();
        store.insert(new JdbcConsolidations.Stored(po.id(), supplierCode, centre,
                ordered.stream().map(l -> new ConsolidatedOrder.Line(l.sku(), l.need(), l.quantity(), l.explanation())).toList(), plan,
                new ConsolidatedOrder.Savings(s.separatePurchaseOrders(), s.purchaseOrders(), s.separateShipments(), s.shipments(),
                        s.separatePallets(), s.pallets(), s.separateUnits(), s.units()),
                now, actor.name()));
        return distributionPlan(po.id());
    }

    /** The consolidated order with its plan; 404 when the purchase order was not consolidated. */
    public ConsolidatedOrder distributionPlan(UUID purchaseOrder) {
        JdbcConsolidations.Stored c = store.find(purchaseOrder)
                .orElseThrow(() -> new NotFound("Distribution plan of purchase order", purchaseOrder.toString()));
        return new ConsolidatedOrder(procurement.get(purchaseOrder), c.supplier(), c.consolidationCentre(), c.lines(), c.plan(), c.savings(),
                c.createdAt(), c.createdBy(), store.distributions(purchaseOrder));
    }

    /**
     * How goods that arrived at the consolidation centre against {@code purchaseOrder} are to be
     * shared out (ADR 0018): per SKU of the plan, the whole cases of the {@code arrived} units split
     * by {@link Consolidation#rebalance} over the plan's locations, weighed by each location's need
     * now, decided by its replenishment policy as the consolidation decided it, except that this
     * order's plan no longer counts as on order there and the units in {@code incoming} (allotted to
     * a location from this order earlier and not yet shipped) do. Never more than arrived; loose
     * units short of a case and SKUs not on the plan stay at the centre. Empty when the order was
     * not consolidated. Allotments of nothing are left out.
     */
    @Transactional(readOnly = true)
    public Optional<List<ConsolidatedOrder.Allotment>> rebalance(UUID purchaseOrder, Map<Sku, Long> arrived,
                                                                 Map<LocationCode, Map<Sku, Long>> incoming) {
        Optional<JdbcConsolidations.Stored> found = store.find(purchaseOrder);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        JdbcConsolidations.Stored c = found.get();
        Optional<Supplier> supplier = suppliers.find(c.supplier(), false);
        Map<Sku, SupplierItem> sold = new LinkedHashMap<>();
        suppliers.items(c.supplier()).forEach(si -> sold.put(si.sku(), si));
        List<LocationCode> locations = c.plan().stream().map(ConsolidatedOrder.PlanLine::location).distinct().toList();
        Map<Sku, Map<LocationCode, ReplenishmentPolicy>> bySku = new LinkedHashMap<>();
        if (!locations.isEmpty()) {
            for (ReplenishmentPolicy p : policies.activePoliciesAt(locations)) {
                bySku.computeIfAbsent(p.sku(), k -> new LinkedHashMap<>()).put(p.location(), p);
            }
        }
        Map<Sku, Item> items = catalog.findAll(List.copyOf(arrived.keySet()));
        List<ConsolidatedOrder.Allotment> allotments = new ArrayList<>();
        List<Sku> skus = arrived.keySet().stream().sorted(Comparator.comparing(Sku::value)).toList();
        for (Sku sku : skus) {
            long units = arrived.get(sku);
            List<ConsolidatedOrder.PlanLine> planned = c.plan().stream().filter(p -> p.sku().equals(sku)).toList();
            Item item = items.get(sku);
            if (units <= 0 || planned.isEmpty() || item == null) {
                continue;
            }
            SupplierItem si = sold.get(sku);
            // the plan was made in the supplier's cases; should the terms be gone, whole units are the safe split
            long casePack = si == null ? 1 : si.casePack();
            int leadTime = si != null && si.leadTimeDays() != null ? si.leadTimeDays() : supplier.map(Supplier::leadTimeDays).orElse(0);
            Terms terms = new Terms(casePack, si == null ? 0 : si.minOrderQuantity(), leadTime, item.casesPerPallet());
            Map<LocationCode, ReplenishmentPolicy> atLocations = bySku.getOrDefault(sku, Map.of());
            List<Consolidation.Share> shares = planned.stream().map(p -> new Consolidation.Share(p.location(), p.need(), p.quantity())).toList();
            List<Need> needs = new ArrayList<>();
            for (ConsolidatedOrder.PlanLine p : planned) {
                ReplenishmentPolicy policy = atLocations.get(p.location());
                long need = 0;
                if (policy != null) {
                    long already = incoming.getOrDefault(p.location(), Map.of()).getOrDefault(sku, 0L);
                    need = Math.max(0, ReplenishmentDecision.decide(policy, replenishment.position(sku, p.location(), purchaseOrder, already),
                            replenishment.demand(policy).signal(), terms).need());
                }
                needs.add(new Need(p.location(), need, 0));
            }
            for (Consolidation.Share s : Consolidation.rebalance(units, casePack, shares, needs)) {
                if (s.quantity() > 0) {
                    allotments.add(new ConsolidatedOrder.Allotment(s.location(), sku, s.need(), s.quantity()));
                }
            }
        }
        return Optional.of(List.copyOf(allotments));
    }

    /** The allotments a receiving at the centre sent, so the plan shows the transfers it became. */
    @Transactional
    public void recordDistributions(UUID purchaseOrder, List<ConsolidatedOrder.Distribution> sent) {
        store.insertDistributions(purchaseOrder, sent);
    }

    /** What the plan of {@code purchaseOrder} became so far (nothing when it was not consolidated). */
    @Transactional(readOnly = true)
    public List<ConsolidatedOrder.Distribution> distributions(UUID purchaseOrder) {
        return store.distributions(purchaseOrder);
    }

    /**
     * Every item the supplier sells, consolidated over the locations: each location's need is its
     * policy's decision with this supplier's terms (no policy: no need), and what it would buy alone
     * is that decision's rounded quantity. Pallet rounding applies to the summed need when any of the
     * item's policies asks for it.
     */
    private List<Consolidation.Line> plan(Supplier supplier, List<LocationCode> locations) {
        Map<Sku, Map<LocationCode, ReplenishmentPolicy>> bySku = new LinkedHashMap<>();
        for (ReplenishmentPolicy p : policies.activePoliciesAt(locations)) {
            bySku.computeIfAbsent(p.sku(), k -> new LinkedHashMap<>()).put(p.location(), p);
        }
        List<SupplierItem> sold = suppliers.items(supplier.code()).stream().filter(i -> bySku.containsKey(i.sku())).toList();
        Map<Sku, Item> items = catalog.findAll(sold.stream().map(SupplierItem::sku).toList());
        List<Consolidation.Line> lines = new ArrayList<>();
        for (SupplierItem si : sold) {
            Item item = items.get(si.sku());
            if (item == null || item.isKit()) {
                continue;
            }
            int leadTime = si.leadTimeDays() != null ? si.leadTimeDays() : supplier.leadTimeDays();
            Terms terms = new Terms(si.casePack(), si.minOrderQuantity(), leadTime, item.casesPerPallet());
            Map<LocationCode, ReplenishmentPolicy> atLocations = bySku.get(si.sku());
            List<Need> needs = new ArrayList<>();
            boolean toPallets = false;
            for (LocationCode location : locations) {
                ReplenishmentPolicy p = atLocations.get(location);
                if (p == null) {
                    continue;
                }
                ReplenishmentDecision d = ReplenishmentDecision.decide(p, replenishment.position(si.sku(), location),
                        replenishment.demand(p).signal(), terms);
                needs.add(new Need(location, Math.max(0, d.need()), d.quantity()));
                toPallets |= p.roundToPallets();
            }
            lines.add(Consolidation.consolidate(si.sku(), needs, toPallets, terms));
        }
        return lines;
    }
}
