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

class TransferIntegrationTests extends IntegrationTest {

    Api admin;
    Fixtures f;
    Api warehouse;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        warehouse = admin.withKey("WAREHOUSE", null);
    }

    static Map<String, Object> line(String sku, long quantity, long damaged) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        line.put("damaged", damaged);
        return line;
    }

    String draft(String from, String to, String sku, long quantity) {
        return warehouse.post("/transfers", Map.of("from", from, "to", to, "lines", List.of(Map.of("sku", sku, "quantity", quantity))))
                .expect(201).json().path("id").asString();
    }

    JsonNode at(String sku, String location) {
        for (JsonNode l : admin.get("/inventory/" + sku).expect(200).json().path("locations")) {
            if (l.path("location").asString().equals(location)) {
                return l;
            }
        }
        throw new AssertionError("no balance of " + sku + " at " + location);
    }

    void ledgerIsConsistent() {
        JsonNode verify = admin.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void shippedUnitsWaitInTransitAndArriveAvailableWithDiscrepanciesRaised() {
        String from = f.location();
        String to = f.location();
        String sku = f.item();
        f.stock(sku, from, 20);
        String id = draft(from, to, sku, 10);
        assertThat(warehouse.get("/transfers/" + id).expect(200).json().path("status").asString()).isEqualTo("DRAFT");

        assertThat(warehouse.post("/transfers/" + id + "/ship", null).expect(200).json().path("status").asString()).isEqualTo("SHIPPED");
        assertThat(at(sku, from).path("available").asLong()).isEqualTo(10);
        assertThat(at(sku, to).path("inTransit").asLong()).isEqualTo(10);
        ledgerIsConsistent();
        assertThat(warehouse.post("/transfers/" + id + "/ship", null).expect(409).problemSlug()).isNotBlank();
        warehouse.post("/transfers/" + id + "/cancel", null).expect(409);

        JsonNode partial = warehouse.post("/transfers/" + id + "/receive", Map.of("lines", List.of(line(sku, 6, 1)))).expect(200).json();
        assertThat(partial.path("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(partial.path("lines").get(0).path("remaining").asLong()).isEqualTo(4);
        assertThat(kinds(partial.path("receipts").get(0))).containsExactly("DAMAGED:1");
        assertThat(at(sku, to).path("available").asLong()).isEqualTo(5);
        assertThat(at(sku, to).path("damaged").asLong()).isEqualTo(1);
        assertThat(at(sku, to).path("inTransit").asLong()).isEqualTo(4);
        ledgerIsConsistent();

        JsonNode last = warehouse.post("/transfers/" + id + "/receive", Map.of("complete", true, "lines", List.of(line(sku, 3, 0))))
                .expect(200).json();
        assertThat(last.path("status").asString()).isEqualTo("RECEIVED");
        assertThat(kinds(last.path("receipts").get(1))).containsExactly("SHORT:1");
        assertThat(at(sku, to).path("available").asLong()).isEqualTo(8);
        assertThat(at(sku, to).path("inTransit").asLong()).isZero();
        String exceptionCase = last.path("receipts").get(1).path("discrepancies").get(0).path("exceptionCase").asString();
        assertThat(admin.get("/exceptions/" + exceptionCase).expect(200).json().path("type").asString()).isEqualTo("RECEIVING_DISCREPANCY");
        warehouse.post("/transfers/" + id + "/receive", Map.of("lines", List.of(line(sku, 1, 0)))).expect(409);
        ledgerIsConsistent();
    }

    @Test
    void inspectionItemsOverUnitsAndCancellation() {
        String from = f.location();
        String to = f.location();
        String sku = Api.unique("SKU");
        admin.put("/items/" + sku, Map.of("name", "Checked " + sku, "inspectionRequired", true, "components", List.of())).expect(201);
        f.stock(sku, from, 5);

        String cancelled = draft(from, to, sku, 5);
        assertThat(warehouse.post("/transfers/" + cancelled + "/cancel", null).expect(200).json().path("status").asString())
                .isEqualTo("CANCELLED");
        warehouse.post("/transfers/" + cancelled + "/ship", null).expect(409);
        warehouse.post("/transfers/" + cancelled + "/receive", Map.of("lines", List.of(line(sku, 5, 0)))).expect(409);

        String tooMany = draft(from, to, sku, 6);
        assertThat(warehouse.post("/transfers/" + tooMany + "/ship", null).expect(409).problemSlug()).isEqualTo("insufficient-stock");
        assertThat(at(sku, from).path("available").asLong()).isEqualTo(5);

        String id = draft(from, to, sku, 4);
        warehouse.post("/transfers/" + id + "/ship", null).expect(200);
        JsonNode received = warehouse.post("/transfers/" + id + "/receive", Map.of("lines", List.of(line(sku, 5, 0)))).expect(200).json();
        assertThat(received.path("status").asString()).isEqualTo("RECEIVED");
        JsonNode receipt = received.path("receipts").get(0);
        assertThat(kinds(receipt)).containsExactly("OVER:1");
        assertThat(receipt.path("lines").get(0).path("disposition").asString()).isEqualTo("INSPECTION");
        assertThat(at(sku, to).path("inspection").asLong()).isEqualTo(5);
        assertThat(at(sku, to).path("inTransit").asLong()).isZero();
        String inspection = receipt.path("inspections").get(0).path("id").asString();
        assertThat(receipt.path("inspections").get(0).path("transferReceipt").asString()).isEqualTo(receipt.path("id").asString());
        warehouse.post("/inspections/" + inspection + "/release", Map.of("passed", 5, "failed", 0)).expect(200);
        assertThat(at(sku, to).path("available").asLong()).isEqualTo(5);
        ledgerIsConsistent();
    }

    @Test
    void aDraftIsValidatedFieldByField() {
        String from = f.location();
        assertThat(warehouse.post("/transfers", Map.of("from", from, "to", from, "lines", List.of(Map.of("sku", f.item(), "quantity", 1))))
                .expect(400).errorFields()).containsExactly("to");
        assertThat(warehouse.post("/transfers", Map.of("from", from, "to", f.location(),
                "lines", List.of(Map.of("sku", Api.unique("NOPE"), "quantity", 0)))).expect(400).errorFields())
                .contains("lines[0].quantity", "lines[0].sku");
        admin.withKey("VIEWER", null).post("/transfers", Map.of()).expect(403);
    }

    static List<String> kinds(JsonNode receipt) {
        List<String> kinds = new ArrayList<>();
        receipt.path("discrepancies").forEach(d -> kinds.add(d.path("kind").asString() + ":" + d.path("quantity").asLong()));
        return kinds;
    }
}
