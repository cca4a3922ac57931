package io.tributary.receiving;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.exceptions.Exceptions;
import io.tributary.inventory.Commands;
import io.tributary.inventory.Commands.ShipTransfer;
import io.tributary.inventory.Commands.TransferArrival;
import io.tributary.inventory.Commands.TransferLine;
import io.tributary.inventory.Inventory;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.procurement.PurchaseOrderReceipt;
import io.tributary.receiving.domain.Discrepancies;
import io.tributary.receiving.persistence.JdbcReceipts;
import io.tributary.receiving.persistence.JdbcReceipts.InspectionRow;
import io.tributary.receiving.persistence.JdbcTransfers;
import io.tributary.receiving.persistence.JdbcTransfers.Head;
import io.tributary.receiving.persistence.JdbcTransfers.ReceiptHead;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transfer orders between nodes. {@link #create} drafts one; {@link #ship} moves its units out of
 * the source's available stock into the destination's in-transit stock (through the inventory
 * facade, so the ledger stays the one record); {@link #receive} takes them in at the destination
 * as available, or in inspection for items that require it, with the discrepancy rule of receipts
 * against purchase orders: damaged, over, wrong and unknown items raise RECEIVING_DISCREPANCY
 * cases, and a receipt that declares the delivery complete writes what never arrived off the
 * in-transit stock as SHORT. Every state change locks the transfer's row.
 */
@Service
public class Transfers {

    private static final int MAX_LINES = 1000;

    private final JdbcTransfers transfers;
    private final JdbcReceipts receipts;
    private final Receiving receiving;
    private final Inventory inventory;
    private final Catalog catalog;
    private final Network network;
    private final Exceptions exceptions;
    private final Clock clock;
    private final BigDecimal overTolerancePercent;

    Transfers(JdbcTransfers transfers, JdbcReceipts receipts, Receiving receiving, Inventory inventory, Catalog catalog, Network network,
              Exceptions exceptions, Clock clock,
              @Value("${tributary.receiving.over-tolerance-percent:0}") BigDecimal overTolerancePercent) {
        this.transfers = transfers;
        this.receipts = receipts;
        this.receiving = receiving;
        this.inventory = inventory;
        this.catalog = catalog;
        this.network = network;
        this.exceptions = exceptions;
        this.clock = clock;
        this.overTolerancePercent = overTolerancePercent;
    }

    /** One line of a transfer to create. */
    public record NewLine(Sku sku, long quantity) {
    }

    /**
     * Drafts a transfer. Refused with 400 naming the field: unknown or equal locations, no lines,
     * a quantity outside 1..{@link Commands#MAX_QUANTITY}, an unknown SKU, a kit, or a SKU listed
     * twice. 403 when a WAREHOUSE person does not work at the source.
     */
    @Transactional
    public Transfer create(LocationCode from, LocationCode to, String note, List<NewLine> lines, Actor actor) {
        receiving.requireLocation(actor, from.value());
        List<FieldError> errors = new ArrayList<>();
        if (network.find(from).isEmpty()) {
            errors.add(new FieldError("from", "is not a known location: " + from.value()));
        }
        if (network.find(to).isEmpty()) {
            errors.add(new FieldError("to", "is not a known location: " + to.value()));
        }
        if (from.equals(to)) {
            errors.add(new FieldError("to", "must differ from 'from'"));
        }
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must list at least one line"));
        } else if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "may list at most " + MAX_LINES + " lines"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Map<Sku, Item> items = catalog.findAll(lines.stream().map(NewLine::sku).distinct().toList());
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < lines.size(); i++) {
            NewLine l = lines.get(i);
            String at = "lines[" + i + "].";
            if (l.quantity() < 1 || l.quantity() > Commands.MAX_QUANTITY) {
                errors.add(new FieldError(at + "quantity", "must be between 1 and " + Commands.MAX_QUANTITY));
            }
            Item item = items.get(l.sku());
            if (item == null) {
                errors.add(new FieldError(at + "sku", "SKU '" + l.sku() + "' does not exist"));
            } else if (item.isKit()) {
                errors.add(new FieldError(at + "sku", "'" + l.sku() + "' is a kit; transfer its components"));
            }
            if (!seen.add(l.sku())) {
                errors.add(new FieldError(at + "sku", "SKU '" + l.sku() + "' appears more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        UUID id = Ids.newId();
        List<Transfer.Line> rows = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            rows.add(new Transfer.Line(i + 1, lines.get(i).sku(), lines.get(i).quantity(), 0, lines.get(i).quantity()));
        }
        transfers.insert(new Head(id, from, to, TransferStatus.DRAFT, blankToNull(note), clock.instant(), actor.name(), null, null), rows);
        return get(id);
    }

    /** Ships a DRAFT transfer (409 otherwise; 409 insufficient-stock when the source lacks the units). */
    @Transactional
    public Transfer ship(UUID id, Actor actor) {
        Head h = locked(id);
        receiving.requireLocation(actor, h.from().value());
        if (h.status() != TransferStatus.DRAFT) {
            throw new InvalidTransition("transfer", h.status().name(), "ship");
        }
        List<TransferLine> lines = transfers.lines(id).stream().map(l -> new TransferLine(l.sku(), l.quantity())).toList();
        inventory.shipTransfer(new ShipTransfer(id.toString(), h.from(), h.to(), lines), actor);
        transfers.shipped(id, clock.instant(), actor.name());
        return get(id);
    }

    /** Cancels a DRAFT transfer; a shipped one is received instead (409). */
    @Transactional
    public Transfer cancel(UUID id, Actor actor) {
        Head h = locked(id);
        receiving.requireLocation(actor, h.from().value());
        if (h.status() != TransferStatus.DRAFT) {
            throw new InvalidTransition("transfer", h.status().name(), "cancel");
        }
        transfers.status(id, TransferStatus.CANCELLED);
        return get(id);
    }

    /**
     * Receives a SHIPPED or PARTIALLY_RECEIVED transfer at its destination (409 otherwise). Lines
     * are validated as for purchase order receipts (lot and expiry are not asked for: the units
     * keep what they had at the source). Units on the transfer clear its in-transit stock up to
     * what is still open; good units go to AVAILABLE, or INSPECTION when the item requires it or
     * is not on the transfer; damaged units to DAMAGED. {@code complete} writes what is still open
     * off the in-transit stock as SHORT; the transfer is RECEIVED once nothing is open.
     */
    @Transactional
    public Transfer receive(UUID id, boolean complete, String note, List<ReceiveGoods.Line> lines, Actor actor) {
        Head h = locked(id);
        receiving.requireLocation(actor, h.to().value());
        if (h.status() != TransferStatus.SHIPPED && h.status() != TransferStatus.PARTIALLY_RECEIVED) {
            throw new InvalidTransition("transfer", h.status().name(), "receive");
        }
        List<FieldError> errors = new ArrayList<>();
        if (lines == null || lines.isEmpty()) {
            errors.add(new FieldError("lines", "must list at least one line"));
        } else if (lines.size() > MAX_LINES) {
            errors.add(new FieldError("lines", "may list at most " + MAX_LINES + " lines"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Map<Sku, Item> items = catalog.findAll(lines.stream().map(ReceiveGoods.Line::sku).distinct().toList());
        for (int i = 0; i < lines.size(); i++) {
            ReceiveGoods.Line l = lines.get(i);
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
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }

        UUID receipt = Ids.newId();
        Instant now = clock.instant();
        Map<Sku, Transfer.Line> onTransfer = new LinkedHashMap<>();
        transfers.lines(id).forEach(l -> onTransfer.put(l.sku(), l));
        // Per SKU: units cleared from transit, then units to AVAILABLE, INSPECTION and DAMAGED.
        Map<Sku, long[]> arrivals = new LinkedHashMap<>();
        Map<Sku, Long> receivedNow = new LinkedHashMap<>();
        List<Transfer.ReceiptLine> receiptLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiveGoods.Line l = lines.get(i);
            Item item = items.get(l.sku());
            String disposition;
            if (item == null) {
                disposition = "NOT_POSTED";
            } else {
                Transfer.Line line = onTransfer.get(l.sku());
                boolean inspect = item.inspectionRequired() || line == null;
                disposition = inspect ? "INSPECTION" : "AVAILABLE";
                long[] a = arrivals.computeIfAbsent(l.sku(), s -> new long[4]);
                if (line != null) {
                    long open = line.remaining() - receivedNow.getOrDefault(l.sku(), 0L);
                    a[0] += Math.min(Math.max(0, open), l.quantity());
                    receivedNow.merge(l.sku(), l.quantity(), Long::sum);
                }
                a[inspect ? 2 : 1] += l.quantity() - l.damaged();
                a[3] += l.damaged();
            }
            receiptLines.add(new Transfer.ReceiptLine(i + 1, l.sku(), l.quantity(), l.damaged(), disposition));
        }
        List<PurchaseOrderReceipt.Line> taken = new ArrayList<>();
        for (Transfer.Line l : onTransfer.values()) {
            long arrived = receivedNow.getOrDefault(l.sku(), 0L);
            taken.add(new PurchaseOrderReceipt.Line(l.lineNo(), l.sku(), l.quantity(), l.received(), arrived));
            if (arrived > 0) {
                transfers.addReceived(id, l.sku(), arrived);
            }
        }
        List<Discrepancies.Found> found = Discrepancies.find(
                lines.stream().map(l -> new Discrepancies.Counted(l.sku(), l.quantity(), l.damaged(), items.containsKey(l.sku()))).toList(),
                taken, overTolerancePercent, complete);

        List<TransferArrival> posted = new ArrayList<>();
        arrivals.forEach((sku, a) -> posted.add(new TransferArrival(sku, a[0], a[1], a[2], a[3])));
        inventory.receiveTransfer(new Commands.ReceiveTransfer(id.toString(), h.to(), "TRANSFER_RECEIVED", posted), actor);
        if (complete) {
            List<TransferArrival> lost = new ArrayList<>();
            for (PurchaseOrderReceipt.Line l : taken) {
                if (l.remaining() > 0) {
                    lost.add(new TransferArrival(l.sku(), l.remaining(), 0, 0, 0));
                }
            }
            if (!lost.isEmpty()) {
                inventory.receiveTransfer(new Commands.ReceiveTransfer(id.toString(), h.to(), "TRANSFER_SHORT", lost), actor);
            }
        }

        Map<String, Object> context = new LinkedHashMap<>();
        context.put("transferReceipt", receipt.toString());
        context.put("transfer", id.toString());
        context.put("from", h.from().value());
        context.put("location", h.to().value());
        List<Receipt.Discrepancy> discrepancies = Receiving.raiseDiscrepancies(exceptions, found, "transfer_discrepancy", context,
                "receiving transfer from " + h.from().value() + " at " + h.to().value(), actor);
        transfers.insertReceipt(new ReceiptHead(receipt, id, complete, blankToNull(note), now, actor.name()), receiptLines, discrepancies);
        for (TransferArrival a : posted) {
            if (a.inspection() > 0) {
                receipts.insertInspection(new InspectionRow(Ids.newId(), null, receipt, a.sku(), h.to(), a.inspection(), 0, 0, 0, now, 0));
            }
        }
        boolean open = taken.stream().anyMatch(l -> l.remaining() > 0);
        transfers.status(id, complete || !open ? TransferStatus.RECEIVED : TransferStatus.PARTIALLY_RECEIVED);
        return get(id);
    }

    @Transactional(readOnly = true)
    public Transfer get(UUID id) {
        Head h = transfers.head(id, false).orElseThrow(() -> new NotFound("Transfer", id.toString()));
        List<Transfer.Receipt> taken = transfers.receipts(id).stream().map(r -> new Transfer.Receipt(r.id(), r.complete(), r.note(),
                r.receivedAt(), r.receivedBy(), transfers.receiptLines(r.id()), transfers.discrepancies(r.id()),
                receipts.inspectionsOfTransferReceipt(r.id()).stream().map(receiving::inspection).toList())).toList();
        return new Transfer(h.id(), h.from(), h.to(), h.status(), h.note(), h.createdAt(), h.createdBy(), h.shippedAt(), h.shippedBy(),
                transfers.lines(id), taken);
    }

    private Head locked(UUID id) {
        return transfers.head(id, true).orElseThrow(() -> new NotFound("Transfer", id.toString()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
