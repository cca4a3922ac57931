package io.tributary.procurement;

import io.tributary.access.Actor;
import io.tributary.network.Location;
import io.tributary.network.Network;
import io.tributary.procurement.domain.Acknowledgement855;
import io.tributary.procurement.domain.PurchaseOrder850;
import io.tributary.procurement.persistence.JdbcEdi;
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
import java.util.HashSet;
import java.util.List;
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
 * supplier of the order) refuses the whole interchange with 400 and changes nothing.
 */
@Service
public class SupplierEdi {

    private static final Set<PurchaseOrderStatus> SENDABLE = EnumSet.of(PurchaseOrderStatus.APPROVED, PurchaseOrderStatus.SENT,
            PurchaseOrderStatus.ACKNOWLEDGED, PurchaseOrderStatus.PARTIALLY_RECEIVED, PurchaseOrderStatus.RECEIVED,
            PurchaseOrderStatus.CLOSED);

    private final Procurement procurement;
    private final JdbcSuppliers suppliers;
    private final JdbcEdi edi;
    private final Network network;
    private final Clock clock;
    private final String senderQualifier;
    private final String senderId;
    private final String buyerName;
    private final char usage;

    SupplierEdi(Procurement procurement, JdbcSuppliers suppliers, JdbcEdi edi, Network network, Clock clock,
                @Value("${tributary.edi.sender-qualifier:ZZ}") String senderQualifier,
                @Value("${tributary.edi.sender-id:TRIBUTARY}") String senderId,
                @Value("${tributary.edi.buyer-name:Tributary}") String buyerName,
                @Value("${tributary.edi.usage:P}") char usage) {
        this.procurement = procurement;
        this.suppliers = suppliers;
        this.edi = edi;
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

    /** What one transaction set of an inbound interchange was applied to. */
    public record Applied(String transactionSet, String type, UUID purchaseOrder, String number, PurchaseOrderStatus status,
                          int linesAcknowledged) {
    }

    /** The outcome of an inbound interchange: who sent it, its control number and what each transaction set did. */
    public record Received(String sender, String interchange, List<Applied> appliedTo) {
    }

    /** Reads an interchange of 855s and applies every one, or none (400 naming the segment and element at fault). */
    @Transactional
    public Received receive(String x12, Actor actor) {
        Acknowledgement855.Interchange interchange = Acknowledgement855.read(x12 == null ? "" : x12);
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
                applied.add(new Applied(t.controlNumber(), "855", after.id(), after.number(), after.status(), answers.size()));
            });
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        steps.forEach(Runnable::run);
        return new Received(interchange.senderId(), interchange.controlNumber(), applied);
    }
}
