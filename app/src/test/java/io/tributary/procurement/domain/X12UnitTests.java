package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.xlate.edi.stream.EDIInputFactory;
import io.xlate.edi.stream.EDIStreamEvent;
import io.xlate.edi.stream.EDIStreamReader;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class X12UnitTests {

    static final PurchaseOrder850.Envelope ENVELOPE = new PurchaseOrder850.Envelope("ZZ", "TRIBUTARY", "ZZ", "ACMEEDI", 42,
            LocalDate.of(2026, 3, 9), LocalTime.of(14, 5), 'T');
    static final PurchaseOrder850.Order ORDER = new PurchaseOrder850.Order("PO-000007", LocalDate.of(2026, 3, 9), "EUR", "ACME",
            new PurchaseOrder850.Party("Tributary Retail", "TRIBUTARY"), new PurchaseOrder850.Party("Central DC", "DC-1"),
            List.of(new PurchaseOrder850.Line(1, 120, "EA", new BigDecimal("2.5000"), "SKU-1", "A-100", LocalDate.of(2026, 3, 20)),
                    new PurchaseOrder850.Line(2, 6, "EA", new BigDecimal("100"), "SKU-2", null, LocalDate.of(2026, 3, 16))));

    /** Every segment of an interchange as its elements (index 0 the tag), read back by StAEDI. */
    public static List<List<String>> segments(String x12) throws Exception {
        List<List<String>> segments = new ArrayList<>();
        try (EDIStreamReader r = EDIInputFactory.newFactory().createEDIStreamReader(new ByteArrayInputStream(x12.getBytes(StandardCharsets.US_ASCII)))) {
            List<String> current = null;
            while (r.hasNext()) {
                EDIStreamEvent e = r.next();
                switch (e) {
                    case START_SEGMENT -> {
                        current = new ArrayList<>();
                        current.add(r.getText());
                    }
                    case ELEMENT_DATA -> {
                        while (current.size() < r.getLocation().getElementPosition()) {
                            current.add("");
                        }
                        current.add(r.getText());
                    }
                    case END_SEGMENT -> segments.add(current);
                    case SEGMENT_ERROR, ELEMENT_DATA_ERROR, ELEMENT_OCCURRENCE_ERROR -> throw new AssertionError(e + " " + r.getErrorType()
                            + " at " + r.getLocation());
                    default -> {
                    }
                }
            }
        }
        return segments;
    }

    @Test
    void the850ReadsBackFieldByFieldWithAValidEnvelope() throws Exception {
        String x12 = PurchaseOrder850.write(ENVELOPE, ORDER);

        List<List<String>> s = segments(x12);

        assertThat(s).extracting(l -> l.get(0))
                .containsExactly("ISA", "GS", "ST", "BEG", "CUR", "REF", "DTM", "N1", "N1", "PO1", "DTM", "PO1", "DTM", "CTT", "SE", "GE", "IEA");
        assertThat(s.get(0)).containsExactly("ISA", "00", "          ", "00", "          ", "ZZ", "TRIBUTARY      ", "ZZ", "ACMEEDI        ",
                "260309", "1405", "U", "00401", "000000042", "0", "T", ">");
        assertThat(s.get(1)).containsExactly("GS", "PO", "TRIBUTARY", "ACMEEDI", "20260309", "1405", "42", "X", "004010");
        assertThat(s.get(2)).containsExactly("ST", "850", "0001");
        assertThat(s.get(3)).containsExactly("BEG", "00", "SA", "PO-000007", "", "20260309");
        assertThat(s.get(4)).containsExactly("CUR", "BY", "EUR");
        assertThat(s.get(5)).containsExactly("REF", "VR", "ACME");
        assertThat(s.get(6)).containsExactly("DTM", "002", "20260316");
        assertThat(s.get(7)).containsExactly("N1", "BY", "Tributary Retail", "92", "TRIBUTARY");
        assertThat(s.get(8)).containsExactly("N1", "ST", "Central DC", "92", "DC-1");
        assertThat(s.get(9)).containsExactly("PO1", "1", "120", "EA", "2.5", "", "BP", "SKU-1", "VP", "A-100");
        assertThat(s.get(10)).containsExactly("DTM", "002", "20260320");
        assertThat(s.get(11)).containsExactly("PO1", "2", "6", "EA", "100", "", "BP", "SKU-2");
        assertThat(s.get(12)).containsExactly("DTM", "002", "20260316");
        assertThat(s.get(13)).containsExactly("CTT", "2", "126");
        assertThat(s.get(14)).containsExactly("SE", "13", "0001");
        assertThat(s.get(15)).containsExactly("GE", "1", "42");
        assertThat(s.get(16)).containsExactly("IEA", "1", "000000042");
        assertThat(x12).startsWith("ISA*00*").contains("~");
    }

    static final String ACK_855 = """
            ISA*00*          *00*          *ZZ*ACMEEDI        *ZZ*TRIBUTARY      *260310*0930*U*00401*000000811*0*P*>~
            GS*PR*ACMEEDI*TRIBUTARY*20260310*0930*811*X*004010~
            ST*855*0001~
            BAK*00*AC*PO-000007*20260310~
            REF*VR*ACME~
            N1*ST*Central DC*92*DC-1~
            PO1*1*120*EA*2.5**BP*SKU-1*VP*A-100~
            ACK*IA*120*EA*068*20260320~
            PO1*2*6*EA*100**BP*SKU-2~
            DTM*068*20260318~
            ACK*IQ*4*EA~
            CTT*2*124~
            SE*11*0001~
            GE*1*811~
            IEA*1*000000811~
            """;

    @Test
    void readsAnAcknowledgementWithQuantitiesAndDates() {
        Acknowledgement855.Interchange i = Acknowledgement855.read(ACK_855);

        assertThat(i.senderId()).isEqualTo("ACMEEDI");
        assertThat(i.controlNumber()).isEqualTo("000000811");
        assertThat(i.transactionSets()).singleElement().satisfies(t -> {
            assertThat(t.purchaseOrderNumber()).isEqualTo("PO-000007");
            assertThat(t.lines()).containsExactly(
                    new Acknowledgement855.Line(1, 5, 120L, LocalDate.of(2026, 3, 20), List.of("IA")),
                    new Acknowledgement855.Line(2, 7, 4L, LocalDate.of(2026, 3, 18), List.of("IQ")));
        });
    }

    @Test
    void readsTheDelimitersTheIsaDeclares() {
        String other = ACK_855.replace('*', '|').replace("~\n", "\n").replace("|P|>", "|P|^");

        Acknowledgement855.Interchange i = Acknowledgement855.read(other);

        assertThat(i.transactionSets().getFirst().lines()).extracting(Acknowledgement855.Line::quantity).containsExactly(120L, 4L);
    }

    @Test
    void aRejectedLineConfirmsNothing() {
        String x12 = ACK_855.replace("ACK*IQ*4*EA~", "ACK*IR~");

        assertThat(Acknowledgement855.read(x12).transactionSets().getFirst().lines().get(1).quantity()).isZero();
    }

    @Test
    void aSplitScheduleAddsUpItsQuantitiesAndIsPromisedAtItsLatestDate() {
        String x12 = ACK_855.replace("DTM*068*20260318~\nACK*IQ*4*EA~\nCTT*2*124~\nSE*11*0001~",
                "ACK*IA*4*EA~\nDTM*068*20260318~\nACK*IB*2*EA*068*20260401~\nCTT*2*126~\nSE*12*0001~");

        assertThat(Acknowledgement855.read(x12).transactionSets().getFirst().lines().get(1))
                .isEqualTo(new Acknowledgement855.Line(2, 7, 6L, LocalDate.of(2026, 4, 1), List.of("IA", "IB")));
    }

    static List<FieldError> errorsOf(String x12) {
        try {
            Acknowledgement855.read(x12);
        } catch (ValidationFailed e) {
            return e.errors();
        }
        throw new AssertionError("accepted: " + x12);
    }

    @Test
    void namesAnElementThatIsTooLong() {
        assertThat(errorsOf(ACK_855.replace("ACK*IQ*4*EA~", "ACK*IQ*1234567890123456*EA~")))
                .extracting(FieldError::field).contains("ACK02");
        assertThat(errorsOf(ACK_855.replace("ACK*IQ*4*EA~", "ACK*IQ*1234567890123456*EA~")).getFirst().message())
                .startsWith("segment 9 of transaction set 0001");
    }

    @Test
    void namesASegmentOutOfOrder() {
        assertThat(errorsOf(ACK_855.replace("BAK*00*AC*PO-000007*20260310~\nREF*VR*ACME~", "REF*VR*ACME~\nBAK*00*AC*PO-000007*20260310~")))
                .extracting(FieldError::field).contains("BAK");
    }

    @Test
    void namesAnUnknownStatusANonWholeQuantityAndAWrongCount() {
        assertThat(errorsOf(ACK_855.replace("ACK*IQ*4*EA~", "ACK*ZZ*4*EA~"))).extracting(FieldError::field).containsExactly("ACK01");
        assertThat(errorsOf(ACK_855.replace("ACK*IQ*4*EA~", "ACK*IQ*4.5*EA~"))).extracting(FieldError::field).containsExactly("ACK02");
        assertThat(errorsOf(ACK_855.replace("CTT*2*124~", "CTT*3*124~"))).extracting(FieldError::field).containsExactly("CTT01");
    }

    @Test
    void refusesABrokenEnvelope() {
        assertThat(errorsOf(ACK_855.replace("SE*11*0001~", "SE*10*0001~"))).extracting(FieldError::field).contains("SE01");
        assertThat(errorsOf(ACK_855.replace("IEA*1*000000811~", "IEA*1*000000812~"))).extracting(FieldError::field).contains("IEA02");
        assertThat(errorsOf("BAK*00*AC*PO-000007*20260310~")).extracting(FieldError::field).containsExactly("ISA");
        assertThat(errorsOf(ACK_855.replace("ST*855*0001~", "ST*856*0001~"))).extracting(FieldError::field).contains("ST01");
    }
}
