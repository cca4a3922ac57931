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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ReceivingIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

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
        buyer.put("/suppliers/" + supplier, Map.of("name", "Dock Supplies", "currency", "EUR", "leadTimeDays", 5, "minOrderValue", "0",
                "paymentTerms", "NET30", "incoterms", "FOB")).expect(201);
    }

    String item(boolean inspectionRequired, boolean lotTracked) {
        String sku = Api.unique("SKU");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Item " + sku);
        body.put("unitsPerCase", 6);
        body.put("casesPerPallet", 40);
        body.put("inspectionRequired", inspectionRequired);
        body.put("lotTracked", lotTracked);
        body.put("components", List.of());
        admin.put("/items/" + sku, body).expect(201);
        return sku;
    }

    /** A purchase order sent to the supplier for delivery to {@code location}: pairs of SKU and quantity at 1.00 each. */
    String sentOrder(String location, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            lines.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1], "unitCost", "1.00"));
        }
        String id = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", location, "currency", "EUR", "lines", lines))
                .expect(201).json().path("id").asString();
        assertThat(buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json().path("status").asString()).isEqualTo("APPROVED");
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        return id;
    }

    static Map<String, Object> line(String sku, long quantity) {
        return line(sku, quantity, 0, null, null);
    }

    static Map<String, Object> line(String sku, long quantity, long damaged, String lot, String expiry) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("quantity", quantity);
        line.put("damaged", damaged);
        line.put("lot", lot);
        line.put("expiry", expiry);
        return line;
    }

    static Map<String, Object> receipt(String location, String purchaseOrder, boolean complete, List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("location", location);
        body.put("purchaseOrder", purchaseOrder);
        body.put("complete", complete);
        body.put("lines", lines);
        return body;
    }

    JsonNode stockAt(String sku) {
        JsonNode locations = admin.get("/inventory/" + sku).expect(200).json().path("locations");
        return locations.isEmpty() ? null : locations.get(0);
    }

    void ledgerIsConsistent() {
        JsonNode verify = admin.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
    }

    List<String> kinds(JsonNode receipt) {
        List<String> kinds = new ArrayList<>();
        receipt.path("discrepancies").forEach(d -> kinds.add(d.path("kind").asString() + ":" + d.path("sku").asString() + ":"
                + d.path("quantity").asLong()));
        return kinds;
    }

    @Test
    void aFullReceiptPostsStockAndMovesTheOrderToReceived() {
        String location = f.location();
        String a = f.item();
        String b = f.item();
        String po = sentOrder(location, a, 10, b, 5);

        Api.Response created = receiver.post("/receipts", receipt(location, po, false, List.of(line(a, 10), line(b, 5)))).expect(201);
        JsonNode r = created.json();
        assertThat(created.header("Location")).endsWith("/receipts/" + r.path("id").asString());
        assertThat(r.path("purchaseOrderStatus").asString()).isEqualTo("RECEIVED");
        assertThat(r.path("discrepancies")).isEmpty();
        assertThat(r.path("remaining")).isEmpty();
        assertThat(r.path("lines").get(0).path("disposition").asString()).isEqualTo("AVAILABLE");
        assertThat(stockAt(a).path("available").asLong()).isEqualTo(10);
        assertThat(stockAt(b).path("available").asLong()).isEqualTo(5);
        JsonNode movement = admin.get("/inventory/" + a + "/movements").expect(200).json().path("items").get(0);
        assertThat(movement.path("reason").asString()).isEqualTo("RECEIVED");
        assertThat(movement.path("reference").asString()).isEqualTo(r.path("id").asString());

        JsonNode order = buyer.get("/purchase-orders/" + po).expect(200).json();
        assertThat(order.path("status").asString()).isEqualTo("RECEIVED");
        JsonNode last = order.path("history").get(order.path("history").size() - 1);
        assertThat(last.path("event").asString() + ":" + last.path("from").asString() + ":" + last.path("to").asString())
                .isEqualTo("received:SENT:RECEIVED");
        assertThat(jdbc.sql("select type from outbox_event where aggregate_id = :id order by sequence").param("id", po).query(String.class).list())
                .endsWith("purchase_order.received");
        assertThat(buyer.get("/receipts/" + r.path("id").asString()).expect(200).json().path("lines")).hasSize(2);
        assertThat(buyer.get("/receipts?purchaseOrder=" + po).expect(200).json().path("items")).hasSize(1);
        ledgerIsConsistent();
    }

    @Test
    void partialReceiptsReportWhatIsOpenUntilTheLastOneReceivesTheOrder() {
        String location = f.location();
        String a = f.item();
        String b = f.item();
        String po = sentOrder(location, a, 10, b, 4);
        JsonNode first = receiver.post("/receipts", receipt(location, po, false, List.of(line(a, 4)))).expect(201).json();
        assertThat(first.path("purchaseOrderStatus").asString()).isEqualTo("PARTIALLY_RECEIVED");
        assertThat(first.path("discrepancies")).as("open quantities are not short while more may come").isEmpty();
        assertThat(first.path("remaining")).hasSize(2);
        assertThat(first.path("remaining").get(0).path("remaining").asLong()).isEqualTo(6);
        assertThat(first.path("remaining").get(1).path("remaining").asLong()).isEqualTo(4);

        for (int scan = 0; scan < 4; scan++) {
            receiver.post("/receipts", receipt(location, po, false, List.of(line(b, 1)))).expect(201);
        }
        assertThat(admin.get("/purchase-orders/" + po).json().path("status").asString()).isEqualTo("PARTIALLY_RECEIVED");
        JsonNode last = receiver.post("/receipts", receipt(location, po, false, List.of(line(a, 6)))).expect(201).json();
        assertThat(last.path("purchaseOrderStatus").asString()).isEqualTo("RECEIVED");
        assertThat(last.path("remaining")).isEmpty();
        assertThat(stockAt(a).path("available").asLong()).isEqualTo(10);
        assertThat(stockAt(b).path("available").asLong()).isEqualTo(4);
        assertThat(admin.get("/receipts?purchaseOrder=" + po).json().path("items")).hasSize(6);

        Api.Response again = receiver.post("/receipts", receipt(location, po, false, List.of(line(a, 1))));
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.errorFields()).containsExactly("purchaseOrder");
        ledgerIsConsistent();
    }

    @Test
    void everyKindOfDiscrepancyIsRecordedAndRaisesACase() {
        String location = f.location();
        String over = f.item();
        String shortened = f.item();
        String missing = f.item();
        String wrong = f.item();
        String unknown = Api.unique("NOPE");
        String po = sentOrder(location, over, 10, shortened, 10, missing, 5);

        JsonNode r = receiver.post("/receipts", receipt(location, po, true, List.of(line(over, 12, 2, null, null), line(shortened, 7),
                line(wrong, 3), line(unknown, 4)))).expect(201).json();
        assertThat(kinds(r)).containsExactlyInAnyOrder("OVER:" + over + ":2", "DAMAGED:" + over + ":2", "SHORT:" + shortened + ":3",
                "SHORT:" + missing + ":5", "WRONG_ITEM:" + wrong + ":3", "UNKNOWN_ITEM:" + unknown + ":4");
        assertThat(r.path("purchaseOrderStatus").asString()).isEqualTo("PARTIALLY_RECEIVED");
        r.path("discrepancies").forEach(d -> {
            JsonNode cases = buyer.get("/exceptions?type=RECEIVING_DISCREPANCY&entityId=" + d.path("id").asString()).expect(200).json()
                    .path("items");
            assertThat(cases).hasSize(1);
            assertThat(cases.get(0).path("id").asString()).isEqualTo(d.path("exceptionCase").asString());
            assertThat(cases.get(0).path("ownerRole").asString()).isEqualTo("BUYER");
        });

        // The over-receipt is accepted into stock: 12 counted, 2 of them damaged.
        assertThat(stockAt(over).path("available").asLong()).isEqualTo(10);
        assertThat(stockAt(over).path("damaged").asLong()).isEqualTo(2);
        assertThat(stockAt(shortened).path("available").asLong()).isEqualTo(7);
        // An item not on the order is quarantined in inspection; an unknown SKU posts nothing.
        assertThat(stockAt(wrong).path("inspection").asLong()).isEqualTo(3);
        assertThat(stockAt(wrong).path("available").asLong()).isZero();
        assertThat(r.path("inspections")).hasSize(1);
        assertThat(r.path("lines").get(3).path("disposition").asString()).isEqualTo("NOT_POSTED");
        assertThat(admin.get("/items/" + unknown).status()).isEqualTo(404);
        ledgerIsConsistent();
    }

    @Test
    void inspectedUnitsWaitUntilReleasedAsPassedOrFailed() {
        String location = f.location();
        String sku = item(true, false);
        String po = sentOrder(location, sku, 10);
        JsonNode r = receiver.post("/receipts", receipt(location, po, false, List.of(line(sku, 10)))).expect(201).json();
        assertThat(r.path("lines").get(0).path("disposition").asString()).isEqualTo("INSPECTION");
        assertThat(stockAt(sku).path("inspection").asLong()).isEqualTo(10);
        assertThat(stockAt(sku).path("available").asLong()).isZero();
        String inspection = r.path("inspections").get(0).path("id").asString();

        JsonNode partly = receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 6, "failed", 1)).expect(200).json();
        assertThat(partly.path("pending").asLong()).isEqualTo(3);
        assertThat(partly.path("status").asString()).isEqualTo("OPEN");
        assertThat(stockAt(sku).path("available").asLong()).isEqualTo(6);
        assertThat(stockAt(sku).path("damaged").asLong()).isEqualTo(1);
        assertThat(stockAt(sku).path("inspection").asLong()).isEqualTo(3);

        Api.Response tooMany = receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 4));
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.errorFields()).containsExactly("passed");
        assertThat(receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 0, "failed", 0)).status()).isEqualTo(400);
        assertThat(stockAt(sku).path("inspection").asLong()).isEqualTo(3);

        JsonNode done = receiver.post("/inspections/" + inspection + "/release", Map.of("passed", 3)).expect(200).json();
        assertThat(done.path("status").asString()).isEqualTo("RELEASED");
        assertThat(done.path("releases")).hasSize(2);
        assertThat(stockAt(sku).path("available").asLong()).isEqualTo(9);
        assertThat(stockAt(sku).path("inspection").asLong()).isZero();
        assertThat(receiver.post("/inspections/" + inspection + "/release", Map.of("failed", 1)).status()).isEqualTo(400);
        ledgerIsConsistent();
    }

    @Test
    void badInputIsRefusedNamingEachFieldAndWritesNothing() {
        String location = f.location();
        String elsewhere = f.location();
        String plain = f.item();
        String lotted = item(false, true);
        String po = sentOrder(location, plain, 10, lotted, 10);

        Api.Response lines = receiver.post("/receipts", receipt(location, po, false, List.of(line(plain, -1), line(plain, 2, 3, null, null),
                line(lotted, 5))));
        assertThat(lines.status()).isEqualTo(400);
        assertThat(lines.errorFields()).containsExactlyInAnyOrder("lines[0].quantity", "lines[1].damaged", "lines[2].lot", "lines[2].expiry");

        Api.Response wrongPlace = receiver.post("/receipts", receipt(elsewhere, po, false, List.of(line(plain, 1))));
        assertThat(wrongPlace.errorFields()).containsExactly("location");
        assertThat(receiver.post("/receipts", receipt(location, java.util.UUID.randomUUID().toString(), false, List.of(line(plain, 1))))
                .errorFields()).containsExactly("purchaseOrder");
        assertThat(receiver.post("/receipts", receipt(location, po, false, List.of())).errorFields()).containsExactly("lines");
        Map<String, Object> shapeless = new LinkedHashMap<>();
        shapeless.put("lines", List.of(Map.of("sku", "bad sku!")));
        assertThat(receiver.post("/receipts", shapeless).errorFields())
                .containsExactlyInAnyOrder("location", "purchaseOrder", "lines[0].sku", "lines[0].quantity");

        String draft = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", location, "currency", "EUR",
                "lines", List.of(Map.of("sku", plain, "quantity", 3, "unitCost", "1.00")))).expect(201).json().path("id").asString();
        assertThat(receiver.post("/receipts", receipt(location, draft, false, List.of(line(plain, 3)))).errorFields())
                .containsExactly("purchaseOrder");

        assertThat(admin.get("/purchase-orders/" + po).json().path("status").asString()).isEqualTo("SENT");
        assertThat(admin.get("/receipts?purchaseOrder=" + po).json().path("items")).isEmpty();
        assertThat(stockAt(plain)).isNull();
        assertThat(stockAt(lotted)).isNull();

        JsonNode ok = receiver.post("/receipts", receipt(location, po, false, List.of(line(lotted, 5, 0, "L-42", "2027-06-30")))).expect(201).json();
        assertThat(ok.path("lines").get(0).path("lot").asString()).isEqualTo("L-42");
        assertThat(ok.path("lines").get(0).path("expiry").asString()).isEqualTo("2027-06-30");
        ledgerIsConsistent();
    }

    @Test
    void warehousePeopleReceiveOnlyAtTheirOwnLocationsAndBuyersOnlyRead() {
        String mine = f.location();
        String theirs = f.location();
        String sku = item(true, false);
        String atMine = sentOrder(mine, sku, 5);
        String atTheirs = sentOrder(theirs, sku, 5);
        String username = Api.unique("dock");
        admin.post("/users", Map.of("username", username, "password", "correct-horse-battery", "roles", List.of("WAREHOUSE"),
                "locations", List.of(mine))).expect(201);
        Api dock = Api.basic(port, username, "correct-horse-battery");

        JsonNode r = dock.post("/receipts", receipt(mine, atMine, false, List.of(line(sku, 5)))).expect(201).json();
        assertThat(dock.post("/receipts", receipt(theirs, atTheirs, false, List.of(line(sku, 5)))).status()).isEqualTo(403);
        String theirInspection = admin.post("/receipts", receipt(theirs, atTheirs, false, List.of(line(sku, 5)))).expect(201).json()
                .path("inspections").get(0).path("id").asString();
        assertThat(dock.post("/inspections/" + theirInspection + "/release", Map.of("passed", 5)).status()).isEqualTo(403);
        dock.post("/inspections/" + r.path("inspections").get(0).path("id").asString() + "/release", Map.of("passed", 5)).expect(200);

        assertThat(buyer.post("/receipts", receipt(mine, atMine, false, List.of(line(sku, 1)))).status()).isEqualTo(403);
        assertThat(buyer.get("/receipts/" + r.path("id").asString()).status()).isEqualTo(200);
        assertThat(buyer.get("/inspections/" + theirInspection).status()).isEqualTo(200);
        assertThat(admin.withKey("CHANNEL", f.channel(List.of())).get("/receipts/" + r.path("id").asString()).status()).isEqualTo(403);
        assertThat(anonymous().get("/receipts?purchaseOrder=" + atMine).status()).isEqualTo(401);
        ledgerIsConsistent();
    }

    @Test
    void aRetriedReceiptWithItsIdempotencyKeyPostsOnce() {
        String location = f.location();
        String sku = f.item();
        String po = sentOrder(location, sku, 10);
        Api keyed = receiver.header("Idempotency-Key", Api.unique("scan"));
        JsonNode first = keyed.post("/receipts", receipt(location, po, false, List.of(line(sku, 1)))).expect(201).json();
        Api.Response replay = keyed.post("/receipts", receipt(location, po, false, List.of(line(sku, 1)))).expect(201);
        assertThat(replay.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(replay.json().path("id").asString()).isEqualTo(first.path("id").asString());
        assertThat(stockAt(sku).path("available").asLong()).isEqualTo(1);
    }
}
