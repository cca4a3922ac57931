package io.tributary.procurement.domain;

import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.xlate.edi.schema.EDISchemaException;
import io.xlate.edi.schema.Schema;
import io.xlate.edi.schema.SchemaFactory;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamException;
import io.xlate.edi.stream.EDIStreamReader;
import io.xlate.edi.stream.Location;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What every inbound X12 reader shares: one read of one interchange with StAEDI, the envelope
 * checked by StAEDI's control schema and each transaction set by the reader's own schema, the
 * simple elements of each segment collected by position, the ISA sender, receiver and control
 * number kept, and every fault gathered as a field named after the element ({@code ACK02}) or
 * segment ({@code N9}) with the segment's position in its transaction set (ST is 1) or, for
 * envelope segments, in the interchange (ISA is 1). A reader is used once; the subclass gives the
 * meaning of each segment in {@link #segment()}.
 */
abstract class X12Reader {

    static final DateTimeFormatter CCYYMMDD = DateTimeFormatter.BASIC_ISO_DATE;

    final List<FieldError> errors = new ArrayList<>();
    private final List<String> elements = new ArrayList<>();
    private final Schema schema;
    String sender;
    String receiver;
    String control;
    /** The segment being read and its position in the interchange. */
    String tag;
    int position;
    /** The position of the ST of the transaction set being read (0 outside one) and its ST02. */
    int stPosition;
    String stControl;

    private final String group;
    private final String groupRule;
    private final String set;
    private final String setRule;

    /**
     * {@code group} is the GS01 functional identifier and {@code set} the ST01 transaction set this
     * reader accepts; {@code groupRule} and {@code setRule} say so in a fault ("must be PR (...)").
     */
    X12Reader(Schema schema, String group, String groupRule, String set, String setRule) {
        this.schema = schema;
        this.group = group;
        this.groupRule = groupRule;
        this.set = set;
        this.setRule = setRule;
    }

    /** A transaction set begins (after its ST is checked): forget what the previous one held. */
    abstract void startSet();

    /** The meaning of the segment just read ({@link #tag}, its elements through {@link #value}); GS and ST are checked here. */
    abstract void segment();

    /** Whether the interchange held a transaction set this reader keeps. */
    abstract boolean readAny();

    /**
     * Reads {@code text}, then throws {@link ValidationFailed} naming every fault, or, when there is
     * none but no transaction set was kept, naming ST ("the interchange holds no {@code kind} transaction set").
     */
    final void read(String text, String kind) {
        try (EDIStreamReader r = EDIInputFactory.newFactory()
                .createEDIStreamReader(new ByteArrayInputStream(text.getBytes(StandardCharsets.ISO_8859_1)))) {
            run(r);
        } catch (EDIStreamException | RuntimeException e) {
            // The reader stops at an envelope it cannot understand (no ISA, a short ISA, a bad delimiter).
            errors.add(new FieldError(tag == null ? "ISA" : tag, e.getMessage() == null ? "cannot be read" : e.getMessage()));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        if (errors.isEmpty() && !readAny()) {
            errors.add(new FieldError("ST", "the interchange holds no " + kind + " transaction set"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private void run(EDIStreamReader r) throws EDIStreamException {
        while (r.hasNext()) {
            switch (r.next()) {
                case START_TRANSACTION -> r.setTransactionSchema(schema);
                case START_SEGMENT -> {
                    tag = r.getText();
                    position = r.getLocation().getSegmentPosition();
                    elements.clear();
                }
                case ELEMENT_DATA -> {
                    Location at = r.getLocation();
                    if (at.getComponentPosition() <= 1) {
                        while (elements.size() < at.getElementPosition()) {
                            elements.add("");
                        }
                        if (at.getComponentPosition() < 1 && at.getElementOccurrence() <= 1) {
                            elements.set(at.getElementPosition() - 1, r.getText());
                        }
                    }
                }
                case END_SEGMENT -> endSegment();
                case SEGMENT_ERROR -> error(r.getText(), r.getLocation().getSegmentPosition(),
                        r.getText() + " " + words(r.getErrorType().name()));
                case ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> {
                    Location at = r.getLocation();
                    String value = r.getText() == null || r.getText().isEmpty() ? "" : " ('" + r.getText() + "')";
                    error(elementName(at.getSegmentTag(), at.getElementPosition()), at.getSegmentPosition(),
                            words(r.getErrorType().name()) + value);
                }
                default -> {
                }
            }
        }
    }

    private void endSegment() {
        switch (tag) {
            case "ISA" -> {
                sender = value(6).strip();
                receiver = value(8).strip();
                control = value(13);
            }
            case "GS" -> {
                if (!group.equals(value(1))) {
                    error("GS01", position, groupRule + ", not '" + value(1) + "'");
                }
            }
            case "ST" -> {
                stPosition = position;
                stControl = value(2);
                startSet();
                if (!set.equals(value(1))) {
                    error("ST01", position, setRule + ", not '" + value(1) + "'");
                }
            }
            default -> {
            }
        }
        segment();
        if ("SE".equals(tag)) {
            stPosition = 0;
        }
    }

    /** Element {@code element} (1-based) of the segment being read, or "" when it is absent. */
    final String value(int element) {
        return element <= elements.size() ? elements.get(element - 1) : "";
    }

    /** A fault of the field at the segment in {@code segmentPosition} of the interchange. */
    final void error(String field, int segmentPosition, String message) {
        boolean inSet = stPosition > 0 && segmentPosition >= stPosition;
        String where = inSet ? "segment " + (segmentPosition - stPosition + 1) + " of transaction set " + stControl
                : "segment " + segmentPosition + " of the interchange";
        errors.add(new FieldError(field, where + ": " + message));
    }

    /** The position of the segment at {@code segmentPosition} in the transaction set being read (ST is 1). */
    final int inSet(int segmentPosition) {
        return segmentPosition - stPosition + 1;
    }

    /** {@code text} as a date CCYYMMDD, or null after reporting {@code element} of the current segment. */
    final LocalDate date(String text, String element) {
        try {
            return LocalDate.parse(text, CCYYMMDD);
        } catch (DateTimeParseException e) {
            error(element, position, "must be a date CCYYMMDD, not '" + text + "'");
            return null;
        }
    }

    static Schema loadSchema(String resource, String kind) {
        try (InputStream in = X12Reader.class.getResourceAsStream(resource)) {
            return SchemaFactory.newFactory().createSchema(in);
        } catch (IOException | EDISchemaException e) {
            throw new IllegalStateException("the " + kind + " schema cannot be loaded", e);
        }
    }

    private static String elementName(String segmentTag, int element) {
        return (segmentTag == null ? "" : segmentTag) + (element < 10 ? "0" : "") + element;
    }

    private static String words(String errorType) {
        return errorType.toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}
