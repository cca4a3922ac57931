package io.tributary.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

class ProcurementIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Fixtures f;
    Api buyer;
    Api approver;
    Api secondApprover;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        approver = admin.withKey("APPROVER", null);
        secondApprover = admin.withKey("APPROVER", null);
    }

    static Map<String, Object> supplierBody(String currency, String minOrderValue) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Acme Supplies");
        body.put("currency", currency);
        body.put("leadTimeDays", 10);
        body.put("minOrderValue", minOrderValue);
        body.put("paymentTerms", "NET30");
        body.put("incoterms", "FOB");
        return body;
    }

    String supplier(String minOrderValue) {
        String code = Api.unique("SUP");
        buyer.put("/suppliers/" + code, supplierBody("EUR", minOrderValue)).expect(201);
        return code;
    }

    static Map<String, Object> itemTerms(String unitCost, Integer leadTimeDays, boolean primary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierSku", "ACME-1");
        body.put("unitCost", unitCost);
        body.put("casePack", 6);
        body.put("minOrderQuantity", 12);
        body.put("leadTimeDays", leadTimeDays);
        body.put("primary", primary);
        return body;
    }

    static Map<String, Object> order(String supplier, String location, Object... skuQuantityCost) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuQuantityCost.length; i += 3) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", skuQuantityCost[i]);
            line.put("quantity", skuQuantityCost[i + 1]);
            line.put("unitCost", skuQuantityCost[i + 2]);
            lines.add(line);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplier", supplier);
        body.put("location", location);
        body.put("currency", "EUR");
        body.put("lines", lines);
        return body;
    }

    /** A DRAFT order of {@code quantity} units at 10.00 each, created by {@code creator}. */
    String draft(Api creator, String supplier, long quantity) {
        return creator.post("/purchase-orders", order(supplier, f.location(), f.item(), quantity, "10.00")).expect(201).json()
                .path("id").asString();
    }

    @Test
    void suppliersAndTheirItemTermsAreKeptAndOneSupplierIsPrimaryPerSku() {
        String code = Api.unique("SUP");
        Api.Response created = buyer.put("/suppliers/" + code, supplierBody("EUR", "500.00")).expect(201);
        assertThat(created.json().path("minOrderValue").asString()).isEqualTo("500.00");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        Map<String, Object> changed = supplierBody("EUR", "500.00");
        changed.put("leadTimeDays", 14);
        changed.put("minOrderQuantity", 24);
        JsonNode updated = buyer.put("/suppliers/" + code, changed).expect(200).json();
        assertThat(updated.path("leadTimeDays").asInt()).isEqualTo(14);
        assertThat(updated.path("version").asLong()).isEqualTo(2);
        assertThat(admin.header("If-Match", "\"1\"").put("/suppliers/" + code, supplierBody("EUR", "1.00")).status()).isEqualTo(412);
        assertThat(admin.get("/suppliers/" + code).expect(200).json().path("minOrderQuantity").asLong()).isEqualTo(24);
        assertThat(admin.get("/suppliers?limit=500").expect(200).json().path("items").toString()).contains(code);

        String sku = f.item();
        String other = supplier("0");
        assertThat(buyer.put("/suppliers/" + code + "/items/" + sku, itemTerms("2.5", 7, true)).expect(201).json()
                .path("unitCost").asString()).isEqualTo("2.50");
        buyer.put("/suppliers/" + other + "/items/" + sku, itemTerms("2.40", null, true)).expect(201);
        assertThat(admin.get("/suppliers/" + code + "/items").expect(200).json().path("items").get(0).path("primary").asBoolean()).isFalse();
        assertThat(admin.get("/suppliers/" + other + "/items").expect(200).json().path("items").get(0).path("primary").asBoolean()).isTrue();
        buyer.put("/suppliers/" + code + "/items/" + sku, itemTerms("2.50", 7, true)).expect(200);
        assertThat(admin.get("/suppliers/" + other + "/items").expect(200).json().path("items").get(0).path("primary").asBoolean()).isFalse();

        Api.Response unknownSku = buyer.put("/suppliers/" + code + "/items/" + Api.unique("NOPE"), itemTerms("1.00", null, false));
        assertThat(unknownSku.status()).isEqualTo(400);
        assertThat(unknownSku.errorFields()).containsExactly("sku");
        assertThat(buyer.put("/suppliers/" + Api.unique("NOSUP") + "/items/" + sku, itemTerms("1.00", null, false)).status()).isEqualTo(404);
    }

    @Test
    void aSupplierWithBadTermsIsRefusedNamingEachFieldAndNothingIsStored() {
        String code = Api.unique("SUP");
        Map<String, Object> body = supplierBody("euro", "-1");
        body.put("leadTimeDays", -2);
        body.remove("name");
        Api.Response r = buyer.put("/suppliers/" + code, body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).contains("name", "leadTimeDays", "minOrderValue");
        Api.Response currency = buyer.put("/suppliers/" + code, supplierBody("euro", "1"));
        assertThat(currency.errorFields()).containsExactly("currency");
        assertThat(admin.get("/suppliers/" + code).status()).isEqualTo(404);
    }

    @Test
    void aPurchaseOrderGoesFromDraftThroughApprovalToAcknowledgedAndItsHistoryIsKept() {
        String supplier = supplier("100.00");
        String location = f.location();
        String sku = f.item();
        buyer.put("/suppliers/" + supplier + "/items/" + sku, itemTerms("12.5", 5, true)).expect(201);
        Map<String, Object> body = order(supplier, location, sku, 1000, null);
        JsonNode po = buyer.post("/purchase-orders", body).expect(201).json();
        String id = po.path("id").asString();
        assertThat(po.path("status").asString()).isEqualTo("DRAFT");
        assertThat(po.path("number").asString()).startsWith("PO-");
        assertThat(po.path("lines").get(0).path("lineNo").asInt()).isEqualTo(1);
        assertThat(po.path("lines").get(0).path("unitCost").asString()).isEqualTo("12.50");
        assertThat(po.path("lines").get(0).path("expectedDate").asString()).isEqualTo(LocalDate.now(java.time.ZoneOffset.UTC).plusDays(5).toString());
        assertThat(po.path("total").asString()).isEqualTo("12500.00");

        JsonNode submitted = buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json();
        assertThat(submitted.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(submitted.path("requiredApprovals").asInt()).isEqualTo(1);
        JsonNode approved = approver.post("/purchase-orders/" + id + "/approve", null).expect(200).json();
        assertThat(approved.path("status").asString()).isEqualTo("APPROVED");
        assertThat(approved.path("approvals")).hasSize(1);
        assertThat(approved.path("approvals").get(0).path("approver").asString()).startsWith("key:");
        assertThat(buyer.post("/purchase-orders/" + id + "/send", null).expect(200).json().path("status").asString()).isEqualTo("SENT");
        JsonNode acknowledged = buyer.post("/purchase-orders/" + id + "/acknowledge", Map.of("lines", List.of(Map.of("lineNo", 1,
                "quantity", 1000)))).expect(200).json();
        assertThat(acknowledged.path("status").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(acknowledged.path("lines").get(0).path("confirmedQuantity").asLong()).isEqualTo(1000);
        assertThat(admin.get("/exceptions?type=SUPPLIER_ACKNOWLEDGEMENT_CHANGED&entityId=" + id).expect(200).json().path("items")).isEmpty();

        JsonNode read = admin.get("/purchase-orders/" + id).expect(200).json();
        List<String> events = new ArrayList<>();
        read.path("history").forEach(h -> events.add(h.path("event").asString() + ":" + h.path("to").asString()));
        assertThat(events).containsExactly("created:DRAFT", "submitted:PENDING_APPROVAL", "approved:APPROVED", "sent:SENT",
                "acknowledged:ACKNOWLEDGED");
        read.path("history").forEach(h -> assertThat(h.path("actor").asString()).isNotBlank());
        assertThat(admin.get("/purchase-orders?status=ACKNOWLEDGED&supplier=" + supplier).expect(200).json().path("items")).hasSize(1);
        assertThat(admin.get("/purchase-orders?status=DRAFT&supplier=" + supplier).expect(200).json().path("items")).isEmpty();

        assertThat(buyer.post("/purchase-orders/" + id + "/cancel", Map.of("reason", "no longer needed")).expect(200).json()
                .path("status").asString()).isEqualTo("CANCELLED");
        assertThat(jdbc.sql("select type from outbox_event where aggregate_id = :id order by sequence").param("id", id)
                .query(String.class).list()).containsExactly("purchase_order.submitted", "purchase_order.approved", "purchase_order.sent",
                "purchase_order.acknowledged", "purchase_order.cancelled");
    }

    @Test
    void aSmallOrderIsApprovedByTheRuleAtSubmit() {
        String id = draft(buyer, supplier("0"), 100);
        JsonNode po = buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json();
        assertThat(po.path("status").asString()).isEqualTo("APPROVED");
        assertThat(po.path("requiredApprovals").asInt()).isZero();
        assertThat(po.path("history").get(2).path("actor").asString()).isEqualTo("system");
    }

    @Test
    void illegalTransitionsAreRefusedWith409() {
        String id = draft(buyer, supplier("0"), 2000);
        assertThat(approver.post("/purchase-orders/" + id + "/approve", null).problemSlug()).isEqualTo("invalid-transition");
        assertThat(buyer.post("/purchase-orders/" + id + "/send", null).status()).isEqualTo(409);
        assertThat(buyer.post("/purchase-orders/" + id + "/acknowledge", Map.of("lines", List.of())).status()).isEqualTo(409);
        assertThat(buyer.post("/purchase-orders/" + id + "/close", null).status()).isEqualTo(409);
        buyer.post("/purchase-orders/" + id + "/cancel", null).expect(200);
        Api.Response again = buyer.post("/purchase-orders/" + id + "/submit", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.problemSlug()).isEqualTo("invalid-transition");
        assertThat(admin.get("/purchase-orders/" + id).json().path("history")).hasSize(2);
    }

    @Test
    void theCreatorMayNeverApproveAndOneApproverCountsOnce() {
        String password = "correct-horse-battery";
        String both = Api.unique("buyer-approver");
        admin.post("/users", Map.of("username", both, "password", password, "roles", List.of("BUYER", "APPROVER"))).expect(201);
        Api buyerApprover = Api.basic(port, both, password);
        String supplier = supplier("0");

        String own = draft(buyerApprover, supplier, 2000);
        buyerApprover.post("/purchase-orders/" + own + "/submit", null).expect(200);
        Api.Response refused = buyerApprover.post("/purchase-orders/" + own + "/approve", null);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.problemSlug()).isEqualTo("segregation-of-duties");
        assertThat(refused.json().path("rule").asString()).isEqualTo("CREATOR_MAY_NOT_APPROVE");
        String byAdmin = draft(admin, supplier, 2000);
        admin.post("/purchase-orders/" + byAdmin + "/submit", null).expect(200);
        assertThat(admin.post("/purchase-orders/" + byAdmin + "/approve", null).problemSlug()).isEqualTo("segregation-of-duties");
        assertThat(admin.get("/purchase-orders/" + own).json().path("approvals")).isEmpty();

        // someone else approves the person's order
        assertThat(approver.post("/purchase-orders/" + own + "/approve", null).expect(200).json().path("status").asString())
                .isEqualTo("APPROVED");

        // above 50,000: two different approvers; the same one twice does not count
        String big = draft(buyer, supplier, 6000);
        assertThat(buyer.post("/purchase-orders/" + big + "/submit", null).expect(200).json().path("requiredApprovals").asInt()).isEqualTo(2);
        JsonNode once = approver.post("/purchase-orders/" + big + "/approve", null).expect(200).json();
        assertThat(once.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        Api.Response twice = approver.post("/purchase-orders/" + big + "/approve", null);
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.problemSlug()).isEqualTo("already-approved");
        assertThat(admin.get("/purchase-orders/" + big).json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
        JsonNode done = secondApprover.post("/purchase-orders/" + big + "/approve", null).expect(200).json();
        assertThat(done.path("status").asString()).isEqualTo("APPROVED");
        assertThat(done.path("approvals")).hasSize(2);
    }

    @Test
    void aRejectionNeedsAReasonAndStartsTheApprovalsAfresh() {
        String id = draft(buyer, supplier("0"), 6000);
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        approver.post("/purchase-orders/" + id + "/approve", null).expect(200);
        Api.Response noReason = secondApprover.post("/purchase-orders/" + id + "/reject", Map.of());
        assertThat(noReason.status()).isEqualTo(400);
        assertThat(noReason.errorFields()).containsExactly("reason");
        JsonNode rejected = secondApprover.post("/purchase-orders/" + id + "/reject", Map.of("reason", "price too high")).expect(200).json();
        assertThat(rejected.path("status").asString()).isEqualTo("DRAFT");
        JsonNode last = rejected.path("history").get(rejected.path("history").size() - 1);
        assertThat(last.path("event").asString()).isEqualTo("rejected");
        assertThat(last.path("note").asString()).isEqualTo("price too high");
        JsonNode resubmitted = buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json();
        assertThat(resubmitted.path("approvals")).isEmpty();
        approver.post("/purchase-orders/" + id + "/approve", null).expect(200);
        assertThat(admin.get("/purchase-orders/" + id).json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void anAcknowledgementWithAnotherDateRaisesAnExceptionForTheBuyer() {
        String id = draft(buyer, supplier("0"), 100);
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        LocalDate expected = LocalDate.parse(admin.get("/purchase-orders/" + id).json().path("lines").get(0).path("expectedDate").asString());
        Api.Response unknownLine = buyer.post("/purchase-orders/" + id + "/acknowledge", Map.of("lines", List.of(Map.of("lineNo", 9))));
        assertThat(unknownLine.errorFields()).containsExactly("lines[0].lineNo");
        JsonNode ack = buyer.post("/purchase-orders/" + id + "/acknowledge", Map.of("lines", List.of(Map.of("lineNo", 1,
                "promisedDate", expected.plusDays(7).toString())))).expect(200).json();
        assertThat(ack.path("lines").get(0).path("promisedDate").asString()).isEqualTo(expected.plusDays(7).toString());
        JsonNode cases = admin.get("/exceptions?type=SUPPLIER_ACKNOWLEDGEMENT_CHANGED&entityType=purchase_order&entityId=" + id)
                .expect(200).json().path("items");
        assertThat(cases).hasSize(1);
        assertThat(cases.get(0).path("ownerRole").asString()).isEqualTo("BUYER");
    }

    @Test
    void badInputIsRefusedNamingTheFieldsAndWritesNothing() {
        String supplier = supplier("0");
        String noReceive = f.node("STORE", 52.5, 13.4, List.of("SHIP"), null);
        Map<String, Object> body = order(supplier, noReceive, Api.unique("NOPE"), 5, "1.00", f.item(), 0, "-1");
        body.put("currency", "USD");
        Api.Response r = buyer.post("/purchase-orders", body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.errorFields()).contains("lines[1].quantity", "lines[1].unitCost");
        Api.Response semantic = buyer.post("/purchase-orders", order(supplier, noReceive, Api.unique("NOPE"), 5, "1.00"));
        assertThat(semantic.status()).isEqualTo(400);
        Map<String, Object> wrongCurrency = order(supplier, f.location(), Api.unique("NOPE"), 5, null);
        wrongCurrency.put("currency", "USD");
        Api.Response second = buyer.post("/purchase-orders", wrongCurrency);
        assertThat(second.errorFields()).contains("currency", "lines[0].sku");
        assertThat(semantic.errorFields()).contains("location");
        Api.Response noCost = buyer.post("/purchase-orders", order(supplier, f.location(), f.item(), 5, null));
        assertThat(noCost.errorFields()).containsExactly("lines[0].unitCost");
        assertThat(buyer.post("/purchase-orders", order(Api.unique("NOSUP"), f.location(), f.item(), 5, "1")).errorFields())
                .containsExactly("supplier");
        assertThat(admin.get("/purchase-orders?supplier=" + supplier).expect(200).json().path("items")).isEmpty();
    }

    @Test
    void theSuppliersMinimumOrderValueIsEnforcedAtSubmit() {
        String id = draft(buyer, supplier("5000.00"), 100);
        Api.Response r = buyer.post("/purchase-orders/" + id + "/submit", null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.problemSlug()).isEqualTo("supplier-minimum-not-met");
        assertThat(r.json().path("rule").asString()).isEqualTo("MIN_ORDER_VALUE");
        assertThat(admin.get("/purchase-orders/" + id).json().path("status").asString()).isEqualTo("DRAFT");
    }

    @Test
    void aRetriedCreateWithItsIdempotencyKeyCreatesOneOrder() {
        String supplier = supplier("0");
        Map<String, Object> body = order(supplier, f.location(), f.item(), 3, "2.00");
        Api keyed = buyer.header("Idempotency-Key", Api.unique("po"));
        Api.Response first = keyed.post("/purchase-orders", body).expect(201);
        Api.Response second = keyed.post("/purchase-orders", body).expect(201);
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(admin.get("/purchase-orders?supplier=" + supplier).json().path("items")).hasSize(1);
    }

    @Test
    void eachRoleMayDoOnlyItsPartOfProcurement() {
        String supplier = supplier("0");
        String id = draft(buyer, supplier, 2000);
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        Api viewer = admin.withKey("VIEWER", null);
        Api finance = admin.withKey("FINANCE", null);
        Api warehouse = admin.withKey("WAREHOUSE", null);
        Api manager = admin.withKey("INVENTORY_MANAGER", null);
        for (Api reader : List.of(viewer, finance, manager, approver)) {
            reader.get("/purchase-orders/" + id).expect(200);
            reader.get("/suppliers/" + supplier).expect(200);
        }
        assertThat(warehouse.get("/purchase-orders/" + id).status()).isEqualTo(403);
        assertThat(viewer.put("/suppliers/" + Api.unique("SUP"), supplierBody("EUR", "0")).status()).isEqualTo(403);
        assertThat(approver.put("/suppliers/" + Api.unique("SUP"), supplierBody("EUR", "0")).status()).isEqualTo(403);
        assertThat(approver.post("/purchase-orders", order(supplier, f.location(), f.item(), 1, "1")).status()).isEqualTo(403);
        assertThat(buyer.post("/purchase-orders/" + id + "/approve", null).status()).isEqualTo(403);
        assertThat(buyer.post("/purchase-orders/" + id + "/reject", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(manager.post("/purchase-orders/" + id + "/cancel", null).status()).isEqualTo(403);
        assertThat(admin.get("/purchase-orders/" + id).json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
    }
}
