package io.tributary.receiving;

import io.tributary.access.Actor;
import io.tributary.catalog.Sku;
import io.tributary.procurement.Procurement;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.receiving.persistence.JdbcClaims;
import io.tributary.receiving.persistence.JdbcClaims.Head;
import io.tributary.receiving.persistence.JdbcClaims.VendorReturn;
import io.tributary.receiving.persistence.JdbcReceipts;
import io.tributary.receiving.persistence.JdbcReceipts.InspectionRow;
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
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplier claims (ADR 0021): money asked back from a supplier for the SHORT and DAMAGED
 * discrepancies of one receipt and for the units its inspections returned to the supplier, each
 * priced at the purchase order's unit cost for the SKU. A discrepancy or a vendor return is claimed
 * at most once; claims against one receipt are made one at a time (the receipt's row is locked).
 * Roles are checked per URL.
 */
@Service
public class SupplierClaims {

    private static final Set<DiscrepancyKind> CLAIMABLE = EnumSet.of(DiscrepancyKind.SHORT, DiscrepancyKind.DAMAGED);
    private static final int MAX_REFERENCES = 1000;
    private static final Map<String, Move> MOVES = Map.of(
            "submit", new Move(ClaimStatus.OPEN, ClaimStatus.SUBMITTED),
            "accept", new Move(ClaimStatus.SUBMITTED, ClaimStatus.ACCEPTED),
            "reject", new Move(ClaimStatus.SUBMITTED, ClaimStatus.REJECTED),
            "settle", new Move(ClaimStatus.ACCEPTED, ClaimStatus.SETTLED));

    private record Move(ClaimStatus from, ClaimStatus to) {
    }

    /** What to claim: discrepancies of the receipt, and the unclaimed returns of its inspections. */
    public record MakeClaim(UUID receipt, List<UUID> discrepancies, List<UUID> inspections, String note) {
    }

    private final JdbcClaims claims;
    private final JdbcReceipts receipts;
    private final Procurement procurement;
    private final Clock clock;

    SupplierClaims(JdbcClaims claims, JdbcReceipts receipts, Procurement procurement, Clock clock) {
        this.claims = claims;
        this.receipts = receipts;
        this.procurement = procurement;
        this.clock = clock;
    }

    /**
     * Opens a claim. Refused with 400 naming the field: an unknown receipt, nothing to claim, a
     * discrepancy of another receipt, not SHORT or DAMAGED, or already claimed, an inspection of
     * another receipt or with no unclaimed returned units, or a SKU not on the purchase order (it has
     * no cost to claim).
     */
    @Transactional
    public SupplierClaim open(MakeClaim c, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<JdbcReceipts.Head> receipt = c.receipt() == null ? Optional.empty() : receipts.head(c.receipt());
        if (receipt.isEmpty()) {
            throw new ValidationFailed("receipt", c.receipt() == null ? "is required" : "is not a known receipt: " + c.receipt());
        }
        List<UUID> discrepancyIds = c.discrepancies() == null ? List.of() : c.discrepancies();
        List<UUID> inspectionIds = c.inspections() == null ? List.of() : c.inspections();
        if (discrepancyIds.isEmpty() && inspectionIds.isEmpty()) {
            throw new ValidationFailed("discrepancies", "name at least one discrepancy or inspection to claim");
        }
        if (discrepancyIds.size() + inspectionIds.size() > MAX_REFERENCES) {
            throw new ValidationFailed("discrepancies", "a claim may name at most " + MAX_REFERENCES + " discrepancies and inspections");
        }
        claims.lockReceipt(c.receipt());
        PurchaseOrder po = procurement.get(receipt.get().purchaseOrder());
        List<Receipt.Discrepancy> ofReceipt = receipts.discrepancies(c.receipt());
        List<SupplierClaim.Line> lines = new ArrayList<>();
        List<UUID> distinctDiscrepancies = new ArrayList<>(new LinkedHashSet<>(discrepancyIds));
        for (int i = 0; i < distinctDiscrepancies.size(); i++) {
            UUID id = distinctDiscrepancies.get(i);
            String at = "discrepancies[" + i + "]";
            Optional<Receipt.Discrepancy> d = ofReceipt.stream().filter(x -> x.id().equals(id)).findFirst();
            if (d.isEmpty()) {
                errors.add(new FieldError(at, "is not a discrepancy of receipt " + c.receipt()));
                continue;
            }
            if (!CLAIMABLE.contains(d.get().kind())) {
                errors.add(new FieldError(at, "is " + d.get().kind() + "; only SHORT and DAMAGED discrepancies are claimed"));
                continue;
            }
            Optional<UUID> claimed = claims.claimOfDiscrepancy(id);
            if (claimed.isPresent()) {
                errors.add(new FieldError(at, "is already claimed on claim " + claimed.get()));
                continue;
            }
            line(po, d.get().sku(), d.get().quantity(), id, null, at, lines, errors);
        }
        List<UUID> distinctInspections = new ArrayList<>(new LinkedHashSet<>(inspectionIds));
        for (int i = 0; i < distinctInspections.size(); i++) {
            UUID id = distinctInspections.get(i);
            String at = "inspections[" + i + "]";
            Optional<InspectionRow> inspection = receipts.inspection(id, false);
            if (inspection.isEmpty() || !c.receipt().equals(inspection.get().receipt())) {
                errors.add(new FieldError(at, "is not an inspection of receipt " + c.receipt()));
                continue;
            }
            List<VendorReturn> returns = claims.unclaimedReturns(id);
            if (returns.isEmpty()) {
                errors.add(new FieldError(at, "has no returned units that are not claimed yet"));
                continue;
            }
            for (VendorReturn r : returns) {
                line(po, r.sku(), r.quantity(), null, r.id(), at, lines, errors);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        BigDecimal amount = lines.stream().map(SupplierClaim.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
        UUID id = Ids.newId();
        Instant now = clock.instant();
        String note = c.note() == null || c.note().isBlank() ? null : c.note().strip();
        claims.insert(new Head(id, po.supplier().value(), po.id(), po.number(), c.receipt(), po.currency().getCurrencyCode(), amount,
                ClaimStatus.OPEN.name(), note, now, actor.name(), 0), lines);
        claims.transition(id, null, ClaimStatus.OPEN.name(), note, now, actor.name());
        return get(id);
    }

    private static void line(PurchaseOrder po, Sku sku, long quantity, UUID discrepancy, UUID vendorReturn, String at, List<SupplierClaim.Line> lines,
                             List<FieldError> errors) {
        Optional<PurchaseOrder.Line> onOrder = po.lines().stream().filter(l -> l.sku().equals(sku)).findFirst();
        if (onOrder.isEmpty()) {
            errors.add(new FieldError(at, "'" + sku.value() + "' is not on purchase order " + po.number() + "; it has no cost to claim"));
            return;
        }
        BigDecimal unitCost = onOrder.get().unitCost();
        lines.add(new SupplierClaim.Line(lines.size() + 1, sku, quantity, unitCost, unitCost.multiply(BigDecimal.valueOf(quantity)), discrepancy,
                vendorReturn));
    }

    @Transactional(readOnly = true)
    public SupplierClaim get(UUID id) {
        Head h = claims.head(id, false).orElseThrow(() -> new NotFound("Supplier claim", id.toString()));
        return new SupplierClaim(h.id(), h.supplier(), h.purchaseOrder(), h.purchaseOrderNumber(), h.receipt(), h.currency(), h.amount(),
                ClaimStatus.valueOf(h.status()), h.note(), claims.lines(id), claims.history(id), h.createdAt(), h.createdBy(), h.version());
    }

    /** Claims newest first, optionally of one supplier and in one status. */
    @Transactional(readOnly = true)
    public Page<SupplierClaim> list(String supplier, ClaimStatus status, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        return Page.of(claims.page(supplier, status == null ? null : status.name(), before, n + 1).stream().map(this::get).toList(), n,
                r -> r.id().toString());
    }

    /**
     * Moves a claim on: {@code submit} (OPEN to SUBMITTED), {@code accept} or {@code reject}
     * (SUBMITTED to ACCEPTED or REJECTED), {@code settle} (ACCEPTED to SETTLED). Any other move is
     * refused with 409; the claim's row is locked for the move.
     */
    @Transactional
    public SupplierClaim move(UUID id, String action, String note, Actor actor) {
        Move move = MOVES.get(action);
        if (move == null) {
            throw new NotFound("Supplier claim action", action);
        }
        Head h = claims.head(id, true).orElseThrow(() -> new NotFound("Supplier claim", id.toString()));
        if (!move.from().name().equals(h.status())) {
            throw new InvalidTransition("supplier claim " + id, h.status(), action);
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (!claims.move(id, h.status(), move.to().name(), n, h.version(), clock.instant(), actor.name())) {
            throw new IllegalStateException("supplier claim " + id + " changed under its row lock");
        }
        return get(id);
    }
}
