package io.tributary.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EdiInvoiceIntegrationTests extends IntegrationTest {

    static final String X12 = EdiIntegrationTests.X12;

    Api admin;
    Fixtures f;
    Api buyer;
    String ediId;
    String sku1;
    String sku2;
    String id;
    String number;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        EdiShipNoticeIntegrationTests notices = new EdiShipNoticeIntegrationTests();
        notices.admin = admin;
        notices.f = f;
        notices.buyer = buyer;
        ediId = EdiIntegrationTests.ediId();
        sku1 = f.item();
        sku2 = f.item();
        // 10 of sku1 at 2.50 and 20 of sku2 at 3.75, in EUR; the supplier sells sku2 as ACME-2
        id = notices.sent(notices.supplier(ediId, sku1, sku2), sku1, sku2);
        number = EdiShipNoticeIntegrationTests.number(buyer, id);
    }

    /**
     * An invoice as suppliers send them: remit-to and bill-to parties, terms of 2% 10 net 30, the
     * ship date, one line by our SKU and the supplier's, one by the supplier's only, total and count.
     */
    static List<String> invoice(String invoiceNumber, String poNumber, String sku1, String q1, String q2, String totalCents) {
        return new ArrayList<>(List.of(
                "BIG*20261201*" + invoiceNumber + "*20261120*" + poNumber,
                "CUR*SE*EUR",
                "REF*IA*VEND0042",
                "N1*RE*Acme Supplies*92*ACME",
                "N3*1 Industrial Way",
                "N4*Rotterdam**3011AA*NL",
                "N1*BT*Tributary*92*TRIBUTARY",
                "ITD*01*3*2**10**30",
                "DTM*011*20261125",
                "IT1*1*" + q1 + "*EA*2.5**BP*" + sku1 + "*VP*ACME-1",
                "PID*F****Blue widget",
                "IT1*2*" + q2 + "*EA*3.75**VP*ACME-2",
                "TDS*" + totalCents,
                "CTT*2"));
    }

    List<String> good(String invoiceNumber) {
        return invoice(invoiceNumber, number, sku1, "10", "20", "10000");
    }

    static String interchange(String sender, List<String> segments) {
        return EdiShipNoticeIntegrationTests.interchange(sender, "IN", "810", segments);
    }

    @Test
    void anInvoiceArrivesAsAn810AndIsKeptForMatching() {
        String invoiceNumber = Api.unique("INV");
        JsonNode applied = buyer.send("POST", "/edi/inbound", interchange(ediId, good(invoiceNumber)), X12).expect(200).json();
        JsonNode to = applied.path("appliedTo").get(0);
        assertThat(to.path("type").asString()).isEqualTo("810");
        assertThat(to.path("purchaseOrder").asString()).isEqualTo(id);
        assertThat(to.path("linesInvoiced").asInt()).isEqualTo(2);

        Api finance = admin.withKey("FINANCE", null);
        JsonNode invoice = finance.get("/invoices/" + to.path("invoice").asString()).expect(200).json();
        assertThat(invoice.path("invoiceNumber").asString()).isEqualTo(invoiceNumber);
        assertThat(invoice.path("invoiceDate").asString()).isEqualTo("2026-12-01");
        assertThat(invoice.path("purchaseOrder").asString()).isEqualTo(id);
        assertThat(invoice.path("purchaseOrderNumber").asString()).isEqualTo(number);
        assertThat(invoice.path("purchaseOrderDate").asString()).isEqualTo("2026-11-20");
        assertThat(invoice.path("currency").asString()).isEqualTo("EUR");
        assertThat(invoice.path("total").asString()).isEqualTo("100.00");
        assertThat(invoice.path("interchange").asLong()).isEqualTo(412);
        JsonNode lines = invoice.path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("purchaseOrderLine").asInt()).isEqualTo(1);
        assertThat(lines.get(0).path("sku").asString()).isEqualTo(sku1);
        assertThat(lines.get(0).path("quantity").asLong()).isEqualTo(10);
        assertThat(lines.get(0).path("unit").asString()).isEqualTo("EA");
        assertThat(lines.get(0).path("unitPrice").asString()).isEqualTo("2.5000");
        assertThat(lines.get(0).path("amount").asString()).isEqualTo("25.00");
        assertThat(lines.get(1).path("sku").asString()).isEqualTo(sku2);
        assertThat(lines.get(1).path("supplierSku").asString()).isEqualTo("ACME-2");
        assertThat(lines.get(1).path("amount").asString()).isEqualTo("75.00");

        assertThat(buyer.get("/invoices?purchaseOrder=" + id).expect(200).json().path("items")).hasSize(1);
        admin.withKey("WAREHOUSE", null).get("/invoices?purchaseOrder=" + id).expect(403);
        admin.withKey("APPROVER", null).get("/invoices/" + invoice.path("id").asString()).expect(403);
    }

    @Test
    void aSecondInvoiceUnderTheSameNumberIsRefused() {
        String x12 = interchange(ediId, good("INV-1"));
        buyer.send("POST", "/edi/inbound", x12, X12).expect(200);
        Api.Response again = buyer.send("POST", "/edi/inbound", x12, X12);
        assertThat(again.errorFields()).containsExactly("BIG02");
        assertThat(again.json().path("errors").get(0).path("message").asString()).startsWith("segment 2 of transaction set 0001");
        assertThat(buyer.get("/invoices?purchaseOrder=" + id).expect(200).json().path("items")).hasSize(1);
    }

    @Test
    void aBrokenInvoiceIsRefusedNamingSegmentAndElementAndKeepsNothing() {
        Api.Response wrongTotal = buyer.send("POST", "/edi/inbound", interchange(ediId, invoice("INV-2", number, sku1, "10", "20", "9999")), X12);
        assertThat(wrongTotal.status()).isEqualTo(400);
        assertThat(wrongTotal.errorFields()).containsExactly("TDS01");
        assertThat(wrongTotal.json().path("errors").get(0).path("message").asString())
                .startsWith("segment 14 of transaction set 0001").contains("99.99").contains("100.00");

        assertThat(refused(ediId, invoice("INV-2", number, sku1, "10", "19", "9625"))).isEmpty(); // a short invoice is fine
        assertThat(refused(ediId, invoice("INV-3", "PO-999999999", sku1, "10", "20", "10000"))).containsExactly("BIG04");
        assertThat(refused(EdiIntegrationTests.ediId(), good("INV-3"))).containsExactly("ISA06");
        assertThat(refused(ediId, invoice("INV-3", number, sku1, "1.5", "20", "7875"))).containsExactly("IT102");
        assertThat(refused(ediId, invoice("INV-3", number, sku2, "10", "20", "10000"))).containsExactly("IT107");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "IT1*2*20*EA*3.75**VP*ACME-2",
                "IT1*3*20*EA*3.75**VP*ACME-2"))).containsExactly("IT101");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "IT1*2*20*EA*3.75**VP*ACME-2",
                "IT1*2*20*EA*3.75**VP*ACME-9"))).containsExactly("IT107");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "IT1*2*20*EA*3.75**VP*ACME-2",
                "IT1*2*20*EA*3.75"))).containsExactly("IT1");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "CUR*SE*EUR", "CUR*SE*USD"))).containsExactly("CUR02");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "CTT*2", "CTT*3"))).containsExactly("CTT01");
        assertThat(refused(ediId, EdiShipNoticeIntegrationTests.replace(good("INV-3"), "BIG*20261201*INV-3*20261120*" + number,
                "BIG*20261131*INV-3*20261120*" + number))).contains("BIG01");
        List<String> untotalled = good("INV-3");
        untotalled.remove("TDS*10000");
        assertThat(refused(ediId, untotalled)).contains("TDS");
        List<String> charged = good("INV-3");
        charged.add(charged.indexOf("CTT*2"), "SAC*C*D240***500");
        assertThat(refused(ediId, charged)).contains("SAC");
        Api.Response wrongGroup = buyer.send("POST", "/edi/inbound", EdiShipNoticeIntegrationTests.interchange(ediId, "SH", "810", good("INV-3")), X12);
        assertThat(wrongGroup.errorFields()).containsExactly("GS01");

        // Two invoices in one interchange, the second at fault: neither is kept.
        List<String> second = invoice("INV-5", number, sku1, "10", "20", "10001");
        String two = interchange(ediId, good("INV-4")).replace("GE*1*412", String.join("~\n", stSe("0002", second)) + "~\nGE*2*412");
        Api.Response both = buyer.send("POST", "/edi/inbound", two, X12);
        assertThat(both.errorFields()).containsExactly("TDS01");
        assertThat(both.json().path("errors").get(0).path("message").asString()).startsWith("segment 14 of transaction set 0002");

        assertThat(buyer.get("/invoices?purchaseOrder=" + id).expect(200).json().path("items")).hasSize(1);
    }

    private static List<String> stSe(String control, List<String> segments) {
        List<String> out = new ArrayList<>();
        out.add("ST*810*" + control);
        out.addAll(segments);
        out.add("SE*" + (out.size() + 1) + "*" + control);
        return out;
    }

    /** The fields of a refusal, or none when the invoice was taken. */
    List<String> refused(String sender, List<String> segments) {
        Api.Response r = buyer.send("POST", "/edi/inbound", interchange(sender, segments), X12);
        if (r.status() == 200) {
            return List.of();
        }
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.errorFields();
    }
}
