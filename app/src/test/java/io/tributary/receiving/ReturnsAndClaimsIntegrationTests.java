package io.tributary.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReturnsAndClaimsIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Fixtures f;
    Api buyer;
    Api receiver;
    Api finance;
    String supplier;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        receiver = admin.withKey("WAREHOUSE", null);
        finance = admin.withKey("FINANCE", null);
        supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, Map.of("name", "Claims Supplies", "currency", "EUR", "leadTimeDays", 5, "minOrderValue", "0",
                "paymentTerms", "NET30", "incoterms", "FOB")).expect(201);
    }

    String inspectedItem() {
        String sku = Api.unique("SKU");
        admin.put("/items/" + sku, Map.of("name", "Item " + sku, "unitsPerCase", 1, "casesPerPallet", 40, "inspectionRequired", true,
                "lotTracked", false, "components", List.of())).expect(201);
        return sku;
    }

    /** A purchase order sent to the supplier: pairs of SKU and quantity at 2.50 each. */
    String sentOrder(String location, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1], "unitCost", "2.50"));
        }
        String id = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", location, "currency", "EUR", "lines", lines))
                .expect(201).json().path("id").asString();
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        return id;
    }

    static Map<String, Object> line(String sku, long quantity, long damaged) {
        return Map.of("sku", sku, "quantity", quantity, "damaged", damaged);
    }

    JsonNode receive(String location, String po, boolean complete, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("purchaseOrder", po);
        body.put("complete", complete);
        body.put("lines", lines);
        return receiver.post("/receipts", body).expect(201).json();
    }

    JsonNode stockAt(String sku) {
        return admin.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
    }

    String discrepancy(JsonNode receipt, String kind) {
        for (JsonNode d : receipt.path("discrepancies")) {
            if (d.path("kind").asString().equals(kind)) {
                return d.path("id").asString();
            }
        }
        throw new AssertionError("no " + kind + " in " + receipt);
    }

    static Map<String, Object> claim(String receipt, List<String> discrepancies, List<String> inspections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("receipt", receipt);
        body.put("discrepancies", discrepancies);
        body.put("inspections", inspections);
        body.put("note", "dock report");
        return body;
    }

    static void amount(JsonNode node, String expected) {
        assertThat(new BigDecimal(node.asString())).isEqualByComparingTo(expected);
    }

    @Test
    void returnedUnitsLeaveStockWithAMovementAndAreKeptAgainstTheOrderLine() {
        String location = f.location();
        String sku = inspectedItem();
        String po = sentOrder(location, sku, 10);
        JsonNode receipt = receive(location, po, false, List.of(line(sku, 10, 0)));
        String inspection = receipt.path("inspections").get(0).path("id").asString();

        JsonNode released = receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 6, "returned", 3)).expect(200).json();
        assertThat(released.path("passed").asLong()).isEqualTo(6);
        assertThat(released.path("returned").asLong()).isEqualTo(3);
        assertThat(released.path("pending").asLong()).isEqualTo(1);
        assertThat(released.path("releases").get(0).path("returned").asLong()).isEqualTo(3);
        JsonNode stock = stockAt(sku);
        assertThat(stock.path("available").asLong()).isEqualTo(6);
        assertThat(stock.path("inspection").asLong()).isEqualTo(1);
        assertThat(jdbc.sql("select purchase_order_line || ':' || quantity from vendor_return where inspection_id = :id")
                .param("id", java.util.UUID.fromString(inspection)).query(String.class).list()).containsExactly("1:3");
        JsonNode movement = admin.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0);
        assertThat(movement.path("reason").asString()).isEqualTo("RETURNED_TO_VENDOR");
        assertThat(movement.path("quantity").asLong()).isEqualTo(-3);

        // more than is pending, or a negative count, is refused and changes nothing
        assertThat(receiver.post("/inspections/" + inspection + "/release", Map.of("returned", 2)).expect(400).body()).contains("passed");
        receiver.post("/inspections/" + inspection + "/release", Map.of("returned", -1)).expect(400);
        assertThat(stockAt(sku).path("inspection").asLong()).isEqualTo(1);
        assertThat(receiver.post("/inspections/" + inspection + "/release", Map.of("returned", 1)).expect(200).json().path("status").asString())
                .isEqualTo("RELEASED");

        JsonNode verify = admin.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void aClaimPricesDiscrepanciesAndReturnsAtTheOrderCostAndMovesThroughItsStates() {
        String location = f.location();
        String inspected = inspectedItem();
        String plain = f.item();
        String po = sentOrder(location, inspected, 10, plain, 5);
        JsonNode receipt = receive(location, po, true, List.of(line(inspected, 10, 2), line(plain, 3, 0)));
        String receiptId = receipt.path("id").asString();
        String inspection = receipt.path("inspections").get(0).path("id").asString();
        receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 5, "returned", 3)).expect(200);

        receiver.post("/claims", claim(receiptId, List.of(discrepancy(receipt, "SHORT")), List.of())).expect(403);
        Api.Response created = buyer.post("/claims", claim(receiptId, List.of(discrepancy(receipt, "DAMAGED"), discrepancy(receipt, "SHORT")),
                List.of(inspection))).expect(201);
        JsonNode c = created.json();
        String id = c.path("id").asString();
        assertThat(created.header("Location")).endsWith("/claims/" + id);
        assertThat(c.path("status").asString()).isEqualTo("OPEN");
        assertThat(c.path("supplier").asString()).isEqualTo(supplier);
        assertThat(c.path("purchaseOrder").asString()).isEqualTo(po);
        assertThat(c.path("currency").asString()).isEqualTo("EUR");
        List<String> lines = new ArrayList<>();
        c.path("lines").forEach(l -> lines.add(l.path("sku").asString() + ":" + l.path("quantity").asLong() + ":"
                + new BigDecimal(l.path("amount").asString()).stripTrailingZeros().toPlainString()));
        assertThat(lines).containsExactly(inspected + ":2:5", plain + ":2:5", inspected + ":3:7.5");
        amount(c.path("amount"), "17.50");

        // each discrepancy and each return is claimed once; OVER and foreign ids are not claimable
        assertThat(buyer.post("/claims", claim(receiptId, List.of(discrepancy(receipt, "SHORT")), List.of())).expect(400).body())
                .contains("already claimed");
        buyer.post("/claims", claim(receiptId, List.of(), List.of(inspection))).expect(400);
        buyer.post("/claims", claim(receiptId, List.of(), List.of())).expect(400);
        buyer.post("/claims", claim(receiptId, List.of(inspection), List.of())).expect(400);

        buyer.post("/claims/" + id + "/settle", null).expect(409);
        buyer.post("/claims/" + id + "/submit", Map.of("note", "sent to supplier")).expect(200);
        buyer.post("/claims/" + id + "/submit", null).expect(409);
        finance.post("/claims/" + id + "/accept", null).expect(200);
        buyer.post("/claims/" + id + "/reject", null).expect(409);
        JsonNode settled = finance.post("/claims/" + id + "/settle", null).expect(200).json();
        assertThat(settled.path("status").asString()).isEqualTo("SETTLED");
        List<String> history = new ArrayList<>();
        settled.path("history").forEach(t -> history.add((t.path("from").isNull() ? "" : t.path("from").asString()) + ">" + t.path("to").asString()));
        assertThat(history).containsExactly(">OPEN", "OPEN>SUBMITTED", "SUBMITTED>ACCEPTED", "ACCEPTED>SETTLED");

        assertThat(finance.get("/claims/" + id).expect(200).json().path("status").asString()).isEqualTo("SETTLED");
        assertThat(finance.get("/claims?supplier=" + supplier + "&status=SETTLED").expect(200).json().path("items")).hasSize(1);
        assertThat(finance.get("/claims?supplier=" + supplier + "&status=OPEN").expect(200).json().path("items")).isEmpty();
        finance.get("/claims?status=LOST").expect(400);
        receiver.get("/claims/" + id).expect(403);
    }

    @Test
    void aRejectedClaimIsNotSettledAndOverReceiptsAreNotClaimed() {
        String location = f.location();
        String sku = f.item();
        String po = sentOrder(location, sku, 5);
        JsonNode receipt = receive(location, po, false, List.of(line(sku, 7, 1)));
        String receiptId = receipt.path("id").asString();
        assertThat(buyer.post("/claims", claim(receiptId, List.of(discrepancy(receipt, "OVER")), List.of())).expect(400).body()).contains("OVER");
        String id = buyer.post("/claims", claim(receiptId, List.of(discrepancy(receipt, "DAMAGED")), List.of())).expect(201).json()
                .path("id").asString();
        buyer.post("/claims/" + id + "/submit", null).expect(200);
        buyer.post("/claims/" + id + "/reject", null).expect(200);
        buyer.post("/claims/" + id + "/settle", null).expect(409);
        assertThat(buyer.get("/claims?supplier=" + supplier + "&status=REJECTED").expect(200).json().path("items")).hasSize(1);
    }
}
