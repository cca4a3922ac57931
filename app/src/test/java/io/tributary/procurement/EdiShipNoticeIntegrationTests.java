package io.tributary.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EdiShipNoticeIntegrationTests extends IntegrationTest {

    static final String X12 = EdiIntegrationTests.X12;

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
        buyer.put("/suppliers/" + code, body).expect(201);
        for (int i = 0; i < skus.length; i++) {
            Map<String, Object> terms = ProcurementIntegrationTests.itemTerms("2.50", 5, false);
            terms.put("supplierSku", "ACME-" + (i + 1));
            buyer.put("/suppliers/" + code + "/items/" + skus[i], terms).expect(201);
        }
        return code;
    }

    /** A sent order of 10 and 20 units of two items: its number. */
    String sent(String supplier, String sku1, String sku2) {
        String id = buyer.post("/purchase-orders", ProcurementIntegrationTests.order(supplier, f.location(), sku1, 10, "2.50", sku2, 20, "3.75"))
                .expect(201).json().path("id").asString();
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        return id;
    }

    static String number(Api api, String id) {
        return api.get("/purchase-orders/" + id).expect(200).json().path("number").asString();
    }

    /** An interchange from {@code sender} in group {@code functionalId} holding one transaction set of {@code segments} (ST to SE added). */
    static String interchange(String sender, String functionalId, String setId, List<String> segments) {
        List<String> body = new ArrayList<>();
        body.add("ST*" + setId + "*0001");
        body.addAll(segments);
        body.add("SE*" + (body.size() + 1) + "*0001");
        return "ISA*00*          *00*          *ZZ*%-15s*ZZ*TRIBUTARY      *261125*1410*U*00401*000000412*0*P*>~\n".formatted(sender)
                + "GS*" + functionalId + "*" + sender + "*TRIBUTARY*20261125*1410*412*X*004010~\n"
                + String.join("~\n", body) + "~\nGE*1*412~\nIEA*1*000000412~\n";
    }

    /**
     * A ship notice as suppliers send them: the shipment with its weight, carrier, bill of lading,
     * ship and delivery dates and ship-to; one order; a pallet; and two items, one by our SKU, one by
     * the supplier's with a lot and expiry.
     */
    static List<String> shipNotice(String shipmentId, String poNumber, String sku1, long q1, String supplierSku2, long q2) {
        return new ArrayList<>(List.of(
                "BSN*00*" + shipmentId + "*20261125*1405*0001",
                "HL*1**S",
                "TD1*PLT94*1****G*412.5*LB",
                "TD5**2*DHLC*M*DHL Freight",
                "REF*BM*BOL778812",
                "DTM*011*20261125*1400",
                "DTM*017*20261128*0900",
                "N1*ST*Central DC*92*DC-1",
                "HL*2*1*O",
                "PRF*" + poNumber + "***20261120",
                "HL*3*2*T",
                "MAN*GM*00012345678901234567",
                "HL*4*3*I",
                "LIN**BP*" + sku1,
                "SN1**" + q1 + "*EA",
                "HL*5*3*I",
                "LIN**VP*" + supplierSku2 + "*LT*L2611",
                "SN1**" + q2 + "*EA",
                "DTM*036*20270531",
                "CTT*5"));
    }

    @Test
    void anAdvanceShipNoticeArrivesAsAn856AndShowsTheUnitsInTransit() {
        String ediId = EdiIntegrationTests.ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String id = sent(supplier(ediId, sku1, sku2), sku1, sku2);
        String number = number(buyer, id);

        JsonNode applied = buyer.send("POST", "/edi/inbound",
                interchange(ediId, "SH", "856", shipNotice("SHP-88121", number, sku1, 10, "ACME-2", 15)), X12).expect(200).json();
        assertThat(applied.path("sender").asString()).isEqualTo(ediId);
        JsonNode to = applied.path("appliedTo").get(0);
        assertThat(to.path("type").asString()).isEqualTo("856");
        assertThat(to.path("number").asString()).isEqualTo(number);
        assertThat(to.path("linesShipped").asInt()).isEqualTo(2);

        JsonNode asn = buyer.get("/asns/" + to.path("asn").asString()).expect(200).json();
        assertThat(asn.path("purchaseOrder").asString()).isEqualTo(id);
        assertThat(asn.path("shipmentId").asString()).isEqualTo("SHP-88121");
        assertThat(asn.path("carrier").asString()).isEqualTo("DHL Freight");
        assertThat(asn.path("expectedAt").asString()).isEqualTo("2026-11-28T09:00:00Z");
        assertThat(asn.path("inTransit").asLong()).isEqualTo(25);
        assertThat(asn.path("lines").get(0).path("sku").asString()).isEqualTo(sku1);
        assertThat(asn.path("lines").get(0).path("purchaseOrderLine").asInt()).isEqualTo(1);
        assertThat(asn.path("lines").get(1).path("sku").asString()).isEqualTo(sku2);
        assertThat(asn.path("lines").get(1).path("quantity").asLong()).isEqualTo(15);
        assertThat(asn.path("lines").get(1).path("lot").asString()).isEqualTo("L2611");
        assertThat(asn.path("lines").get(1).path("expiry").asString()).isEqualTo("2027-05-31");
    }

    @Test
    void aBrokenShipNoticeIsRefusedNamingSegmentAndElementAndRecordsNothing() {
        String ediId = EdiIntegrationTests.ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String id = sent(supplier(ediId, sku1, sku2), sku1, sku2);
        String number = number(buyer, id);

        Api.Response over = buyer.send("POST", "/edi/inbound", interchange(ediId, "SH", "856", shipNotice("S1", number, sku1, 11, "ACME-2", 5)), X12);
        assertThat(over.status()).isEqualTo(400);
        assertThat(over.errorFields()).containsExactly("SN102");
        assertThat(over.json().path("errors").get(0).path("message").asString()).startsWith("segment 14 of transaction set 0001");

        assertThat(refused(ediId, shipNotice("S1", "PO-999999999", sku1, 1, "ACME-2", 1))).containsExactly("PRF01");
        assertThat(refused(EdiIntegrationTests.ediId(), shipNotice("S1", number, sku1, 1, "ACME-2", 1))).containsExactly("ISA06");
        assertThat(refused(ediId, shipNotice("S1", number, sku1, 1, "ACME-9", 1))).containsExactly("LIN");
        assertThat(refused(ediId, replace(shipNotice("S1", number, sku1, 1, "ACME-2", 1), "SN1**1*EA", "SN1**1.5*EA"))).containsExactly("SN102");
        assertThat(refused(ediId, replace(shipNotice("S1", number, sku1, 1, "ACME-2", 1), "SN1**1*EA", "SN1**ten*EA"))).contains("SN102");
        assertThat(refused(ediId, replace(shipNotice("S1", number, sku1, 1, "ACME-2", 1), "DTM*017*20261128*0900", "DTM*017*20261131*0900")))
                .contains("DTM02");
        List<String> undated = shipNotice("S1", number, sku1, 1, "ACME-2", 1);
        undated.removeIf(s -> s.startsWith("DTM*01"));
        assertThat(refused(ediId, undated)).containsExactly("DTM");
        List<String> noOrder = shipNotice("S1", number, sku1, 1, "ACME-2", 1);
        noOrder.removeIf(s -> s.startsWith("HL*2") || s.startsWith("PRF"));
        assertThat(refused(ediId, replace(noOrder, "CTT*5", "CTT*4"))).contains("HL03");
        assertThat(refused(ediId, replace(shipNotice("S1", number, sku1, 1, "ACME-2", 1), "CTT*5", "CTT*4"))).containsExactly("CTT01");
        assertThat(refused(ediId, replace(shipNotice("S1", number, sku1, 1, "ACME-2", 1), "REF*BM*BOL778812", "PO1*1*1*EA"))).contains("PO1");
        Api.Response wrongGroup = buyer.send("POST", "/edi/inbound",
                interchange(ediId, "PR", "856", shipNotice("S1", number, sku1, 1, "ACME-2", 1)), X12);
        assertThat(wrongGroup.errorFields()).containsExactly("GS01");

        // One good order level and one bad one in the same shipment: neither is recorded.
        List<String> two = shipNotice("S2", number, sku1, 1, "ACME-2", 1);
        two.addAll(two.indexOf("CTT*5"), List.of("HL*6*1*O", "PRF*PO-999999999", "HL*7*6*I", "LIN**BP*" + sku1, "SN1**1*EA"));
        assertThat(refused(ediId, replace(two, "CTT*5", "CTT*7"))).containsExactly("PRF01");

        assertThat(buyer.get("/asns?purchaseOrder=" + id).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void aShipmentIdIsRecordedOncePerOrder() {
        String ediId = EdiIntegrationTests.ediId();
        String sku1 = f.item();
        String sku2 = f.item();
        String id = sent(supplier(ediId, sku1, sku2), sku1, sku2);
        String x12 = interchange(ediId, "SH", "856", shipNotice("SHP-1", number(buyer, id), sku1, 4, "ACME-2", 4));
        buyer.send("POST", "/edi/inbound", x12, X12).expect(200);
        Api.Response again = buyer.send("POST", "/edi/inbound", x12, X12);
        assertThat(again.errorFields()).containsExactly("BSN02");
        assertThat(again.json().path("errors").get(0).path("message").asString()).startsWith("segment 2 of transaction set 0001");
        assertThat(buyer.get("/asns?purchaseOrder=" + id).expect(200).json().path("items")).hasSize(1);
    }

    List<String> refused(String sender, List<String> segments) {
        Api.Response r = buyer.send("POST", "/edi/inbound", interchange(sender, "SH", "856", segments), X12);
        assertThat(r.status()).as(r.body()).isEqualTo(400);
        return r.errorFields();
    }

    static List<String> replace(List<String> segments, String from, String to) {
        List<String> out = new ArrayList<>(segments);
        int i = out.indexOf(from);
        assertThat(i).as(from + " in " + Arrays.toString(segments.toArray())).isNotNegative();
        out.set(i, to);
        return out;
    }
}
