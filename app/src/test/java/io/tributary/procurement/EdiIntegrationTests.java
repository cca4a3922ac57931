package io.tributary.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.procurement.domain.X12UnitTests;
import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EdiIntegrationTests extends IntegrationTest {

    static final String X12 = "application/edi-x12";

    Api admin;
    Fixtures f;
    Api buyer;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
    }

    /** A supplier trading by EDI under {@code ediId}, selling {@code skus} as ACME-1, ACME-2, ... */
    String supplier(String ediId, String... skus) {
        String code = Api.unique("SUP");
        Map<String, Object> body = ProcurementIntegrationTests.supplierBody("EUR", "0");
        body.put("ediId", ediId);
        assertThat(buyer.put("/suppliers/" + code, body).expect(201).json().path("ediId").asString()).isEqualTo(ediId);
        for (int i = 0; i < skus.length; i++) {
            Map<String, Object> terms = ProcurementIntegrationTests.itemTerms("2.50", 5, false);
            terms.put("supplierSku", "ACME-" + (i + 1));
            buyer.put("/suppliers/" + code + "/items/" + skus[i], terms).expect(201);
        }
        return code;
    }

    static String ediId() {
        return "E" + ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L);
    }

    /** An approved order (within the buyer's authority) of 10 and 20 units of two items. */
    JsonNode approved(String supplier, String location, String sku1, String sku2) {
        String id = buyer.post("/purchase-orders", ProcurementIntegrationTests.order(supplier, location, sku1, 10, "2.50", sku2, 20, "3.75"))
                .expect(201).json().path("id").asString();
        assertThat(buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json().path("status").asString()).isEqualTo("APPROVED");
        return admin.get("/purchase-orders/" + id).expect(200).json();
    }

    /** An 855 from {@code sender} for {@code number}; each ack is "PO1 line*ACK elements", e.g. "1*IA*10*EA*068*20261201". */
    static String ack855(String sender, String number, String... acks) {
        List<String> body = new ArrayList<>();
        body.add("ST*855*0001");
        body.add("BAK*00*AC*" + number + "*20261125");
        for (String a : acks) {
            String[] parts = a.split("\\*", 2);
            body.add("PO1*" + parts[0] + "*1*EA");
            body.add("ACK*" + parts[1]);
        }
        body.add("CTT*" + acks.length);
        body.add("SE*" + (body.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*%-15s*ZZ*TRIBUTARY      *261125*0930*U*00401*000000077*0*P*>~\n".formatted(sender)
                + "GS*PR*" + sender + "*TRIBUTARY*20261125*0930*77*X*004010~\n"
                + String.join("~\n", body) + "~\nGE*1*77~\nIEA*1*000000077~\n";
    }

    @Test
    void anApprovedOrderIsSentAsAn850AndAnAcknowledgementComesBackAsAn855() throws Exception {
        String ediId = ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String location = f.location();
        String supplier = supplier(ediId, sku1, sku2);
        JsonNode po = approved(supplier, location, sku1, sku2);
        String id = po.path("id").asString();
        String number = po.path("number").asString();

        Api.Response first = buyer.get("/purchase-orders/" + id + "/edi/850").expect(200);
        assertThat(first.header("Content-Type")).startsWith(X12);
        List<List<String>> s = X12UnitTests.segments(first.body());
        assertThat(s.get(0).get(8)).isEqualTo("%-15s".formatted(ediId));
        assertThat(s.get(3)).containsExactly("BEG", "00", "SA", number, "", po.path("createdAt").asString().substring(0, 10).replace("-", ""));
        assertThat(s.get(4)).containsExactly("CUR", "BY", "EUR");
        assertThat(s.get(5)).containsExactly("REF", "VR", supplier);
        assertThat(s.stream().filter(seg -> seg.get(0).equals("N1")).map(seg -> seg.get(1) + ":" + seg.get(4))).containsExactly("BY:TRIBUTARY",
                "ST:" + location);
        assertThat(s.stream().filter(seg -> seg.get(0).equals("PO1"))).containsExactly(
                List.of("PO1", "1", "10", "EA", "2.5", "", "BP", sku1, "VP", "ACME-1"),
                List.of("PO1", "2", "20", "EA", "3.75", "", "BP", sku2, "VP", "ACME-2"));
        assertThat(s.stream().filter(seg -> seg.get(0).equals("CTT")).findFirst().orElseThrow()).containsExactly("CTT", "2", "30");
        long control1 = Long.parseLong(s.get(0).get(13));
        long control2 = Long.parseLong(X12UnitTests.segments(buyer.get("/purchase-orders/" + id + "/edi/850").expect(200).body()).get(0).get(13));
        assertThat(control2).isGreaterThan(control1);

        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        String x12 = ack855(ediId, number, "1*IA*10*EA*068*" + po.path("lines").get(0).path("expectedDate").asString().replace("-", ""),
                "2*IQ*15*EA*068*20261231");
        JsonNode applied = buyer.send("POST", "/edi/inbound", x12, X12).expect(200).json();
        assertThat(applied.path("sender").asString()).isEqualTo(ediId);
        assertThat(applied.path("appliedTo").get(0).path("number").asString()).isEqualTo(number);
        assertThat(applied.path("appliedTo").get(0).path("status").asString()).isEqualTo("ACKNOWLEDGED");

        JsonNode after = admin.get("/purchase-orders/" + id).expect(200).json();
        assertThat(after.path("lines").get(0).path("confirmedQuantity").asLong()).isEqualTo(10);
        assertThat(after.path("lines").get(1).path("confirmedQuantity").asLong()).isEqualTo(15);
        assertThat(after.path("lines").get(1).path("promisedDate").asString()).isEqualTo("2026-12-31");
        JsonNode cases = admin.get("/exceptions?type=SUPPLIER_ACKNOWLEDGEMENT_CHANGED&entityType=purchase_order&entityId=" + id)
                .expect(200).json().path("items");
        assertThat(cases).hasSize(1);
    }

    @Test
    void aBrokenOrMisdirectedAcknowledgementIsRefusedNamingSegmentAndElementAndChangesNothing() {
        String ediId = ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String supplier = supplier(ediId, sku1, sku2);
        JsonNode po = approved(supplier, f.location(), sku1, sku2);
        String id = po.path("id").asString();
        String number = po.path("number").asString();
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);

        Api.Response tooLong = buyer.send("POST", "/edi/inbound", ack855(ediId, number, "1*IA*10", "2*IQ*1234567890123456"), X12);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.errorFields()).containsExactly("ACK02");
        assertThat(tooLong.json().path("errors").get(0).path("message").asString()).startsWith("segment 6 of transaction set 0001");

        assertThat(buyer.send("POST", "/edi/inbound", ack855(ediId, "PO-999999999", "1*IA*10"), X12).errorFields()).containsExactly("BAK03");
        assertThat(buyer.send("POST", "/edi/inbound", ack855(ediId, number, "3*IA*10"), X12).errorFields()).containsExactly("PO101");
        assertThat(buyer.send("POST", "/edi/inbound", ack855(ediId(), number, "1*IA*10"), X12).errorFields()).containsExactly("ISA06");
        assertThat(buyer.send("POST", "/edi/inbound", ack855(ediId, number, "1*IA*10").replace("GE*1*77", "GE*1*78"), X12).errorFields())
                .contains("GE02");

        JsonNode unchanged = admin.get("/purchase-orders/" + id).expect(200).json();
        assertThat(unchanged.path("status").asString()).isEqualTo("SENT");
        assertThat(unchanged.path("lines").get(0).path("confirmedQuantity").isMissingNode()
                || unchanged.path("lines").get(0).path("confirmedQuantity").isNull()).isTrue();
    }

    @Test
    void onlyBuyersReadThe850AndSendInboundEdiAndADraftHasNo850() {
        String ediId = ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String supplier = supplier(ediId, sku1, sku2);
        String draft = buyer.post("/purchase-orders", ProcurementIntegrationTests.order(supplier, f.location(), sku1, 1, "1.00"))
                .expect(201).json().path("id").asString();
        assertThat(buyer.get("/purchase-orders/" + draft + "/edi/850").problemSlug()).isEqualTo("invalid-transition");
        Api viewer = admin.withKey("VIEWER", null);
        Api approver = admin.withKey("APPROVER", null);
        assertThat(viewer.get("/purchase-orders/" + draft + "/edi/850").status()).isEqualTo(403);
        assertThat(approver.send("POST", "/edi/inbound", ack855(ediId, "PO-1", "1*IA"), X12).status()).isEqualTo(403);

        Map<String, Object> noEdi = new LinkedHashMap<>(ProcurementIntegrationTests.supplierBody("EUR", "0"));
        String plain = Api.unique("SUP");
        buyer.put("/suppliers/" + plain, noEdi).expect(201);
        JsonNode po = approved(plain, f.location(), sku1, sku2);
        assertThat(buyer.get("/purchase-orders/" + po.path("id").asString() + "/edi/850").problemSlug()).isEqualTo("supplier-without-edi");
    }
}
