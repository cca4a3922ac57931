package io.tributary.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReplenishmentIntegrationTests extends IntegrationTest {

    Api admin;
    Fixtures f;
    Api buyer;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
    }

    static Map<String, Object> terms(int casePack, int moq, Integer leadTimeDays, boolean primary) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("supplierSku", "S-" + casePack);
        body.put("unitCost", "2.00");
        body.put("casePack", casePack);
        body.put("minOrderQuantity", moq);
        body.put("leadTimeDays", leadTimeDays);
        body.put("primary", primary);
        return body;
    }

    static Map<String, Object> policy(String method, Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("method", method);
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }

    /** This run's proposals by SKU. */
    static Map<String, JsonNode> bySku(JsonNode proposals) {
        Map<String, JsonNode> m = new HashMap<>();
        proposals.forEach(p -> m.put(p.path("sku").asString(), p));
        return m;
    }

    @Test
    void aRunProposesFromPoliciesAndAcceptedProposalsBecomeOneDraftOrderPerSupplierAndLocation() {
        String supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, ProcurementIntegrationTests.supplierBody("EUR", "0")).expect(201);
        String dc = f.location();
        String reorder = f.item();
        String cover = f.item();
        String minMax = f.item();
        String none = f.item();
        String orphan = f.item();
        buyer.put("/suppliers/" + supplier + "/items/" + reorder, terms(6, 12, 7, true)).expect(201);
        buyer.put("/suppliers/" + supplier + "/items/" + cover, terms(6, 12, 4, true)).expect(201);
        buyer.put("/suppliers/" + supplier + "/items/" + minMax, terms(4, 0, null, true)).expect(201);
        buyer.put("/suppliers/" + supplier + "/items/" + none, terms(1, 0, null, true)).expect(201);
        f.stock(reorder, dc, 20);

        assertThat(buyer.put("/replenishment/policies/" + reorder + "/" + dc, policy("REORDER_POINT", "reorderPoint", 30, "orderUpTo", 100))
                .expect(201).json().path("version").asLong()).isEqualTo(1);
        buyer.put("/replenishment/policies/" + cover + "/" + dc, policy("DAYS_OF_COVER", "daysOfCover", 10, "dailyDemand", "5",
                "dailyDemandDeviation", "2", "serviceLevel", "0.95")).expect(201);
        buyer.put("/replenishment/policies/" + minMax + "/" + dc, policy("MIN_MAX", "min", 10, "max", 20)).expect(201);
        buyer.put("/replenishment/policies/" + none + "/" + dc, policy("NONE")).expect(201);
        buyer.put("/replenishment/policies/" + orphan + "/" + dc, policy("MIN_MAX", "min", 1, "max", 5)).expect(201);
        JsonNode replaced = buyer.put("/replenishment/policies/" + minMax + "/" + dc, policy("MIN_MAX", "min", 10, "max", 21, "roundToPallets", false))
                .expect(200).json();
        assertThat(replaced.path("version").asLong()).isEqualTo(2);
        assertThat(admin.withKey("VIEWER", null).get("/replenishment/policies/" + minMax + "/" + dc).expect(200).json().path("max").asLong())
                .isEqualTo(21);

        JsonNode run = buyer.post("/replenishment/runs", Map.of()).expect(201).json();
        Map<String, JsonNode> proposals = bySku(run.path("proposals"));
        // 20 on hand ≤ 30: up to 100 needs 80, 14 cases of 6 = 84
        assertThat(proposals.get(reorder).path("projected").asLong()).isEqualTo(20);
        assertThat(proposals.get(reorder).path("quantity").asLong()).isEqualTo(84);
        assertThat(proposals.get(reorder).path("supplier").asString()).isEqualTo(supplier);
        assertThat(proposals.get(reorder).path("explanation").asString()).contains("projected available 20", "order up to 100 needs 80",
                "propose 84");
        // SS ⌈1.644854 × √(4 days × 2²)⌉ = ⌈6.58⌉ = 7; 10 days × 5 = 50; target 57; 10 cases of 6 = 60
        assertThat(proposals.get(cover).path("safetyStock").asLong()).isEqualTo(7);
        assertThat(proposals.get(cover).path("quantity").asLong()).isEqualTo(60);
        // 0 < 10: up to 21, 6 cases of 4 = 24 (lead time from the supplier's default)
        assertThat(proposals.get(minMax).path("quantity").asLong()).isEqualTo(24);
        assertThat(proposals.get(minMax).path("explanation").asString()).contains("lead time 10 days");
        assertThat(proposals).doesNotContainKeys(none, orphan);
        assertThat(run.path("skipped").toString()).contains(orphan, "no primary supplier");

        String minMaxId = proposals.get(minMax).path("id").asString();
        assertThat(buyer.post("/replenishment/proposals/" + minMaxId + "/quantity", Map.of("quantity", 30)).expect(200).json()
                .path("quantity").asLong()).isEqualTo(30);
        assertThat(buyer.post("/replenishment/proposals/dismiss", Map.of("ids", List.of(minMaxId))).expect(200).json()
                .path("proposals").get(0).path("status").asString()).isEqualTo("DISMISSED");

        List<String> ids = List.of(proposals.get(reorder).path("id").asString(), proposals.get(cover).path("id").asString());
        JsonNode accepted = buyer.post("/replenishment/proposals/accept", Map.of("ids", ids)).expect(200).json();
        assertThat(accepted.path("purchaseOrders")).hasSize(1);
        JsonNode po = accepted.path("purchaseOrders").get(0);
        assertThat(po.path("status").asString()).isEqualTo("DRAFT");
        assertThat(po.path("supplier").asString()).isEqualTo(supplier);
        assertThat(po.path("location").asString()).isEqualTo(dc);
        Map<String, Long> lines = new HashMap<>();
        po.path("lines").forEach(l -> lines.put(l.path("sku").asString(), l.path("quantity").asLong()));
        assertThat(lines).containsExactlyInAnyOrderEntriesOf(Map.of(reorder, 84L, cover, 60L));
        JsonNode reread = admin.get("/replenishment/proposals/" + ids.get(0)).expect(200).json();
        assertThat(reread.path("status").asString()).isEqualTo("ACCEPTED");
        assertThat(reread.path("purchaseOrder").asString()).isEqualTo(po.path("id").asString());
        assertThat(buyer.post("/replenishment/proposals/accept", Map.of("ids", ids)).problemSlug()).isEqualTo("invalid-transition");

        // What is on order now counts: 20 + 84 > 30 and 60 ≥ 57, so nothing more for these two
        Map<String, JsonNode> again = bySku(buyer.post("/replenishment/runs", Map.of()).expect(201).json().path("proposals"));
        assertThat(again).doesNotContainKeys(reorder, cover);
        assertThat(again.get(minMax).path("quantity").asLong()).isEqualTo(24);
        JsonNode open = admin.get("/replenishment/proposals?status=OPEN&limit=500").expect(200).json();
        assertThat(open.toString()).contains(again.get(minMax).path("id").asString());
    }

    @Test
    void aPolicyMustCarryTheLevelsOfItsMethodAndOnlyThose() {
        String sku = f.item();
        String dc = f.location();
        Api.Response noMax = buyer.put("/replenishment/policies/" + sku + "/" + dc, policy("MIN_MAX", "min", 10, "reorderPoint", 5));
        assertThat(noMax.status()).isEqualTo(400);
        assertThat(noMax.errorFields()).contains("max", "reorderPoint");
        assertThat(buyer.put("/replenishment/policies/" + sku + "/" + dc, policy("REORDER_POINT", "reorderPoint", 50, "orderUpTo", 10))
                .errorFields()).containsExactly("orderUpTo");
        assertThat(buyer.put("/replenishment/policies/" + sku + "/" + dc, policy("DAYS_OF_COVER", "daysOfCover", 7, "serviceLevel", "1"))
                .errorFields()).containsExactly("serviceLevel");
        assertThat(buyer.put("/replenishment/policies/" + sku + "/" + dc, policy("SOMETIMES")).errorFields()).containsExactly("method");
        assertThat(buyer.put("/replenishment/policies/" + Api.unique("NOPE") + "/" + dc, policy("NONE")).errorFields()).containsExactly("sku");
        assertThat(admin.get("/replenishment/policies/" + sku + "/" + dc).status()).isEqualTo(404);
    }

    @Test
    void viewersReadProposalsButOnlyBuyersRunAndDecide() {
        Api viewer = admin.withKey("VIEWER", null);
        assertThat(viewer.get("/replenishment/proposals").status()).isEqualTo(200);
        assertThat(admin.withKey("INVENTORY_MANAGER", null).get("/replenishment/proposals").status()).isEqualTo(200);
        assertThat(viewer.post("/replenishment/runs", Map.of()).status()).isEqualTo(403);
        assertThat(admin.withKey("APPROVER", null).post("/replenishment/proposals/accept", Map.of("ids", List.of())).status()).isEqualTo(403);
        assertThat(viewer.put("/replenishment/policies/" + f.item() + "/" + f.location(), policy("NONE")).status()).isEqualTo(403);
    }
}
