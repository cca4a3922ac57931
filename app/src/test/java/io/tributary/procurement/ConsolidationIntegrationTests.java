package io.tributary.procurement;

import static io.tributary.procurement.ReplenishmentIntegrationTests.policy;
import static io.tributary.procurement.ReplenishmentIntegrationTests.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ConsolidationIntegrationTests extends IntegrationTest {

    Api admin;
    Fixtures f;
    Api buyer;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
    }

    @Test
    void oneOrderToTheConsolidationCentreAndAPlanThatSharesItOut() {
        String supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, ProcurementIntegrationTests.supplierBody("EUR", "0")).expect(201);
        String centre = f.node("CONSOLIDATION_CENTER", 52.5, 13.4, List.of("RECEIVE", "TRANSFER"), null);
        String dc1 = f.location();
        String dc2 = f.location();
        String dc3 = f.location();
        // items come in cases of 6, 40 cases a pallet (240 units)
        String shampoo = f.item();
        String soap = f.item();
        buyer.put("/suppliers/" + supplier + "/items/" + shampoo, terms(6, 0, null, true)).expect(201);
        buyer.put("/suppliers/" + supplier + "/items/" + soap, terms(6, 0, null, true)).expect(201);
        f.stock(shampoo, dc2, 5);
        f.stock(shampoo, dc3, 12);
        for (String dc : List.of(dc1, dc2, dc3)) {
            buyer.put("/replenishment/policies/" + shampoo + "/" + dc, policy("MIN_MAX", "min", 10, "max", 20)).expect(201);
        }
        buyer.put("/replenishment/policies/" + soap + "/" + dc1, policy("REORDER_POINT", "reorderPoint", 30, "orderUpTo", 100)).expect(201);

        assertThat(admin.withKey("VIEWER", null).post("/purchase-orders/consolidations",
                Map.of("supplier", supplier, "consolidationCentre", centre, "locations", List.of(dc1))).status()).isEqualTo(403);
        assertThat(buyer.post("/purchase-orders/consolidations", Map.of("supplier", supplier, "consolidationCentre", dc1,
                "locations", List.of(dc2, dc2))).expect(400).errorFields()).contains("consolidationCentre", "locations[1]");

        JsonNode created = buyer.post("/purchase-orders/consolidations",
                Map.of("supplier", supplier, "consolidationCentre", centre, "locations", List.of(dc1, dc2, dc3))).expect(201).json();

        JsonNode po = created.path("purchaseOrder");
        assertThat(po.path("status").asString()).isEqualTo("DRAFT");
        assertThat(po.path("location").asString()).isEqualTo(centre);
        Map<String, Long> ordered = new HashMap<>();
        po.path("lines").forEach(l -> ordered.put(l.path("sku").asString(), l.path("quantity").asLong()));
        // shampoo: needs 20 (DC1), 15 (DC2), 0 (DC3 is at 12, not below 10): 35 → 6 cases = 36.
        // soap: DC1 at 0 ≤ 30 needs 100 → 17 cases = 102
        assertThat(ordered).containsExactlyInAnyOrderEntriesOf(Map.of(shampoo, 36L, soap, 102L));

        // shampoo's 6 cases by 20 : 15 → 120/35 = 3 r 15, 90/35 = 2 r 20: the sixth case to DC2
        Map<String, Long> plan = new HashMap<>();
        created.path("distributionPlan").forEach(p -> plan.put(p.path("location").asString() + "/" + p.path("sku").asString(),
                p.path("quantity").asLong()));
        assertThat(plan).containsExactlyInAnyOrderEntriesOf(Map.of(dc1 + "/" + shampoo, 18L, dc2 + "/" + shampoo, 18L, dc1 + "/" + soap, 102L));

        // alone: DC1 would order 24 shampoo and 102 soap, DC2 18 shampoo: 2 orders, 3 pallets, 144 units
        JsonNode savings = created.path("savings");
        assertThat(savings.path("separatePurchaseOrders").asInt()).isEqualTo(2);
        assertThat(savings.path("purchaseOrders").asInt()).isEqualTo(1);
        assertThat(savings.path("separateShipments").asInt()).isEqualTo(2);
        assertThat(savings.path("shipments").asInt()).isEqualTo(1);
        assertThat(savings.path("separatePallets").asLong()).isEqualTo(3);
        assertThat(savings.path("pallets").asLong()).isEqualTo(2);
        assertThat(savings.path("separateUnits").asLong()).isEqualTo(144);
        assertThat(savings.path("units").asLong()).isEqualTo(138);

        String id = po.path("id").asString();
        JsonNode reread = admin.withKey("VIEWER", null).get("/purchase-orders/" + id + "/distribution-plan").expect(200).json();
        assertThat(reread.path("distributionPlan")).isEqualTo(created.path("distributionPlan"));
        assertThat(reread.path("consolidationCentre").asString()).isEqualTo(centre);
        assertThat(reread.path("lines").toString()).contains("summed need 35 of 2 locations");

        // the plan is on order at the DCs now: the same consolidation finds nothing left to buy
        assertThat(buyer.post("/purchase-orders/consolidations",
                Map.of("supplier", supplier, "consolidationCentre", centre, "locations", List.of(dc1, dc2, dc3))).expect(400).errorFields())
                .containsExactly("locations");
    }

    @Test
    void anOrderThatWasNotConsolidatedHasNoDistributionPlan() {
        String supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, ProcurementIntegrationTests.supplierBody("EUR", "0")).expect(201);
        String sku = f.item();
        JsonNode po = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", f.location(),
                "lines", List.of(Map.of("sku", sku, "quantity", 5, "unitCost", "1.00")))).expect(201).json();
        assertThat(admin.get("/purchase-orders/" + po.path("id").asString() + "/distribution-plan").status()).isEqualTo(404);
    }
}
