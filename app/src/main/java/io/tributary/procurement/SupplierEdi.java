package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.catalog.Sku;
import io.tributary.network.Location;
import io.tributary.network.Network;
import io.tributary.procurement.domain.Acknowledgement855;
import io.tributary.procurement.domain.Invoice810;
import io.tributary.procurement.domain.PurchaseOrder850;
import io.tributary.procurement.domain.ShipNotice856;
import io.tributary.procurement.domain.X12Peek;
import io.tributary.procurement.persistence.JdbcEdi;
import io.tributary.procurement.persistence.JdbcSupplierInvoices;
import io.tributary.procurement.persistence.JdbcSuppliers;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders with suppliers that trade by EDI X12 004010 (ADR 0016). {@link #purchaseOrder850}
 * writes an approved (or later) order as an 850 in a new interchange whose control number comes from
 * a sequence and is logged; {@link #receive} reads an interchange of 855 acknowledgements and
 * applies each through {@link Procurement#acknowledge}, so an acknowledgement that changes the order
 * raises the same exception case as the JSON endpoint. All or nothing: a fault anywhere (the
 * envelope, a segment, an element, an unknown purchase order or line, a sender other than the
 * supplier of the order) refuses the whole interchange with 400 and changes nothing. An interchange
 * of 856 ship notices is read the same way and each order level becomes an advance ship notice
 * through {@link AdvanceShipNotices#create}. An interchange of 810 invoices is kept as
 * {@link SupplierInvoice}s for matching.
 */
@Service
public class SupplierEdi {

    private static final Set<PurchaseOrderStatus> SENDABLE = EnumSet.of(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.SENT,
            PurchaseOrderStatus.ACKNOWLEDGED, PurchaseOrderStatus.PARTIALLY_RECEIVED, PurchaseOrderStatus.RECEIVED,
            PurchaseOrderStatus.CLOSED);

    private final Procurement procurement;
    private final AdvanceShipNotices asns;
    private final JdbcSuppliers suppliers;
    private final JdbcEdi edi;
    private final JdbcSupplierInvoices invoices;
    private final Network network;
    private final Clock clock;
    private final String senderQualifier;
    private final String senderId;
    private final String buyerName;
    private final char usage;

    SupplierEdi(Procurement procurement, AdvanceShipNotices asns, JdbcSuppliers suppliers, JdbcEdi edi, JdbcSupplierInvoices invoices, Network network,
                Clock clock,
                @Value("${tributary.edi.sender-qualifier:ZZ}") String senderQualifier,
                @Value("${tributary.edi.sender-id:TRIBUTARY}") String senderId,
                @Value("${tributary.edi.buyer-name:Tributary}") String buyerName,
                @Value("${tributary.edi.usage:P}") char usage) {
        this.procurement = procurement;
        this.asns = asns;
        this.suppliers = suppliers;
        this.edi = edi;
        this.invoices = invoices;
        this.network = network;
        this.clock = clock;
        this.senderQualifier = senderQualifier;
        this.senderId = senderId;
        this.buyerName = buyerName;
        this.usage = usage;
    }

    /**
     * The order as an X12 850 interchange to its supplier. Each call is a new interchange with the
     * next control number. 409 {@code invalid-transition} before approval or after cancellation;
     * 409 {@code supplier-without-edi} when the supplier has no EDI id.
     */
    @Transactional
    public String purchaseOrder850(UUID id, Actor actor) {
        PurchaseOrder po = procurement.get(id);
        if (!SENDABLE.contains(po.status())) {
            throw new InvalidTransition("purchase order " + po.number(), po.status(), "send as EDI 850");
        }
        Supplier supplier = suppliers.find(po.supplier(), false).orElseThrow(() -> new NotFound("Supplier", po.supplier().value()));
        if (supplier.ediId() == null) {
            throw new DomainException("supplier-without-edi", 409, "Supplier " + supplier.code().value()
                    + " has no EDI id; set ediId on the supplier or use the JSON endpoints.");
        }
        Instant now = clock.instant();
        long control = edi.nextControlNumber();
        String location = network.find(po.location()).map(Location::name).orElse(po.location().value());
        List<PurchaseOrder850.Line> lines = po.lines().stream().map(l -> new PurchaseOrder850.Line(l.lineNo(), l.quantity(), "EA",
                l.unitCost(), l.sku().value(), suppliers.item(po.supplier(), l.sku()).map(SupplierItem::supplierSku).orElse(null),
                l.expectedDate())).toList();
        String x12 = PurchaseOrder850.write(
                new PurchaseOrder850.Envelope(senderQualifier, senderId, "ZZ", supplier.ediId(), control, LocalDate.ofInstant(now, ZoneOffset.UTC),
                        LocalTime.ofInstant(now, ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES), usage),
                new PurchaseOrder850.Order(po.number(), LocalDate.ofInstant(po.createdAt(), ZoneOffset.UTC), po.currency().getCurrencyCode(),
                        supplier.code().value(), new PurchaseOrder850.Party(buyerName, senderId),
                        new PurchaseOrder850.Party(location, po.location().value()), lines));
        edi.record(Ids.newId(), "OUT", "850", control, supplier.ediId(), id, now, actor.name());
        return x12;
    }

    /**
     * What one transaction set of an inbound interchange was applied to: for an 855 the order and the
     * lines acknowledged, for an 856 also the advance ship notice recorded (one per order level), for
     * an 810 the invoice kept and its lines.
     */
    public record Applied(String transactionSet, String type, UUID purchaseOrder, String number, PurchaseOrderStatus status,
                          Integer linesAcknowledged, UUID asn, Integer linesShipped, UUID invoice, Integer linesInvoiced) {
    }

    /** The outcome of an inbound interchange: who sent it, its control number and what each transaction set did. */
    public record Received(String sender, String interchange, List<Applied> appliedTo) {
    }

    /**
     * Reads an interchange of 855s, 856s or 810s (by the ST01 of its first transaction set) and applies
     * every one, or none (400 naming the segment and element at fault).
     */
    @Transactional
    public Received receive(String x12, Actor actor) {
        String text = x12 == null ? "" : x12;
        String kind = X12Peek.firstTransactionSet(text);
        if ("856".equals(kind)) {
            return receiveShipNotices(text, actor);
        }
        if ("810".equals(kind)) {
            return receiveInvoices(text, actor);
        }
        Acknowledgement855.Interchange interchange = Acknowledgement855.read(text);
        List<FieldError> errors = new ArrayList<>();
        List<Runnable> steps = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (Acknowledgement855.TransactionSet t : interchange.transactionSets()) {
            String where = "segment " + t.bakPosition() + " of transaction set " + t.controlNumber() + ": ";
            Optional<UUID> id = edi.purchaseOrderByNumber(t.purchaseOrderNumber());
            if (id.isEmpty()) {
                errors.add(new FieldError("BAK03", where + "is not a purchase order number of ours: " + t.purchaseOrderNumber()));
                continue;
            }
            if (!seen.add(id.get())) {
                errors.add(new FieldError("BAK03", where + "acknowledges " + t.purchaseOrderNumber() + " a second time"));
                continue;
            }
            PurchaseOrder po = procurement.get(id.get());
            String ediId = suppliers.find(po.supplier(), false).map(Supplier::ediId).orElse(null);
            if (!interchange.senderId().equals(ediId)) {
                errors.add(new FieldError("ISA06", "segment 1 of the interchange: " + interchange.senderId() + " is not the EDI id of supplier "
                        + po.supplier().value() + ", who was sent " + po.number()));
                continue;
            }
            Set<Integer> lineNos = new HashSet<>();
            po.lines().forEach(l -> lineNos.add(l.lineNo()));
            Set<Integer> given = new HashSet<>();
            List<AcknowledgeLine> answers = new ArrayList<>();
            for (Acknowledgement855.Line l : t.lines()) {
                String at = "segment " + l.position() + " of transaction set " + t.controlNumber() + ": ";
                if (!lineNos.contains(l.lineNo())) {
                    errors.add(new FieldError("PO101", at + l.lineNo() + " is not a line of " + po.number()));
                } else if (!given.add(l.lineNo())) {
                    errors.add(new FieldError("PO101", at + "line " + l.lineNo() + " is acknowledged twice"));
                } else {
                    answers.add(new AcknowledgeLine(l.lineNo(), l.quantity(), l.promisedDate()));
                }
            }
            steps.add(() -> {
                PurchaseOrder after = procurement.acknowledge(po.id(), answers, actor);
                edi.record(Ids.newId(), "IN", "855", Long.parseLong(interchange.controlNumber()), interchange.senderId(), po.id(),
                        clock.instant(), actor.name());
                applied.add(new Applied(t.controlNumber(), "855", after.id(), after.number(), after.status(), answers.size(), null, null, null, null));
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        steps.forEach(Runnable::run);
        return new Received(interchange.senderId(), interchange.controlNumber(), applied);
    }

    /**
     * Each order level of each 856 becomes a notice of shipment BSN02 against the order of PRF01,
     * due at the shipment's DTM 017 (or 011), by the carrier of TD5. Items name our SKU (BP) or the
     * supplier's (VP, looked up in the supplier's item terms). The rules of
     * {@link AdvanceShipNotices#create} apply; their faults are reported against the segments they
     * came from. All notices or none.
     */
    private Received receiveShipNotices(String text, Actor actor) {
        ShipNotice856.Interchange interchange = ShipNotice856.read(text);
        List<FieldError> errors = new ArrayList<>();
        List<Applied> applied = new ArrayList<>();
        for (ShipNotice856.Shipment s : interchange.shipments()) {
            String set = " of transaction set " + s.controlNumber() + ": ";
            for (ShipNotice856.Order o : s.orders()) {
                String where = "segment " + o.position() + set;
                Optional<UUID> id = edi.purchaseOrderByNumber(o.purchaseOrderNumber());
                if (id.isEmpty()) {
                    errors.add(new FieldError("PRF01", where + "is not a purchase order number of ours: " + o.purchaseOrderNumber()));
                    continue;
                }
                PurchaseOrder po = procurement.get(id.get());
                String ediId = suppliers.find(po.supplier(), false).map(Supplier::ediId).orElse(null);
                if (!interchange.senderId().equals(ediId)) {
                    errors.add(new FieldError("ISA06", "segment 1 of the interchange: " + interchange.senderId() + " is not the EDI id of supplier "
                            + po.supplier().value() + ", who was sent " + po.number()));
                    continue;
                }
                List<SupplierItem> terms = suppliers.items(po.supplier());
                List<CreateAdvanceShipNotice.Line> lines = new ArrayList<>();
                boolean known = true;
                for (ShipNotice856.Item item : o.items()) {
                    Sku sku = sku(item, terms);
                    if (sku == null) {
                        errors.add(new FieldError("LIN", "segment " + item.position() + set + (item.sku() != null
                                ? "'" + item.sku() + "' is not a SKU" : "'" + item.supplierSku() + "' is not a supplier SKU of " + po.supplier().value())));
                        known = false;
                    } else {
                        lines.add(new CreateAdvanceShipNotice.Line(null, sku, item.quantity(), item.lot(), item.expiry()));
                    }
                }
                if (!known) {
                    continue;
                }
                try {
                    AdvanceShipNotice asn = asns.create(new CreateAdvanceShipNotice(po.id(), s.shipmentId(), s.expectedAt(), s.carrier(), lines), actor);
                    edi.record(Ids.newId(), "IN", "856", Long.parseLong(interchange.controlNumber()), interchange.senderId(), po.id(),
                            clock.instant(), actor.name());
                    applied.add(new Applied(s.controlNumber(), "856", po.id(), po.number(), po.status(), null, asn.id(), asn.lines().size(), null, null));
                } catch (ValidationFailed e) {
                    // The transaction is marked for rollback; the errors are thrown below, so nothing is kept.
                    for (FieldError f : e.errors()) {
                        errors.add(shipNoticeFault(f, s, o, set));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new Received(interchange.senderId(), interchange.controlNumber(), applied);
    }

    /**
     * Each 810 becomes a {@link SupplierInvoice} of the order of BIG04, from the order's supplier
     * (ISA06 its EDI id), in the order's currency (CUR02, when given, must be it), under an invoice
     * number the supplier has not used before (BIG02). Each IT1 bills a line of the order (IT101,
     * once per invoice) and names its item, as our SKU (BP) or the supplier's (VP, looked up in the
     * supplier's item terms). All invoices or none.
     */
    private Received receiveInvoices(String text, Actor actor) {
        Invoice810.Interchange interchange = Invoice810.read(text);
        List<FieldError> errors = new ArrayList<>();
        List<SupplierInvoice> kept = new ArrayList<>();
        Set<String> numbers = new HashSet<>();
        Instant now = clock.instant();
        long control = Long.parseLong(interchange.controlNumber());
        for (Invoice810.Invoice inv : interchange.invoices()) {
            String set = " of transaction set " + inv.controlNumber() + ": ";
            String where = "segment " + inv.bigPosition() + set;
            Optional<UUID> id = edi.purchaseOrderByNumber(inv.purchaseOrderNumber());
            if (id.isEmpty()) {
                errors.add(new FieldError("BIG04", where + "is not a purchase order number of ours: " + inv.purchaseOrderNumber()));
                continue;
            }
            PurchaseOrder po = procurement.get(id.get());
            String ediId = suppliers.find(po.supplier(), false).map(Supplier::ediId).orElse(null);
            if (!interchange.senderId().equals(ediId)) {
                errors.add(new FieldError("ISA06", "segment 1 of the interchange: " + interchange.senderId() + " is not the EDI id of supplier "
                        + po.supplier().value() + ", who was sent " + po.number()));
                continue;
            }
            if (inv.currency() != null && !inv.currency().equals(po.currency().getCurrencyCode())) {
                errors.add(new FieldError("CUR02", "segment " + inv.curPosition() + set + "the invoice is in " + inv.currency() + " but "
                        + po.number() + " is in " + po.currency().getCurrencyCode()));
            }
            if (!numbers.add(inv.invoiceNumber()) || invoices.exists(po.supplier(), inv.invoiceNumber())) {
                errors.add(new FieldError("BIG02", where + "invoice " + inv.invoiceNumber() + " of supplier " + po.supplier().value()
                        + " has already been received"));
            }
            Map<Integer, Sku> ordered = new HashMap<>();
            po.lines().forEach(l -> ordered.put(l.lineNo(), l.sku()));
            List<SupplierItem> terms = suppliers.items(po.supplier());
            Set<Integer> billed = new HashSet<>();
            List<SupplierInvoice.Line> lines = new ArrayList<>();
            for (Invoice810.Line l : inv.lines()) {
                String at = "segment " + l.position() + set;
                Sku sku = sku(l.sku(), l.supplierSku(), terms);
                if (!ordered.containsKey(l.purchaseOrderLine())) {
                    errors.add(new FieldError("IT101", at + l.purchaseOrderLine() + " is not a line of " + po.number()));
                } else if (!billed.add(l.purchaseOrderLine())) {
                    errors.add(new FieldError("IT101", at + "line " + l.purchaseOrderLine() + " is invoiced twice"));
                } else if (sku == null) {
                    errors.add(new FieldError(l.productElement(), at + (l.sku() != null ? "'" + l.sku() + "' is not a SKU"
                            : "'" + l.supplierSku() + "' is not a supplier SKU of " + po.supplier().value())));
                } else if (!sku.equals(ordered.get(l.purchaseOrderLine()))) {
                    errors.add(new FieldError(l.productElement(), at + sku.value() + " is not the item of line " + l.purchaseOrderLine()
                            + " of " + po.number() + " (" + ordered.get(l.purchaseOrderLine()).value() + ")"));
                } else {
                    lines.add(new SupplierInvoice.Line(lines.size() + 1, l.purchaseOrderLine(), sku, l.supplierSku(), l.quantity(), l.unit(),
                            l.unitPrice(), Invoice810.amount(l.amountCents())));
                }
            }
            kept.add(new SupplierInvoice(Ids.newId(), po.supplier(), inv.invoiceNumber(), inv.invoiceDate(), po.id(), po.number(),
                    inv.purchaseOrderDate(), po.currency(), Invoice810.amount(inv.totalCents()), List.copyOf(lines), control, now, actor.name()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<Applied> applied = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            SupplierInvoice invoice = kept.get(i);
            invoices.insert(invoice);
            edi.record(Ids.newId(), "IN", "810", control, interchange.senderId(), invoice.purchaseOrder(), now, actor.name());
            applied.add(new Applied(interchange.invoices().get(i).controlNumber(), "810", invoice.purchaseOrder(), invoice.purchaseOrderNumber(),
                    procurement.get(invoice.purchaseOrder()).status(), null, null, null, invoice.id(), invoice.lines().size()));
        }
        return new Received(interchange.senderId(), interchange.controlNumber(), applied);
    }

    /** Our SKU as given, or the one the supplier sells as {@code supplierSku}; null when neither is known. */
    private static Sku sku(String sku, String supplierSku, List<SupplierItem> terms) {
        if (sku != null) {
            return Sku.isValid(sku) ? new Sku(sku) : null;
        }
        return terms.stream().filter(t -> supplierSku.equals(t.supplierSku())).map(SupplierItem::sku).findFirst().orElse(null);
    }

    private static Sku sku(ShipNotice856.Item item, List<SupplierItem> terms) {
        return sku(item.sku(), item.supplierSku(), terms);
    }

    /** A fault of {@link AdvanceShipNotices#create} named after the segment and element it came from. */
    private static FieldError shipNoticeFault(FieldError f, ShipNotice856.Shipment s, ShipNotice856.Order o, String set) {
        String field = f.field();
        if (field.startsWith("lines[")) {
            int i = Integer.parseInt(field.substring(6, field.indexOf(']')));
            String element = field.endsWith(".quantity") ? "SN102" : "LIN";
            return new FieldError(element, "segment " + o.items().get(i).position() + set + f.message());
        }
        return switch (field) {
            case "shipmentId" -> new FieldError("BSN02", "segment " + s.bsnPosition() + set + f.message());
            case "carrier" -> new FieldError("TD5", "segment " + s.bsnPosition() + set + f.message());
            case "purchaseOrder" -> new FieldError("PRF01", "segment " + o.position() + set + f.message());
            default -> new FieldError(field, "segment " + o.position() + set + f.message());
        };
    }
}
