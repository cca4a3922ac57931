package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.exceptions.RaiseException;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.Network;
import io.tributary.procurement.PurchaseOrderEvents.PurchaseOrderChanged;
import io.tributary.procurement.domain.Acknowledgement;
import io.tributary.procurement.domain.ApprovalRule;
import io.tributary.procurement.domain.OrderAmounts;
import io.tributary.procurement.persistence.JdbcPurchaseOrders;
import io.tributary.procurement.persistence.JdbcPurchaseOrders.Head;
import io.tributary.procurement.persistence.JdbcSuppliers;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.PreconditionFailed;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Procurement: suppliers and their item terms ({@link #putSupplier}, {@link #putItem}), and purchase
 * orders from {@link #create} (DRAFT) through {@link #submit}, {@link #approve} or {@link #reject},
 * {@link #send} and {@link #acknowledge} to {@link #close}, or {@link #cancel}. Each transition
 * locks the order's row, checks the state machine ({@link PurchaseOrderStatus#next()}), appends to
 * the history and publishes a {@link PurchaseOrderChanged} in the same transaction. Approval routing
 * and segregation of duties follow {@link ApprovalRule} (ADR 0014). Receipts add received units
 * through {@link #recordReceipt}, which moves the order to PARTIALLY_RECEIVED or RECEIVED (ADR 0017). Roles are checked per URL; this
 * facade checks what depends on the order itself (who created or changed it).
 */
@Service
public class Procurement {

    private static final String WHAT = "purchase order";

    private final JdbcSuppliers suppliers;
    private final JdbcPurchaseOrders orders;
    private final Catalog catalog;
    private final Network network;
    private final Exceptions exceptions;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ApprovalRule approvalRule;

    Procurement(JdbcSuppliers suppliers, JdbcPurchaseOrders orders, Catalog catalog, Network network, Exceptions exceptions,
                ApplicationEventPublisher events, Clock clock,
                @Value("${tributary.procurement.approval.single-threshold:10000}") BigDecimal singleThreshold,
                @Value("${tributary.procurement.approval.dual-threshold:50000}") BigDecimal dualThreshold) {
        this.suppliers = suppliers;
        this.orders = orders;
        this.catalog = catalog;
        this.network = network;
        this.exceptions = exceptions;
        this.events = events;
        this.clock = clock;
        this.approvalRule = new ApprovalRule(singleThreshold, dualThreshold);
    }

    // ---------------------------------------------------------------- suppliers

    /** The outcome of a put: what is stored and whether this put created it. */
    public record Saved<T>(T value, boolean created) {
    }

    /**
     * Creates or replaces a supplier. With {@code ifMatch}, fails with 412 unless the stored version
     * passes it (a supplier that does not exist yet passes no version). A put that changes nothing
     * keeps the version.
     */
    @Transactional
    public Saved<Supplier> putSupplier(PutSupplier c, Optional<LongPredicate> ifMatch, Actor actor) {
        Instant now = clock.instant();
        Optional<Supplier> existing = suppliers.find(c.code(), true);
        if (ifMatch.isPresent() && (existing.isEmpty() || !ifMatch.get().test(existing.get().version()))) {
            throw new PreconditionFailed("Supplier '" + c.code().value() + "' is not at the version named in If-Match.");
        }
        if (existing.isEmpty()) {
            Supplier fresh = new Supplier(c.code(), c.name(), c.currency(), c.leadTimeDays(), c.minOrderValue(), c.minOrderQuantity(),
                    c.paymentTerms(), c.incoterms(), c.ediId(), 1, now, actor.name(), now, actor.name());
            if (suppliers.insert(fresh)) {
                return new Saved<>(suppliers.find(c.code(), false).orElseThrow(), true);
            }
            // A concurrent put created it first: this put becomes an update of that row.
            existing = suppliers.find(c.code(), true);
        }
        Supplier old = existing.orElseThrow();
        if (sameTerms(old, c)) {
            return new Saved<>(old, false);
        }
        Supplier changed = new Supplier(c.code(), c.name(), c.currency(), c.leadTimeDays(), c.minOrderValue(), c.minOrderQuantity(),
                c.paymentTerms(), c.incoterms(), c.ediId(), old.version() + 1, old.createdAt(), old.createdBy(), now, actor.name());
        if (!suppliers.update(changed, old.version())) {
            throw new IllegalStateException("supplier " + c.code() + " changed under its row lock");
        }
        return new Saved<>(suppliers.find(c.code(), false).orElseThrow(), false);
    }

    private static boolean sameTerms(Supplier s, PutSupplier c) {
        return s.name().equals(c.name()) && s.currency().equals(c.currency()) && s.leadTimeDays() == c.leadTimeDays()
                && s.minOrderValue().compareTo(c.minOrderValue()) == 0 && java.util.Objects.equals(s.minOrderQuantity(), c.minOrderQuantity())
                && s.paymentTerms().equals(c.paymentTerms()) && s.incoterms().equals(c.incoterms())
                && java.util.Objects.equals(s.ediId(), c.ediId());
    }

    public Optional<Supplier> supplier(SupplierCode code) {
        return suppliers.find(code, false);
    }

    /** Suppliers in code order. */
    public Page<Supplier> suppliers(String cursor, Integer limit) {
        int n = Page.limit(limit);
        String after = Page.decodeCursor(cursor);
        return Page.of(suppliers.page(after, n + 1), n, s -> s.code().value());
    }

    /**
     * Creates or replaces one supplier's terms for one item. The supplier must exist (404) and the
     * SKU must be a catalog item (400 on {@code sku}). Marking it primary takes the flag from any
     * other supplier of the SKU, in the same transaction.
     */
    @Transactional
    public Saved<SupplierItem> putItem(PutSupplierItem c, Actor actor) {
        suppliers.find(c.supplier(), true).orElseThrow(() -> new NotFound("Supplier", c.supplier().value()));
        if (catalog.find(c.sku()).isEmpty()) {
            throw new ValidationFailed("sku", "is not an item of the catalog: " + c.sku().value());
        }
        if (c.primary()) {
            suppliers.lockPrimaryOf(c.sku());
            suppliers.clearPrimary(c.sku(), c.supplier());
        }
        boolean created = suppliers.upsertItem(new SupplierItem(c.supplier(), c.sku(), c.supplierSku(), c.unitCost(), c.casePack(),
                c.minOrderQuantity(), c.leadTimeDays(), c.primary(), clock.instant(), actor.name()));
        return new Saved<>(suppliers.item(c.supplier(), c.sku()).orElseThrow(), created);
    }

    /** A supplier's item terms in SKU order; 404 for an unknown supplier. */
    public List<SupplierItem> items(SupplierCode supplier) {
        suppliers.find(supplier, false).orElseThrow(() -> new NotFound("Supplier", supplier.value()));
        return suppliers.items(supplier);
    }

    // ---------------------------------------------------------------- purchase orders

    /**
     * Creates a DRAFT purchase order. Refuses with 400 naming the field: an unknown supplier, a
     * location that does not exist, is inactive or cannot RECEIVE, a currency other than the
     * supplier's, no lines, an unknown SKU, a quantity below 1, or a line without unit cost when
     * the supplier has no terms for its item. Each line is expected after the item's lead time at
     * this supplier (or the supplier's default).
     */
    @Transactional
    public PurchaseOrder create(CreatePurchaseOrder c, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Supplier> supplier = suppliers.find(c.supplier(), false);
        if (supplier.isEmpty()) {
            errors.add(new FieldError("supplier", "is not a known supplier: " + c.supplier().value()));
        }
        Optional<Location> location = network.find(c.location());
        if (location.isEmpty()) {
            errors.add(new FieldError("location", "is not a known location: " + c.location().value()));
        } else if (!location.get().active() || !location.get().can(Capability.RECEIVE)) {
            errors.add(new FieldError("location", "must be an active location that can RECEIVE"));
        }
        if (supplier.isPresent() && c.currency() != null && !c.currency().equals(supplier.get().currency())) {
            errors.add(new FieldError("currency", "must be the supplier's currency " + supplier.get().currency().getCurrencyCode()));
        }
        if (c.lines() == null || c.lines().isEmpty()) {
            errors.add(new FieldError("lines", "must list at least one line"));
        }
        if (supplier.isEmpty() || c.lines() == null || c.lines().isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Supplier s = supplier.get();
        Map<Sku, Item> items = catalog.findAll(c.lines().stream().map(CreatePurchaseOrder.Line::sku).toList());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<PurchaseOrder.Line> lines = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            CreatePurchaseOrder.Line l = c.lines().get(i);
            String at = "lines[" + i + "].";
            if (!items.containsKey(l.sku())) {
                errors.add(new FieldError(at + "sku", "is not an item of the catalog: " + l.sku().value()));
                continue;
            }
            if (l.quantity() < 1) {
                errors.add(new FieldError(at + "quantity", "must be at least 1"));
            }
            Optional<SupplierItem> terms = suppliers.item(s.code(), l.sku());
            BigDecimal unitCost = l.unitCost() != null ? l.unitCost() : terms.map(SupplierItem::unitCost).orElse(null);
            if (unitCost == null) {
                errors.add(new FieldError(at + "unitCost", "is required: the supplier has no terms for this item"));
                continue;
            }
            int leadTime = terms.map(SupplierItem::leadTimeDays).orElse(null) != null ? terms.get().leadTimeDays() : s.leadTimeDays();
            lines.add(new PurchaseOrder.Line(i + 1, l.sku(), l.quantity(), unitCost, OrderAmounts.lineAmount(l.quantity(), unitCost),
                    today.plusDays(leadTime), null, null));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Instant now = clock.instant();
        BigDecimal total = OrderAmounts.total(lines.stream().map(PurchaseOrder.Line::amount).toList(), s.currency());
        Head head = new Head(Ids.newId(), orders.nextNumber(), s.code(), c.location(), s.currency(), PurchaseOrderStatus.DRAFT, total,
                0, 0, now, actor.name(), now, actor.name(), now, 0);
        orders.insert(head, lines);
        orders.appendHistory(head.id(), new PurchaseOrder.Transition(now, actor.name(), "created", null, PurchaseOrderStatus.DRAFT, null));
        return view(head.id());
    }

    public PurchaseOrder get(UUID id) {
        return view(id);
    }

    /** Newest first, optionally of one status and one supplier; list entries carry no history. */
    public Page<PurchaseOrder> list(PurchaseOrderStatus status, SupplierCode supplier, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        List<PurchaseOrder> rows = orders.page(status, supplier, before, n + 1).stream().map(id -> {
            Head h = orders.head(id, false).orElseThrow();
            return view(h, orders.lines(id), orders.approvals(id, h.approvalRound()), List.of());
        }).toList();
        return Page.of(rows, n, o -> o.id().toString());
    }

    /**
     * DRAFT → PENDING_APPROVAL, after checking the supplier's minimum order value and quantity (409
     * {@code supplier-minimum-not-met}). Starts a new approval round needing the approvals the total
     * requires now; a total within the buyer's authority is approved at once, by the rule.
     */
    @Transactional
    public PurchaseOrder submit(UUID id, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.PENDING_APPROVAL, "submit");
        Supplier s = suppliers.find(h.supplier(), false).orElseThrow();
        if (h.total().compareTo(s.minOrderValue()) < 0) {
            throw new SupplierMinimumNotMet("MIN_ORDER_VALUE", "The total " + h.total().toPlainString() + " " + h.currency()
                    + " is below supplier " + s.code() + "'s minimum order value of " + s.minOrderValue().toPlainString() + ".",
                    s.minOrderValue().toPlainString(), h.total().toPlainString());
        }
        long units = orders.lines(id).stream().mapToLong(PurchaseOrder.Line::quantity).sum();
        if (s.minOrderQuantity() != null && units < s.minOrderQuantity()) {
            throw new SupplierMinimumNotMet("MIN_ORDER_QUANTITY", "The order has " + units + " units, below supplier " + s.code()
                    + "'s minimum order quantity of " + s.minOrderQuantity() + ".", s.minOrderQuantity(), units);
        }
        int required = approvalRule.requiredApprovals(h.total());
        Head pending = move(h, PurchaseOrderStatus.PENDING_APPROVAL, h.approvalRound() + 1, required, "submitted", actor.name(),
                required == 0 ? "no approval needed" : "needs " + required + " approval" + (required == 1 ? "" : "s"));
        if (required == 0) {
            move(pending, PurchaseOrderStatus.APPROVED, pending.approvalRound(), 0, "approved", Actor.SYSTEM.name(),
                    "total within the single-approval threshold");
        }
        return view(id);
    }

    /**
     * Records one approval of a PENDING_APPROVAL order and approves it once the round has the
     * approvals it needs. The creator or last changer of the order is refused (403
     * {@code segregation-of-duties}); a second approval by the same person is refused (409
     * {@code already-approved}) and does not count.
     */
    @Transactional
    public PurchaseOrder approve(UUID id, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.APPROVED, "approve");
        List<String> given = orders.approvals(id, h.approvalRound()).stream().map(PurchaseOrder.Approval::approver).toList();
        Optional<ApprovalRule.Refusal> refusal = ApprovalRule.refusal(actor.name(), h.createdBy(), h.changedBy(), given);
        if (refusal.isPresent()) {
            throw switch (refusal.get()) {
                case CREATED_IT -> new SegregationOfDuties("You created purchase order " + h.number() + " and may not approve it.",
                        "CREATOR_MAY_NOT_APPROVE");
                case LAST_CHANGED_IT -> new SegregationOfDuties("You last changed purchase order " + h.number()
                        + " and may not approve it.", "CHANGER_MAY_NOT_APPROVE");
                case ALREADY_APPROVED -> alreadyApproved(h);
            };
        }
        Instant now = clock.instant();
        if (!orders.addApproval(id, h.approvalRound(), actor.name(), now)) {
            throw alreadyApproved(h);
        }
        int count = given.size() + 1;
        if (count >= h.requiredApprovals()) {
            move(h, PurchaseOrderStatus.APPROVED, h.approvalRound(), h.requiredApprovals(), "approved", actor.name(),
                    "approval " + count + " of " + h.requiredApprovals());
        } else {
            orders.appendHistory(id, new PurchaseOrder.Transition(now, actor.name(), "approval", h.status(), h.status(),
                    "approval " + count + " of " + h.requiredApprovals()));
        }
        return view(id);
    }

    private static DomainException alreadyApproved(Head h) {
        return new DomainException("already-approved", 409, "You have already approved purchase order " + h.number()
                + "; another approver is needed.");
    }

    /** PENDING_APPROVAL → DRAFT with a reason (400 without one); the approvals of the round no longer count. */
    @Transactional
    public PurchaseOrder reject(UUID id, String reason, Actor actor) {
        if (reason == null || reason.isBlank()) {
            throw new ValidationFailed("reason", "is required");
        }
        Head h = lockFor(id, PurchaseOrderStatus.DRAFT, "reject");
        move(h, PurchaseOrderStatus.DRAFT, h.approvalRound(), h.requiredApprovals(), "rejected", actor.name(), reason.strip());
        return view(id);
    }

    /** APPROVED → SENT (the supplier has the order). */
    @Transactional
    public PurchaseOrder send(UUID id, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.SENT, "send");
        move(h, PurchaseOrderStatus.SENT, h.approvalRound(), h.requiredApprovals(), "sent", actor.name(), null);
        return view(id);
    }

    /**
     * SENT → ACKNOWLEDGED with the supplier's confirmed quantities and dates (lines not listed are
     * confirmed as ordered). When any line differs from the order, raises a
     * {@code SUPPLIER_ACKNOWLEDGEMENT_CHANGED} case for the buyer in the same transaction.
     */
    @Transactional
    public PurchaseOrder acknowledge(UUID id, List<AcknowledgeLine> answers, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.ACKNOWLEDGED, "acknowledge");
        List<PurchaseOrder.Line> lines = orders.lines(id);
        Map<Integer, PurchaseOrder.Line> byNo = new HashMap<>();
        lines.forEach(l -> byNo.put(l.lineNo(), l));
        Map<Integer, Acknowledgement.Confirmed> confirmed = new HashMap<>();
        List<FieldError> errors = new ArrayList<>();
        List<AcknowledgeLine> given = answers == null ? List.of() : answers;
        for (int i = 0; i < given.size(); i++) {
            AcknowledgeLine a = given.get(i);
            if (!byNo.containsKey(a.lineNo())) {
                errors.add(new FieldError("lines[" + i + "].lineNo", "is not a line of this purchase order"));
            } else if (confirmed.containsKey(a.lineNo())) {
                errors.add(new FieldError("lines[" + i + "].lineNo", "is listed twice"));
            } else if (a.quantity() != null && a.quantity() < 0) {
                errors.add(new FieldError("lines[" + i + "].quantity", "must not be negative"));
            } else {
                confirmed.put(a.lineNo(), new Acknowledgement.Confirmed(a.quantity(), a.promisedDate()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<Acknowledgement.Ordered> ordered = lines.stream()
                .map(l -> new Acknowledgement.Ordered(l.lineNo(), l.quantity(), l.expectedDate())).toList();
        for (Acknowledgement.Ordered o : ordered) {
            Acknowledgement.Confirmed c = Acknowledgement.resolve(o, confirmed.get(o.lineNo()));
            orders.confirmLine(id, o.lineNo(), c.quantity(), c.promisedDate());
        }
        List<Acknowledgement.Change> changes = Acknowledgement.changes(ordered, confirmed);
        move(h, PurchaseOrderStatus.ACKNOWLEDGED, h.approvalRound(), h.requiredApprovals(), "acknowledged", actor.name(),
                changes.isEmpty() ? "as ordered" : changes.size() + " line(s) changed by the supplier");
        if (!changes.isEmpty()) {
            List<Map<String, Object>> detail = changes.stream().map(ch -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("lineNo", ch.lineNo());
                m.put("sku", byNo.get(ch.lineNo()).sku().value());
                m.put("orderedQuantity", ch.orderedQuantity());
                m.put("confirmedQuantity", ch.confirmedQuantity());
                m.put("expectedDate", ch.expectedDate().toString());
                m.put("promisedDate", ch.promisedDate().toString());
                return m;
            }).toList();
            exceptions.raise(new RaiseException(ExceptionType.SUPPLIER_ACKNOWLEDGEMENT_CHANGED, "purchase_order", id.toString(),
                    "Supplier " + h.supplier() + " acknowledged " + h.number() + " with " + changes.size() + " changed line(s)",
                    Map.of("number", h.number(), "supplier", h.supplier().value(), "changes", detail)), actor);
        }
        return view(id);
    }

    /** Cancels an order that has received nothing yet (DRAFT up to ACKNOWLEDGED); {@code reason} is optional. */
    @Transactional
    public PurchaseOrder cancel(UUID id, String reason, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.CANCELLED, "cancel");
        move(h, PurchaseOrderStatus.CANCELLED, h.approvalRound(), h.requiredApprovals(), "cancelled", actor.name(),
                reason == null || reason.isBlank() ? null : reason.strip());
        return view(id);
    }

    /** Closes a received or partly received order. */
    @Transactional
    public PurchaseOrder close(UUID id, String note, Actor actor) {
        Head h = lockFor(id, PurchaseOrderStatus.CLOSED, "close");
        move(h, PurchaseOrderStatus.CLOSED, h.approvalRound(), h.requiredApprovals(), "closed", actor.name(),
                note == null || note.isBlank() ? null : note.strip());
        return view(id);
    }

    private static final java.util.Set<PurchaseOrderStatus> RECEIVABLE = java.util.EnumSet.of(PurchaseOrderStatus.SENT,
            PurchaseOrderStatus.ACKNOWLEDGED, PurchaseOrderStatus.PARTIALLY_RECEIVED);

    /**
     * Adds received units to a SENT, ACKNOWLEDGED or PARTIALLY_RECEIVED order (409
     * {@code invalid-transition} otherwise) and moves it to RECEIVED when every line has its
     * expected quantity (the confirmed one once acknowledged), else to PARTIALLY_RECEIVED; the move is
     * kept in the history and published as {@code purchase_order.received}. Units of a SKU fill its
     * lines in line order; what exceeds them all stays on the last one. Every SKU must be on the
     * order (400 on {@code lines}). Called by receiving inside its own transaction, which holds the
     * order's row lock from here on, so concurrent receipts against one order are serialised.
     */
    @Transactional
    public PurchaseOrderReceipt recordReceipt(UUID id, Map<Sku, Long> received, String reference, Actor actor) {
        Head h = orders.head(id, true).orElseThrow(() -> new NotFound("Purchase order", id.toString()));
        if (!RECEIVABLE.contains(h.status())) {
            throw new InvalidTransition(WHAT + " " + h.number(), h.status(), "receive");
        }
        List<PurchaseOrder.Line> lines = orders.lines(id);
        Map<Integer, Long> before = orders.received(id);
        Map<Integer, Long> now = new HashMap<>();
        long units = 0;
        for (Map.Entry<Sku, Long> e : received.entrySet()) {
            List<PurchaseOrder.Line> ofSku = lines.stream().filter(l -> l.sku().equals(e.getKey())).toList();
            if (ofSku.isEmpty()) {
                throw new ValidationFailed("lines", "SKU '" + e.getKey() + "' is not on purchase order " + h.number());
            }
            long left = e.getValue();
            units += left;
            for (int i = 0; i < ofSku.size() && left > 0; i++) {
                PurchaseOrder.Line l = ofSku.get(i);
                long open = Math.max(0, expected(l) - before.getOrDefault(l.lineNo(), 0L));
                long take = i == ofSku.size() - 1 ? left : Math.min(open, left);
                if (take > 0) {
                    now.put(l.lineNo(), take);
                    orders.addReceived(id, l.lineNo(), take, clock.instant(), reference);
                    left -= take;
                }
            }
        }
        List<PurchaseOrderReceipt.Line> result = lines.stream().map(l -> new PurchaseOrderReceipt.Line(l.lineNo(), l.sku(), expected(l),
                before.getOrDefault(l.lineNo(), 0L), now.getOrDefault(l.lineNo(), 0L))).toList();
        PurchaseOrderStatus to = result.stream().allMatch(l -> l.remaining() == 0) ? PurchaseOrderStatus.RECEIVED
                : PurchaseOrderStatus.PARTIALLY_RECEIVED;
        if (to != h.status() && !h.status().canMoveTo(to)) {
            throw new InvalidTransition(WHAT + " " + h.number(), h.status(), "receive");
        }
        move(h, to, h.approvalRound(), h.requiredApprovals(), "received", actor.name(), units + " unit(s) by " + reference);
        return new PurchaseOrderReceipt(id, h.number(), to, result);
    }

    private static long expected(PurchaseOrder.Line l) {
        return l.confirmedQuantity() != null ? l.confirmedQuantity() : l.quantity();
    }

    // ---------------------------------------------------------------- internals

    private Head lockFor(UUID id, PurchaseOrderStatus target, String verb) {
        Head h = orders.head(id, true).orElseThrow(() -> new NotFound("Purchase order", id.toString()));
        if (!h.status().canMoveTo(target)) {
            throw new InvalidTransition(WHAT + " " + h.number(), h.status(), verb);
        }
        return h;
    }

    /** Writes the move, appends it to the history and publishes it; returns the order as now stored. */
    private Head move(Head h, PurchaseOrderStatus to, int round, int required, String event, String actor, String note) {
        Instant now = clock.instant();
        Head moved = new Head(h.id(), h.number(), h.supplier(), h.location(), h.currency(), to, h.total(), round, required,
                h.createdAt(), h.createdBy(), h.changedAt(), h.changedBy(), now, h.version() + 1);
        if (!orders.update(moved, h.version())) {
            throw new IllegalStateException("purchase order " + h.id() + " changed under its row lock");
        }
        orders.appendHistory(h.id(), new PurchaseOrder.Transition(now, actor, event, h.status(), to, note));
        events.publishEvent(new PurchaseOrderChanged(h.id(), h.number(), h.supplier().value(), h.location().value(), event, to,
                h.total(), h.currency().getCurrencyCode(), actor, note));
        return moved;
    }

    private PurchaseOrder view(UUID id) {
        Head h = orders.head(id, false).orElseThrow(() -> new NotFound("Purchase order", id.toString()));
        return view(h, orders.lines(id), orders.approvals(id, h.approvalRound()), orders.history(id));
    }

    private static PurchaseOrder view(Head h, List<PurchaseOrder.Line> lines, List<PurchaseOrder.Approval> approvals,
                                      List<PurchaseOrder.Transition> history) {
        return new PurchaseOrder(h.id(), h.number(), h.supplier(), h.location(), h.currency(), h.status(), lines, h.total(),
                h.requiredApprovals(), approvals, history, h.createdAt(), h.createdBy(), h.changedAt(), h.changedBy(), h.updatedAt(),
                h.version());
    }
}
