package io.tributary.procurement.domain;

import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIOutputFactory;
import io.xlate.edi.stream.EDIStreamConstants;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamWriter;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes a purchase order as one X12 004010 850 in its own interchange (ISA/GS/ST ... SE/GE/IEA),
 * with {@code *} between elements, {@code ~} after each segment and {@code >} between components.
 * The interchange and group carry the same control number; the one transaction set is {@code 0001}.
 * Header: BEG (new stand-alone order, its number and date), CUR, REF*VR (our code for the supplier),
 * DTM*002 (the earliest delivery asked), N1*BY (us) and N1*ST (the receiving location). One PO1
 * per line (line number, quantity, unit, unit price, BP our SKU, VP the supplier's SKU when known)
 * with its own DTM*002; CTT with the line count and the quantity hash total.
 */
public final class PurchaseOrder850 {

    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter HHMM = DateTimeFormatter.ofPattern("HHmm");

    private static final Schema CONTROL = controlSchema();

    private PurchaseOrder850() {
    }

    /** Who sends to whom and how: ids are up to 15 characters with their ISA qualifiers; usage is P (production) or T (test). */
    public record Envelope(String senderQualifier, String senderId, String receiverQualifier, String receiverId, long controlNumber,
                           LocalDate date, LocalTime time, char usage) {
    }

    /** A party named in an N1 loop: its name and our code for it (qualifier 92, assigned by the buyer). */
    public record Party(String name, String code) {
    }

    /** One PO1 line; {@code supplierSku} is null when the supplier has no terms for the item. */
    public record Line(int lineNo, long quantity, String unit, BigDecimal unitPrice, String sku, String supplierSku, LocalDate deliveryDate) {
    }

    public record Order(String number, LocalDate date, String currency, String supplierCode, Party buyer, Party shipTo, List<Line> lines) {
    }

    /** The whole interchange as text, one segment per line. */
    public static String write(Envelope e, Order o) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        EDIOutputFactory factory = EDIOutputFactory.newFactory();
        factory.setProperty(EDIOutputFactory.PRETTY_PRINT, true);
        String control = "%09d".formatted(e.controlNumber());
        try (EDIStreamWriter w = factory.createEDIStreamWriter(out, StandardCharsets.US_ASCII.name())) {
            // StAEDI checks the envelope as it is written: counts, control numbers, ISA field sizes.
            w.setControlSchema(CONTROL);
            w.startInterchange();
            segment(w, "ISA", "00", " ".repeat(10), "00", " ".repeat(10), e.senderQualifier(), pad(e.senderId()), e.receiverQualifier(),
                    pad(e.receiverId()), e.date().format(YYMMDD), e.time().format(HHMM), "U", "00401", control, "0",
                    String.valueOf(e.usage()), ">");
            segment(w, "GS", "PO", e.senderId(), e.receiverId(), e.date().format(CCYYMMDD), e.time().format(HHMM),
                    Long.toString(e.controlNumber()), "X", "004010");
            int count = 0;
            count += segment(w, "ST", "850", "0001");
            count += segment(w, "BEG", "00", "SA", o.number(), "", o.date().format(CCYYMMDD));
            count += segment(w, "CUR", "BY", o.currency());
            count += segment(w, "REF", "VR", o.supplierCode());
            LocalDate earliest = o.lines().stream().map(Line::deliveryDate).min(LocalDate::compareTo).orElse(o.date());
            count += segment(w, "DTM", "002", earliest.format(CCYYMMDD));
            count += segment(w, "N1", "BY", o.buyer().name(), "92", o.buyer().code());
            count += segment(w, "N1", "ST", o.shipTo().name(), "92", o.shipTo().code());
            long hash = 0;
            for (Line l : o.lines()) {
                count += l.supplierSku() == null
                        ? segment(w, "PO1", Integer.toString(l.lineNo()), Long.toString(l.quantity()), l.unit(), decimal(l.unitPrice()), "",
                        "BP", l.sku())
                        : segment(w, "PO1", Integer.toString(l.lineNo()), Long.toString(l.quantity()), l.unit(), decimal(l.unitPrice()), "",
                        "BP", l.sku(), "VP", l.supplierSku());
                count += segment(w, "DTM", "002", l.deliveryDate().format(CCYYMMDD));
                hash += l.quantity();
            }
            count += segment(w, "CTT", Integer.toString(o.lines().size()), Long.toString(hash));
            segment(w, "SE", Integer.toString(count + 1), "0001");
            segment(w, "GE", "1", Long.toString(e.controlNumber()));
            segment(w, "IEA", "1", control);
            w.endInterchange();
        } catch (EDIStreamException ex) {
            throw new IllegalStateException("could not write the 850 of " + o.number(), ex);
        }
        return out.toString(StandardCharsets.US_ASCII);
    }

    /** Writes one segment, leaving out trailing empty elements; returns 1 (it counts towards SE01). */
    private static int segment(EDIStreamWriter w, String tag, String... elements) throws EDIStreamException {
        w.writeStartSegment(tag);
        for (String value : elements) {
            if (value.isEmpty()) {
                w.writeEmptyElement();
            } else {
                w.writeElement(value);
            }
        }
        w.writeEndSegment();
        return 1;
    }

    private static Schema controlSchema() {
        try {
            return SchemaFactory.newFactory().getControlSchema(EDIStreamConstants.Standards.X12, new String[] {"00401"});
        } catch (EDISchemaException e) {
            throw new IllegalStateException("the X12 00401 control schema cannot be loaded", e);
        }
    }

    private static String pad(String id) {
        return "%-15s".formatted(id);
    }

    /** An X12 real number: no exponent, no trailing zeros after the decimal point. */
    static String decimal(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
    }
}
