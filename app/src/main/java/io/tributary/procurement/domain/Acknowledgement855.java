package io.tributary.procurement.domain;

import io.tributary.shared.ValidationFailed;
import io.xlate.edi.schema.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads X12 004010 855 purchase order acknowledgements with StAEDI. The envelope (ISA/GS/ST, their
 * trailers, counts and control numbers) is checked by StAEDI's control schema, the segments and
 * element lengths of the 855 by {@code edi/x12-004010-855.xml}, and the meaning here: a functional
 * group of PR, BAK03 naming the purchase order, PO101 a line number, ACK01 a known status, ACK02 a
 * whole quantity, a promised date in ACK04/05 or a DTM with qualifier 068 (current schedule ship) or
 * 067 (current schedule delivery), and CTT01 the number of PO1 loops. Every fault is reported, not
 * just the first, as a field named after the element ({@code ACK02}) or the segment ({@code N9})
 * with the segment's position in its transaction set (ST is 1) or, for envelope segments, in the
 * interchange (ISA is 1).
 */
public final class Acknowledgement855 {

    /** ACK01 codes that confirm nothing of the line. */
    private static final Set<String> REFUSED = Set.of("IR", "ID", "R1", "R2", "R3", "R4");
    /** ACK01 codes that confirm the line, possibly with another quantity or date. */
    private static final Set<String> CONFIRMED = Set.of("IA", "AC", "AR", "BP", "DR", "IB", "IC", "IE", "IF", "IH", "IP", "IQ", "IS",
            "IW", "SP");
    private static final Set<String> PROMISE_QUALIFIERS = Set.of("068", "067");
    private static final Schema SCHEMA = X12Reader.loadSchema("/edi/x12-004010-855.xml", "855");

    private Acknowledgement855() {
    }

    /** The interchange: who sent it, its control number and its 855s in order. */
    public record Interchange(String senderId, String receiverId, String controlNumber, List<TransactionSet> transactionSets) {
    }

    /** One 855: its ST02, the purchase order number of BAK03 and the acknowledged lines. */
    public record TransactionSet(String controlNumber, String purchaseOrderNumber, int bakPosition, List<Line> lines) {
    }

    /**
     * One PO1 loop: the line number, the confirmed quantity (null: as ordered) and promised date
     * (null: as expected), and the ACK01 statuses given.
     */
    public record Line(int lineNo, int position, Long quantity, LocalDate promisedDate, List<String> statuses) {
    }

    /** Parses {@code text}; throws {@link ValidationFailed} naming every segment and element at fault. */
    public static Interchange read(String text) {
        Parse p = new Parse();
        p.read(text, "855");
        return new Interchange(p.sender, p.receiver, p.control, List.copyOf(p.sets));
    }

    /** The state of one read: what was gathered so far. */
    private static final class Parse extends X12Reader {
        final List<TransactionSet> sets = new ArrayList<>();
        // the transaction set being read
        String poNumber;
        int bakPosition;
        Integer ctt;
        int cttPosition;
        List<Line> lines;
        // the PO1 loop being read
        Integer lineNo;
        int linePosition;
        Long quantity;
        boolean refusedOnly;
        LocalDate promised;
        List<String> statuses;

        Parse() {
            super(SCHEMA, "PR", "must be PR (purchase order acknowledgement)", "855", "must be 855: only purchase order acknowledgements are accepted");
        }

        @Override
        boolean readAny() {
            return !sets.isEmpty();
        }

        @Override
        void startSet() {
            poNumber = null;
            ctt = null;
            lines = new ArrayList<>();
            lineNo = null;
        }

        @Override
        void segment() {
            switch (tag) {
                case "BAK" -> {
                    poNumber = value(3);
                    bakPosition = position;
                }
                case "PO1" -> {
                    endLine();
                    linePosition = position;
                    try {
                        lineNo = Integer.valueOf(value(1));
                        if (lineNo < 1) {
                            throw new NumberFormatException();
                        }
                    } catch (NumberFormatException e) {
                        error("PO101", position, "must be the line number of the purchase order, not '" + value(1) + "'");
                        lineNo = null;
                    }
                    quantity = null;
                    refusedOnly = true;
                    promised = null;
                    statuses = new ArrayList<>();
                }
                case "DTM" -> {
                    if (lineNo != null && PROMISE_QUALIFIERS.contains(value(1))) {
                        promise(date(value(2), "DTM02"));
                    }
                }
                case "ACK" -> ack();
                case "CTT" -> {
                    cttPosition = position;
                    try {
                        ctt = Integer.valueOf(value(1));
                    } catch (NumberFormatException e) {
                        ctt = null;
                    }
                }
                case "SE" -> {
                    endLine();
                    if (ctt != null && ctt != lines.size()) {
                        error("CTT01", cttPosition, "says " + ctt + " line items but the transaction set has " + lines.size());
                    }
                    if (poNumber != null) {
                        sets.add(new TransactionSet(stControl, poNumber, bakPosition - stPosition + 1, List.copyOf(lines)));
                    }
                }
                default -> {
                }
            }
        }

        private void ack() {
            if (statuses == null) {
                return; // out of place: the schema reports it
            }
            String status = value(1);
            if (!REFUSED.contains(status) && !CONFIRMED.contains(status)) {
                error("ACK01", position, "is not a line item status code this system understands: '" + status + "'");
                return;
            }
            statuses.add(status);
            Long q = null;
            if (!value(2).isEmpty()) {
                try {
                    q = new BigDecimal(value(2)).longValueExact();
                    if (q < 0) {
                        throw new ArithmeticException();
                    }
                } catch (NumberFormatException | ArithmeticException e) {
                    error("ACK02", position, "must be a whole quantity of base units, not '" + value(2) + "'");
                    return;
                }
            }
            if (REFUSED.contains(status)) {
                quantity = quantity == null ? 0L : quantity;
                return;
            }
            refusedOnly = false;
            if (q != null) {
                // Several ACKs of one line (e.g. part now, part backordered) add up.
                quantity = quantity == null ? q : quantity + q;
            }
            if (!value(4).isEmpty() || !value(5).isEmpty()) {
                if (!PROMISE_QUALIFIERS.contains(value(4))) {
                    error("ACK04", position, "must be 068 (current schedule ship) or 067 (current schedule delivery) when ACK05 is given");
                } else {
                    promise(date(value(5), "ACK05"));
                }
            }
        }

        /** Several promised dates of one line (a split schedule): the line is complete at the latest. */
        private void promise(LocalDate date) {
            if (date != null && (promised == null || date.isAfter(promised))) {
                promised = date;
            }
        }

        private void endLine() {
            if (lineNo != null && lines != null) {
                Long confirmed = refusedOnly && !statuses.isEmpty() ? Long.valueOf(0) : quantity;
                lines.add(new Line(lineNo, linePosition - stPosition + 1, confirmed, promised, List.copyOf(statuses)));
            }
            lineNo = null;
            statuses = null;
        }
    }
}
