package io.tributary.receiving;

import io.tributary.access.Access;
import io.tributary.access.Actor;
import io.tributary.access.Role;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.inventory.AdjustmentReason;
import io.tributary.inventory.Commands;
import io.tributary.inventory.Commands.AdjustStock;
import io.tributary.inventory.Commands.ChangeStatus;
import io.tributary.inventory.Inventory;
import io.tributary.inventory.StockStatus;
import io.tributary.network.Network;
import io.tributary.procurement.AdvanceShipNotice;
import io.tributary.procurement.AdvanceShipNotices;
import io.tributary.procurement.Procurement;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.procurement.PurchaseOrderReceipt;
import io.tributary.procurement.PurchaseOrderStatus;
import io.tributary.receiving.domain.Discrepancies;
import io.tributary.receiving.persistence.JdbcClaims;
import io.tributary.receiving.persistence.JdbcReceipts;
import io.tributary.receiving.persistence.JdbcReceipts.Head;
import io.tributary.receiving.persistence.JdbcReceipts.InspectionRow;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Forbidden;
import io.tributary.shared.Ids;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receiving's facade. {@link #receive} takes a receipt against a purchase order in one transaction:
 * it validates everything first (400 naming each field, nothing written), lets procurement take the
 * received units (which locks the order, so receipts against one order are serialised), posts the
 * stock through the inventory facade with reason RECEIVED, stores the receipt with its discrepancies
 * and raises one RECEIVING_DISCREPANCY case per discrepancy. {@link #release} moves inspected units
 * to AVAILABLE or DAMAGED, or returns them to the supplier (ADR 0021). A WAREHOUSE person receives and releases only at the locations on their
 * user; roles are otherwise checked per URL (ADR 0017).
 */
@Service
public class Receiving {

    private static final Set<PurchaseOrderStatus> RECEIVABLE = EnumSet.of(PurchaseOrderStatus.SENT, PurchaseOrderStatus.ACKNOWLEDGED,
            PurchaseOrderStatus.PARTIALLY_RECEIVED);
    private static final int MAX_LINES = 1000;

    private final JdbcReceipts receipts;
    private final JdbcClaims claims;
    private final Procurement procurement;
    private final AdvanceShipNotices asns;
    private final Inventory inventory;
    private final Catalog catalog;
    private final Network network;
    private final Exceptions exceptions;
    private final Access access;
    private final CentreDistribution distribution;
    private final Clock clock;
    private final BigDecimal overTolerancePercent;

    Receiving(JdbcReceipts receipts, JdbcClaims claims, Procurement procurement, AdvanceShipNotices asns, Inventory inventory, Catalog catalog, Network network, Exceptions exceptions,
              Access access, CentreDistribution distribution, Clock clock,
              @Value("${tributary.receiving.over-tolerance-percent:0}") BigDecimal overTolerancePercent) {
        this.receipts = receipts;
        this.claims = claims;
        this.procurement = procurement;
        this.asns = asns;
        this.inventory = inventory;
        this.catalog = catalog;
        this.network = network;
        this.exceptions = exceptions;
        this.access = access;
        this.distribution = distribution;
        this.clock = clock;
        if (overTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("tributary.receiving.over-tolerance-percent must not be negative");
        }
        this.overTolerancePercent = overTolerancePercent;
    }

    /**
     * Receives goods. Refused with 400 naming the field: an unknown location or purchase order, an
     * order that is not SENT, ACKNOWLEDGED or PARTIALLY_RECEIVED or is for another location, no lines,
     * a quantity below zero, damaged units below zero or above the quantity, a kit, or a lot-tracked
     * item without lot and expiry. 403 when a WAREHOUSE person does not work at the location.
     * Good units go to AVAILABLE, or to INSPECTION (with an inspection to release them) when the item
     * requires inspection or is not on the order; damaged units go to DAMAGED; nothing is posted for
     * an unknown SKU. Units beyond the order are accepted into stock and reported as OVER.
     * Against an advance ship notice ({@code asn}, which must not be RECEIVED yet) the order is the
     * notice's, and expected quantities, OVER, SHORT and WRONG_ITEM are judged against the notice's
     * lines; the units still reach the order (ADR 0019).
     * When the order is a consolidated one, the units it took into available stock at the centre
     * become DRAFT transfer orders to the locations of its distribution plan, re-balanced on their
     * needs of the moment (ADR 0018).
     */
    @Transactional
    public Receipt receive(ReceiveGoods c, Actor actor) {
        requireLocation(actor, c.location().value());
        List<FieldError> errors = new ArrayList<>();
        if (network.find(c.location()).isEmpty()) {
            errors.add(new FieldError("location", "is not a known location: " + c.location().value()));
        }
        Optional<AdvanceShipNotice> asn = Optional.empty();
        UUID purchaseOrder = c.purchaseOrder();
        if (c.asn() != null) {
            try {
                asn = Optional.of(asns.get(c.asn()));
                purchaseOrder = asn.get().purchaseOrder();
                if ("RECEIVED".equals(asn.get().status())) {
                    errors.add(new FieldError("asn", "is RECEIVED; nothing more arrives against it"));
                }
            } catch (NotFound e) {
                errors.add(new FieldError("asn", "is not a known advance ship notice: " + c.asn()));
            }
        }
        Optional<PurchaseOrder> order = Optional.empty();
        if (purchaseOrder != null) {
            try {
                order = Optional.of(procurement.get(purchaseOrder));
            } catch (NotFound e) {
                errors.add(new FieldError("purchaseOrder", "is not a known purchase order: " + purchaseOrder));
            }
        }
        order.ifPresent(po -> {
            if (!RECEIVABLE.contains(po.status())) {
                errors.add(new FieldError("purchaseOrder", "is " + po.status() + "; only SENT, ACKNOWLEDGED or PARTIALLY_RECEIVED orders are received"));
            }
            if (!po.location().equals(c.location())) {
                errors.add(new FieldError("location", "must be the purchase order's location " + po.location().value()));
            }
        });
        if (c.lines() == null || c.lines().isEmpty()) {
            errors.add(new FieldError("lines", "must list at least one line"));
        } else if (c.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "may list at most " + MAX_LINES + " lines"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Map<Sku, Item> items = catalog.findAll(c.lines().stream().map(ReceiveGoods.Line::sku).distinct().toList());
        for (int i = 0; i < c.lines().size(); i++) {
            ReceiveGoods.Line l = c.lines().get(i);
            String at = "lines[" + i + "].";
            if (l.quantity() < 0 || l.quantity() > Commands.MAX_QUANTITY) {
                errors.add(new FieldError(at + "quantity", "must be between 0 and " + Commands.MAX_QUANTITY));
            }
            if (l.damaged() < 0 || l.damaged() > Math.max(0, l.quantity())) {
                errors.add(new FieldError(at + "damaged", "must be between 0 and the line's quantity"));
            }
            Item item = items.get(l.sku());
            if (item != null && item.isKit()) {
                errors.add(new FieldError(at + "sku", "'" + l.sku() + "' is a kit; receive its components"));
            }
            if (item != null && item.lotTracked()) {
                if (l.lot() == null || l.lot().isBlank()) {
                    errors.add(new FieldError(at + "lot", "is required: the item is lot-tracked"));
                }
                if (l.expiry() == null) {
                    errors.add(new FieldError(at + "expiry", "is required: the item is lot-tracked"));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }

        UUID id = Ids.newId();
        Instant now = clock.instant();
        Set<Sku> onOrder = new java.util.HashSet<>(order.get().lines().stream().map(PurchaseOrder.Line::sku).toList());
        Map<Sku, Long> toOrder = new LinkedHashMap<>();
        for (ReceiveGoods.Line l : c.lines()) {
            if (onOrder.contains(l.sku())) {
                toOrder.merge(l.sku(), l.quantity(), Long::sum);
            }
        }
        PurchaseOrderReceipt taken = asn.isPresent()
                ? asns.recordReceipt(asn.get().id(), toOrder, c.complete(), "receipt " + id, actor)
                : procurement.recordReceipt(purchaseOrder, toOrder, "receipt " + id, actor);
        if (asn.isPresent()) {
            onOrder.retainAll(taken.lines().stream().map(PurchaseOrderReceipt.Line::sku).toList());
        }

        // Post in item-id order, the order inventory locks balance rows in, so receipts never deadlock each other.
        List<Receipt.Line> lines = new ArrayList<>();
        List<InspectionRow> inspections = new ArrayList<>();
        List<AdjustStock> postings = new ArrayList<>();
        Map<Sku, Long> available = new LinkedHashMap<>();
        List<UUID> postingItems = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            ReceiveGoods.Line l = c.lines().get(i);
            Item item = items.get(l.sku());
            String disposition;
            if (item == null) {
                disposition = "NOT_POSTED";
            } else {
                boolean inspect = item.inspectionRequired() || !onOrder.contains(l.sku());
                disposition = inspect ? "INSPECTION" : "AVAILABLE";
                long good = l.quantity() - l.damaged();
                String note = l.lot() == null ? null : "lot " + l.lot() + (l.expiry() == null ? "" : ", expires " + l.expiry());
                if (good > 0 && !inspect) {
                    available.merge(l.sku(), good, Long::sum);
                }
                if (good > 0) {
                    postings.add(new AdjustStock(l.sku(), c.location(), good, inspect ? StockStatus.INSPECTION : StockStatus.AVAILABLE,
                            AdjustmentReason.RECEIVED, note, id.toString()));
                    postingItems.add(item.id());
                    if (inspect) {
                        inspections.add(new InspectionRow(Ids.newId(), id, null, l.sku(), c.location(), good, 0, 0, 0, now, 0));
                    }
                }
                if (l.damaged() > 0) {
                    postings.add(new AdjustStock(l.sku(), c.location(), l.damaged(), StockStatus.DAMAGED, AdjustmentReason.RECEIVED, note,
                            id.toString()));
                    postingItems.add(item.id());
                }
            }
            lines.add(new Receipt.Line(i + 1, l.sku(), l.quantity(), l.damaged(), l.lot(), l.expiry(), disposition));
        }
        List<Integer> postingOrder = new ArrayList<>();
        for (int i = 0; i < postings.size(); i++) {
            postingOrder.add(i);
        }
        postingOrder.sort(Comparator.comparing(postingItems::get));
        postingOrder.forEach(i -> inventory.adjust(postings.get(i), actor));

        List<Discrepancies.Found> found = Discrepancies.find(
                c.lines().stream().map(l -> new Discrepancies.Counted(l.sku(), l.quantity(), l.damaged(), items.containsKey(l.sku()))).toList(),
                taken.lines(), overTolerancePercent, c.complete());
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("receipt", id.toString());
        context.put("purchaseOrder", taken.number());
        context.put("location", c.location().value());
        List<Receipt.Discrepancy> discrepancies = raiseDiscrepancies(exceptions, found, "receipt_discrepancy", context,
                "receiving " + taken.number() + " at " + c.location().value(), actor);
        List<Receipt.Open> open = taken.lines().stream().filter(l -> l.remaining() > 0)
                .map(l -> new Receipt.Open(l.lineNo(), l.sku(), l.expected(), l.received(), l.remaining())).toList();
        receipts.insert(new Head(id, purchaseOrder, asn.map(AdvanceShipNotice::id).orElse(null), taken.number(), c.location(), c.complete(), taken.status(), blankToNull(c.note()),
                now, actor.name()), lines, open, discrepancies);
        inspections.forEach(receipts::insertInspection);
        // at a consolidation centre the goods flow on to the locations of the order's distribution plan
        distribution.distribute(order.get(), id, available, now, actor);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Receipt get(UUID id) {
        Head h = receipts.head(id).orElseThrow(() -> new NotFound("Receipt", id.toString()));
        return new Receipt(h.id(), h.purchaseOrder(), h.asn(), h.purchaseOrderNumber(), h.location(), h.complete(), h.purchaseOrderStatus(), h.note(),
                h.receivedAt(), h.receivedBy(), receipts.lines(id), receipts.open(id), receipts.discrepancies(id),
                receipts.inspectionsOf(id).stream().map(this::inspection).toList());
    }

    /** Receipts newest first, optionally of one purchase order. */
    @Transactional(readOnly = true)
    public Page<Receipt> list(UUID purchaseOrder, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        return Page.of(receipts.page(purchaseOrder, before, n + 1).stream().map(this::get).toList(), n, r -> r.id().toString());
    }

    @Transactional(readOnly = true)
    public Inspection inspection(UUID id) {
        InspectionRow row = receipts.inspection(id, false).orElseThrow(() -> new NotFound("Inspection", id.toString()));
        return view(row, receipts.releases(id));
    }

    /**
     * Releases inspected units: {@code passed} to AVAILABLE, {@code failed} to DAMAGED, {@code returned}
     * back to the supplier (they leave stock with reason RETURNED_TO_VENDOR and are kept as a vendor
     * return against the purchase order line they arrived on; only for units of a purchase order
     * receipt). Part of the units may be released now and the rest later; releasing more than is
     * still pending, or nothing at all, is refused with 400. The inspection's row is locked for the
     * release.
     */
    @Transactional
    public Inspection release(UUID id, long passed, long failed, long returned, Actor actor) {
        InspectionRow row = receipts.inspection(id, true).orElseThrow(() -> new NotFound("Inspection", id.toString()));
        requireLocation(actor, row.location().value());
        List<FieldError> errors = new ArrayList<>();
        if (passed < 0) {
            errors.add(new FieldError("passed", "must not be negative"));
        }
        if (failed < 0) {
            errors.add(new FieldError("failed", "must not be negative"));
        }
        if (returned < 0) {
            errors.add(new FieldError("returned", "must not be negative"));
        } else if (returned > 0 && row.receipt() == null) {
            errors.add(new FieldError("returned", "only units received against a purchase order go back to a supplier"));
        }
        long pending = row.quantity() - row.passed() - row.failed() - row.returned();
        if (errors.isEmpty() && passed + failed + returned == 0) {
            errors.add(new FieldError("passed", "passed, failed and returned must release at least one unit"));
        } else if (errors.isEmpty() && passed + failed + returned > pending) {
            errors.add(new FieldError("passed", "passed, failed and returned together may not exceed the " + pending + " unit(s) still pending"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        String reason = "INSPECTION_RELEASED";
        String note = "inspection " + id;
        Instant now = clock.instant();
        if (passed > 0) {
            inventory.changeStatus(new ChangeStatus(row.sku(), row.location(), passed, StockStatus.INSPECTION, StockStatus.AVAILABLE, reason, note),
                    actor);
        }
        if (failed > 0) {
            inventory.changeStatus(new ChangeStatus(row.sku(), row.location(), failed, StockStatus.INSPECTION, StockStatus.DAMAGED, reason, note),
                    actor);
        }
        if (returned > 0) {
            Head receipt = receipts.head(row.receipt()).orElseThrow(() -> new NotFound("Receipt", row.receipt().toString()));
            PurchaseOrder po = procurement.get(receipt.purchaseOrder());
            Integer lineNo = po.lines().stream().filter(l -> l.sku().equals(row.sku())).map(PurchaseOrder.Line::lineNo).findFirst().orElse(null);
            UUID vendorReturn = Ids.newId();
            inventory.adjust(new AdjustStock(row.sku(), row.location(), -returned, StockStatus.INSPECTION, AdjustmentReason.RETURNED_TO_VENDOR,
                    note + ", purchase order " + po.number(), vendorReturn.toString()), actor);
            claims.insertReturn(new JdbcClaims.VendorReturn(vendorReturn, id, row.receipt(), po.id(), lineNo, row.sku(), row.location(), returned,
                    now, actor.name()));
        }
        if (!receipts.release(id, passed, failed, returned, row.version(), now, actor.name())) {
            throw new IllegalStateException("inspection " + id + " changed under its row lock");
        }
        return inspection(id);
    }

    private static Inspection view(InspectionRow r, List<Inspection.Release> releases) {
        long pending = r.quantity() - r.passed() - r.failed() - r.returned();
        return new Inspection(r.id(), r.receipt(), r.transferReceipt(), r.sku(), r.location(), r.quantity(), r.passed(), r.failed(), r.returned(),
                pending,
                pending > 0 ? "OPEN" : "RELEASED", r.createdAt(), releases, r.version());
    }

    /**
     * A WAREHOUSE person (who is not also an administrator or inventory manager) works only at the
     * locations on their user; everyone else allowed by the URL rules works anywhere.
     */
    void requireLocation(Actor actor, String location) {
        if (!actor.has(Role.WAREHOUSE) || actor.has(Role.ADMIN) || actor.has(Role.INVENTORY_MANAGER) || !actor.name().startsWith("user:")) {
            return;
        }
        Set<String> allowed = access.user(actor.name().substring("user:".length())).map(u -> Set.copyOf(u.locations())).orElse(Set.of());
        if (!allowed.contains(location)) {
            throw new Forbidden("You work at " + (allowed.isEmpty() ? "no location" : String.join(", ", allowed))
                    + " and may not receive at location '" + location + "'.");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /**
     * Raises one RECEIVING_DISCREPANCY case per discrepancy found (entity {@code entityType}, a new
     * id each), with {@code context} and the discrepancy in its details; returns them as recorded.
     */
    static List<Receipt.Discrepancy> raiseDiscrepancies(Exceptions exceptions, List<Discrepancies.Found> found, String entityType,
                                                        Map<String, Object> context, String where, Actor actor) {
        List<Receipt.Discrepancy> discrepancies = new ArrayList<>();
        for (Discrepancies.Found f : found) {
            UUID discrepancy = Ids.newId();
            Map<String, Object> details = new LinkedHashMap<>(context);
            details.put("kind", f.kind().name());
            details.put("sku", f.sku().value());
            if (f.expected() != null) {
                details.put("expected", f.expected());
            }
            details.put("quantity", f.quantity());
            UUID raised = exceptions.raise(new RaiseException(ExceptionType.RECEIVING_DISCREPANCY, entityType, discrepancy.toString(),
                    f.kind() + " " + f.quantity() + " x " + f.sku().value() + " " + where, details), actor).id();
            discrepancies.add(new Receipt.Discrepancy(discrepancy, f.kind(), f.sku(), f.expected(), f.quantity(), raised));
        }
        return discrepancies;
    }
}
