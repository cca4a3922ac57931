package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.catalog.Sku;
import io.tributary.inventory.Commands;
import io.tributary.procurement.persistence.JdbcAdvanceShipNotices;
import io.tributary.procurement.persistence.JdbcAdvanceShipNotices.Head;
import io.tributary.procurement.persistence.JdbcAdvanceShipNotices.Row;
import io.tributary.procurement.persistence.JdbcPurchaseOrders;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Advance ship notices (ADR 0019). {@link #create} records a supplier's shipment against a purchase
 * order that is SENT, ACKNOWLEDGED or PARTIALLY_RECEIVED, under the order's row lock, so notices and
 * receipts against one order are serialised and no line is shipped beyond what is open plus the
 * receiving tolerance. Units on a notice are in transit until a receipt counts them
 * ({@link #recordReceipt}); they remain part of the order's open quantity and are never posted to
 * the stock ledger.
 */
@Service
public class AdvanceShipNotices {

    private static final Set<PurchaseOrderStatus> SHIPPABLE = EnumSet.of(PurchaseOrderStatus.SENT, PurchaseOrderStatus.ACKNOWLEDGED,
            PurchaseOrderStatus.PARTIALLY_RECEIVED);
    private static final int MAX_LINES = 1000;
    static final String IN_TRANSIT = "IN_TRANSIT";
    static final String PARTIALLY_RECEIVED = "PARTIALLY_RECEIVED";
    static final String RECEIVED = "RECEIVED";

    private final JdbcAdvanceShipNotices asns;
    private final JdbcPurchaseOrders orders;
    private final Procurement procurement;
    private final Clock clock;
    private final BigDecimal overTolerancePercent;

    AdvanceShipNotices(JdbcAdvanceShipNotices asns, JdbcPurchaseOrders orders, Procurement procurement, Clock clock,
                       @Value("${tributary.receiving.over-tolerance-percent:0}") BigDecimal overTolerancePercent) {
        this.asns = asns;
        this.orders = orders;
        this.procurement = procurement;
        this.clock = clock;
        if (overTolerancePercent.signum() < 0) {
            throw new IllegalArgumentException("tributary.receiving.over-tolerance-percent must not be negative");
        }
        this.overTolerancePercent = overTolerancePercent;
    }

    /**
     * Records a notice. Refused with 400 naming the field: an unknown purchase order or one not SENT,
     * ACKNOWLEDGED or PARTIALLY_RECEIVED; a missing or repeated shipment id; no expected time; no
     * lines; a line naming no order line, or a SKU on several lines without {@code lineNo}; a quantity
     * below one; or more units for an order line, across this and the other notices still in transit,
     * than it has open (expected less received) plus the receiving tolerance.
     */
    @Transactional
    public AdvanceShipNotice create(CreateAdvanceShipNotice c, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        JdbcPurchaseOrders.Head po = c.purchaseOrder() == null ? null : orders.head(c.purchaseOrder(), true).orElse(null);
        if (po == null) {
            errors.add(new FieldError("purchaseOrder", "is not a known purchase order" + (c.purchaseOrder() == null ? "" : ": " + c.purchaseOrder())));
        } else if (!SHIPPABLE.contains(po.status())) {
            errors.add(new FieldError("purchaseOrder", "is " + po.status() + "; only SENT, ACKNOWLEDGED or PARTIALLY_RECEIVED orders are shipped"));
        }
        if (c.shipmentId() == null || c.shipmentId().isBlank()) {
            errors.add(new FieldError("shipmentId", "is required"));
        } else if (c.shipmentId().length() > 100) {
            errors.add(new FieldError("shipmentId", "must be at most 100 characters"));
        } else if (po != null && asns.exists(po.id(), c.shipmentId().strip())) {
            errors.add(new FieldError("shipmentId", "'" + c.shipmentId().strip() + "' is already recorded for purchase order " + po.number()));
        }
        if (c.expectedAt() == null) {
            errors.add(new FieldError("expectedAt", "is required"));
        }
        if (c.carrier() != null && c.carrier().length() > 100) {
            errors.add(new FieldError("carrier", "must be at most 100 characters"));
        }
        if (c.lines() == null || c.lines().isEmpty()) {
            errors.add(new FieldError("lines", "must list at least one line"));
        } else if (c.lines().size() > MAX_LINES) {
            errors.add(new FieldError("lines", "may list at most " + MAX_LINES + " lines"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }

        List<PurchaseOrder.Line> poLines = orders.lines(po.id());
        Map<Integer, Long> received = orders.received(po.id());
        Map<Integer, Long> inTransit = asns.inTransit(po.id());
        Map<Integer, Long> shipped = new HashMap<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < c.lines().size(); i++) {
            CreateAdvanceShipNotice.Line l = c.lines().get(i);
            String at = "lines[" + i + "].";
            PurchaseOrder.Line target = resolve(l, poLines, at, errors);
            if (l.quantity() < 1 || l.quantity() > Commands.MAX_QUANTITY) {
                errors.add(new FieldError(at + "quantity", "must be between 1 and " + Commands.MAX_QUANTITY));
            }
            if (l.lot() != null && l.lot().length() > 100) {
                errors.add(new FieldError(at + "lot", "must be at most 100 characters"));
            }
            if (target == null) {
                continue;
            }
            long total = shipped.merge(target.lineNo(), Math.max(0, l.quantity()), Long::sum);
            long expected = expected(target);
            long open = Math.max(0, expected - received.getOrDefault(target.lineNo(), 0L) - inTransit.getOrDefault(target.lineNo(), 0L));
            long allowed = open + tolerance(expected);
            if (total > allowed) {
                errors.add(new FieldError(at + "quantity", "ships " + total + " unit(s) of line " + target.lineNo() + " but only " + allowed
                        + " may still ship (" + open + " open, not received or in transit)"));
            }
            rows.add(new Row(i + 1, target.lineNo(), target.sku(), l.quantity(), 0, blankToNull(l.lot()), l.expiry()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        UUID id = Ids.newId();
        asns.insert(new Head(id, po.id(), po.number(), po.location(), c.shipmentId().strip(), c.expectedAt(), blankToNull(c.carrier()), IN_TRANSIT,
                clock.instant(), actor.name()), rows);
        return get(id);
    }

    @Transactional(readOnly = true)
    public AdvanceShipNotice get(UUID id) {
        Head h = asns.head(id, false).orElseThrow(() -> new NotFound("Advance ship notice", id.toString()));
        boolean done = RECEIVED.equals(h.status());
        List<AdvanceShipNotice.Line> lines = asns.lines(id).stream()
                .map(r -> new AdvanceShipNotice.Line(r.lineNo(), r.purchaseOrderLine(), r.sku(), r.quantity(), r.received(),
                        done ? 0 : Math.max(0, r.quantity() - r.received()), r.lot(), r.expiry()))
                .toList();
        return new AdvanceShipNotice(h.id(), h.purchaseOrder(), h.purchaseOrderNumber(), h.location(), h.shipmentId(), h.expectedAt(),
                h.carrier(), h.status(), lines, lines.stream().mapToLong(AdvanceShipNotice.Line::inTransit).sum(), h.createdAt(), h.createdBy());
    }

    /** Notices newest first, optionally of one purchase order. */
    @Transactional(readOnly = true)
    public Page<AdvanceShipNotice> list(UUID purchaseOrder, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        return Page.of(asns.page(purchaseOrder, before, n + 1).stream().map(this::get).toList(), n, a -> a.id().toString());
    }

    /**
     * Counts a receipt against notice {@code id}: the units of SKUs on its purchase order go to the
     * order through {@link Procurement#recordReceipt} (which locks the order first), then the notice
     * is locked and each SKU's units fill its lines in line order, the last line of a SKU taking any
     * excess. The notice becomes PARTIALLY_RECEIVED, or RECEIVED when every line has arrived or
     * {@code complete} says nothing more will. The answer has the order's number and status and, as
     * its lines, the notice's lines (expected being the shipped quantity) for the receipt to compare
     * against. 409 {@code invalid-transition} when the notice is already RECEIVED.
     */
    @Transactional
    public PurchaseOrderReceipt recordReceipt(UUID id, Map<Sku, Long> onOrder, boolean complete, String reference, Actor actor) {
        Head unlocked = asns.head(id, false).orElseThrow(() -> new NotFound("Advance ship notice", id.toString()));
        PurchaseOrderReceipt order = procurement.recordReceipt(unlocked.purchaseOrder(), onOrder, reference, actor);
        Head h = asns.head(id, true).orElseThrow();
        if (RECEIVED.equals(h.status())) {
            throw new InvalidTransition("advance ship notice " + h.shipmentId(), h.status(), "receive");
        }
        List<Row> rows = asns.lines(id);
        Map<Integer, Long> now = new HashMap<>();
        for (Map.Entry<Sku, Long> e : onOrder.entrySet()) {
            List<Row> ofSku = rows.stream().filter(r -> r.sku().equals(e.getKey())).toList();
            long left = e.getValue();
            for (int i = 0; i < ofSku.size() && left > 0; i++) {
                Row r = ofSku.get(i);
                long take = i == ofSku.size() - 1 ? left : Math.min(Math.max(0, r.quantity() - r.received()), left);
                if (take > 0) {
                    now.put(r.lineNo(), take);
                    asns.addReceived(id, r.lineNo(), take);
                    left -= take;
                }
            }
        }
        List<PurchaseOrderReceipt.Line> lines = rows.stream()
                .map(r -> new PurchaseOrderReceipt.Line(r.lineNo(), r.sku(), r.quantity(), r.received(), now.getOrDefault(r.lineNo(), 0L)))
                .toList();
        boolean arrived = lines.stream().allMatch(l -> l.remaining() == 0);
        asns.setStatus(id, complete || arrived ? RECEIVED : PARTIALLY_RECEIVED);
        return new PurchaseOrderReceipt(order.purchaseOrder(), order.number(), order.status(), lines);
    }

    private static PurchaseOrder.Line resolve(CreateAdvanceShipNotice.Line l, List<PurchaseOrder.Line> poLines, String at, List<FieldError> errors) {
        if (l.lineNo() != null) {
            PurchaseOrder.Line line = poLines.stream().filter(p -> p.lineNo() == l.lineNo()).findFirst().orElse(null);
            if (line == null) {
                errors.add(new FieldError(at + "lineNo", "is not a line of the purchase order: " + l.lineNo()));
            } else if (l.sku() != null && !l.sku().equals(line.sku())) {
                errors.add(new FieldError(at + "sku", "is not the SKU of line " + l.lineNo() + " (" + line.sku().value() + ")"));
                return null;
            }
            return line;
        }
        if (l.sku() == null) {
            errors.add(new FieldError(at + "lineNo", "lineNo or sku is required"));
            return null;
        }
        List<PurchaseOrder.Line> ofSku = poLines.stream().filter(p -> p.sku().equals(l.sku())).toList();
        if (ofSku.isEmpty()) {
            errors.add(new FieldError(at + "sku", "'" + l.sku().value() + "' is not on the purchase order"));
            return null;
        }
        if (ofSku.size() > 1) {
            errors.add(new FieldError(at + "lineNo", "is required: '" + l.sku().value() + "' is on several lines of the purchase order"));
            return null;
        }
        return ofSku.get(0);
    }

    private long tolerance(long expected) {
        return BigDecimal.valueOf(expected).multiply(overTolerancePercent).divide(BigDecimal.valueOf(100), 0, RoundingMode.FLOOR).longValueExact();
    }

    private static long expected(PurchaseOrder.Line l) {
        return l.confirmedQuantity() != null ? l.confirmedQuantity() : l.quantity();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
