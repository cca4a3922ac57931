package io.tributary.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Advance ship notices over HTTP, and receipts against them. */
class AsnIntegrationTests extends IntegrationTest {

    Api admin;
    Fixtures f;
    Api buyer;
    Api receiver;
    String supplier;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        receiver = admin.withKey("WAREHOUSE", null);
        supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, Map.of("name", "Ship Notices Ltd", "currency", "EUR", "leadTimeDays", 5, "minOrderValue", "0",
                "paymentTerms", "NET30", "incoterms", "FOB")).expect(201);
    }

    String order(String location, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1], "unitCost", "1.00"));
        }
        return buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", location, "currency", "EUR", "lines", lines))
                .expect(201).json().path("id").asString();
    }

    String sentOrder(String location, Object... skuAndQuantity) {
        String id = order(location, skuAndQuantity);
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        return id;
    }

    static Map<String, Object> asn(String purchaseOrder, String shipmentId, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("purchaseOrder", purchaseOrder);
        body.put("shipmentId", shipmentId);
        body.put("expectedAt", "2026-12-01T08:00:00Z");
        body.put("carrier", "DHL");
        body.put("lines", lines);
        return body;
    }

    static Map<String, Object> bySku(String sku, long quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    static Map<String, Object> receipt(String location, String asn, boolean complete, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("asn", asn);
        body.put("complete", complete);
        body.put("lines", lines);
        return body;
    }

    @Test
    void aNoticeRecordsWhatIsInTransitOnWhichLines() {
        String location = f.location();
        String a = f.item();
        String b = f.item();
        String po = sentOrder(location, a, 10, b, 5);

        Map<String, Object> first = new LinkedHashMap<>(Map.of("lineNo", 1, "quantity", 6, "lot", "L-7", "expiry", "2027-03-31"));
        Api.Response created = buyer.post("/asns", asn(po, "SH-1", List.of(first, bySku(b, 5)))).expect(201);
        JsonNode n = created.json();
        String id = n.path("id").asString();
        assertThat(created.header("Location")).endsWith("/asns/" + id);
        assertThat(n.path("status").asString()).isEqualTo("IN_TRANSIT");
        assertThat(n.path("location").asString()).isEqualTo(location);
        assertThat(n.path("inTransit").asLong()).isEqualTo(11);
        assertThat(n.path("lines").get(0).path("purchaseOrderLine").asInt()).isEqualTo(1);
        assertThat(n.path("lines").get(0).path("lot").asString()).isEqualTo("L-7");
        assertThat(n.path("lines").get(1).path("purchaseOrderLine").asInt()).isEqualTo(2);
        assertThat(n.path("lines").get(1).path("sku").asString()).isEqualTo(b);

        assertThat(receiver.get("/asns/" + id).expect(200).json().path("shipmentId").asString()).isEqualTo("SH-1");
        assertThat(buyer.get("/asns?purchaseOrder=" + po).expect(200).json().path("items")).hasSize(1);
        // Nothing is posted to the ledger: the shipped units stay part of what is on order.
        assertThat(admin.get("/inventory/" + a).expect(200).json().path("locations")).isEmpty();
    }

    @Test
    void aNoticeIsValidatedAgainstTheOrder() {
        String location = f.location();
        String a = f.item();
        String draft = order(location, a, 10);
        assertThat(buyer.post("/asns", asn(draft, "SH-1", List.of(bySku(a, 1)))).expect(400).errorFields()).containsExactly("purchaseOrder");

        String po = sentOrder(location, a, 10);
        buyer.post("/asns", asn(po, "SH-1", List.of(bySku(a, 7)))).expect(201);
        // 3 are still open: 7 of the 10 are in transit already.
        assertThat(buyer.post("/asns", asn(po, "SH-2", List.of(bySku(a, 4)))).expect(400).errorFields()).containsExactly("lines[0].quantity");
        assertThat(buyer.post("/asns", asn(po, "SH-1", List.of(bySku(a, 1)))).expect(400).errorFields()).containsExactly("shipmentId");
        assertThat(buyer.post("/asns", asn(po, "SH-3", List.of(bySku(f.item(), 1), Map.of("lineNo", 9, "quantity", 1),
                bySku(a, 0)))).expect(400).errorFields())
                .containsExactlyInAnyOrder("lines[0].sku", "lines[1].lineNo", "lines[2].quantity");
        receiver.post("/asns", asn(po, "SH-4", List.of(bySku(a, 1)))).expect(403);
        buyer.post("/asns", asn(po, "SH-4", List.of(bySku(a, 3)))).expect(201);
    }

    @Test
    void receiptsAgainstANoticeCountAgainstItsLinesAndTheOrder() {
        String location = f.location();
        String a = f.item();
        String b = f.item();
        String po = sentOrder(location, a, 10, b, 4);
        String id = buyer.post("/asns", asn(po, "SH-1", List.of(bySku(a, 6)))).expect(201).json().path("id").asString();

        JsonNode first = receiver.post("/receipts", receipt(location, id, false, List.of(ReceivingIntegrationTests.line(a, 4)))).expect(201).json();
        assertThat(first.path("asn").asString()).isEqualTo(id);
        assertThat(first.path("purchaseOrder").asString()).isEqualTo(po);
        assertThat(first.path("purchaseOrderStatus").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(first.path("discrepancies")).isEmpty();
        assertThat(first.path("remaining")).hasSize(1);
        assertThat(first.path("remaining").get(0).path("remaining").asLong()).isEqualTo(2);
        JsonNode notice = buyer.get("/asns/" + id).expect(200).json();
        assertThat(notice.path("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(notice.path("inTransit").asLong()).isEqualTo(2);

        // Complete with one short of the notice (not of the order's 10): SHORT 1; b was not shipped, so it is a wrong item here.
        JsonNode last = receiver.post("/receipts", receipt(location, id, true,
                List.of(ReceivingIntegrationTests.line(a, 1), ReceivingIntegrationTests.line(b, 2)))).expect(201).json();
        assertThat(last.path("discrepancies").findValuesAsString("kind")).containsExactlyInAnyOrder("SHORT", "WRONG_ITEM");
        notice = buyer.get("/asns/" + id).expect(200).json();
        assertThat(notice.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(notice.path("inTransit").asLong()).isZero();
        assertThat(notice.path("lines").get(0).path("received").asLong()).isEqualTo(5);

        JsonNode order = buyer.get("/purchase-orders/" + po).expect(200).json();
        assertThat(order.path("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(admin.get("/inventory/" + a).expect(200).json().path("locations").get(0).path("available").asLong()).isEqualTo(5);
        assertThat(receiver.post("/receipts", receipt(location, id, false, List.of(ReceivingIntegrationTests.line(a, 1)))).expect(400)
                .errorFields()).containsExactly("asn");
        assertThat(receiver.post("/receipts", Map.of("location", location, "asn", id, "purchaseOrder", po, "lines",
                List.of(ReceivingIntegrationTests.line(a, 1)))).expect(400).errorFields()).containsExactly("purchaseOrder");
        JsonNode verify = admin.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
    }
}
