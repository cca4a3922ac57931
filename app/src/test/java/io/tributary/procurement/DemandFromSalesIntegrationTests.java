package io.tributary.procurement;

import static io.tributary.procurement.ReplenishmentIntegrationTests.bySku;
import static io.tributary.procurement.ReplenishmentIntegrationTests.policy;
import static io.tributary.procurement.ReplenishmentIntegrationTests.terms;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import io.tributary.support.OrderRequests;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Replenishment planning with the sales a location served: shipped and open order units, recency-weighted, with an uplift. */
class DemandFromSalesIntegrationTests extends IntegrationTest {

    @Test
    void aRunWithoutPlannerDemandPlansWithRecentShippedAndOpenUnitsTimesTheUplift() {
        Api admin = admin();
        Fixtures f = new Fixtures(admin);
        Api buyer = admin.withKey("BUYER", null);
        String supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, ProcurementIntegrationTests.supplierBody("EUR", "0")).expect(201);
        String sold = f.item();
        String planned = f.item();
        String dc = f.node("DC", 52.52, 13.40, List.of("SHIP", "RECEIVE"), null);
        String channel = f.channel(List.of(dc));
        f.stock(sold, dc, 10);
        buyer.put("/suppliers/" + supplier + "/items/" + sold, terms(1, 0, 4, true)).expect(201);
        buyer.put("/suppliers/" + supplier + "/items/" + planned, terms(1, 0, 4, true)).expect(201);

        // 6 units ordered and shipped today; 4 units of an order placed three days ago, still waiting at the node
        JsonNode shippedOrder = admin.post("/orders", OrderRequests.order(channel, "CAPTURED", "STANDARD", null,
                List.of(OrderRequests.line("1", sold, 6)))).expect(201).json();
        Map<String, Object> older = OrderRequests.order(channel, "CAPTURED", "STANDARD", null, List.of(OrderRequests.line("1", sold, 4)));
        older.put("placedAt", Instant.now().minus(Duration.ofDays(3)).toString());
        admin.post("/orders", older).expect(201);
        String ff = shippedOrder.path("fulfillments").get(0).path("id").asString();
        admin.post("/fulfillments/release-due", null).expect(200);
        admin.post("/fulfillments/" + ff + "/pick", null).expect(200);
        admin.post("/fulfillments/" + ff + "/pack", null).expect(200);
        admin.post("/fulfillments/" + ff + "/ship", Map.of("carrier", "DHL", "trackingNumber", "JD0001")).expect(200);

        assertThat(buyer.put("/replenishment/policies/" + sold + "/" + dc, policy("DAYS_OF_COVER", "daysOfCover", 30,
                "serviceLevel", "0.95", "demandUplift", "0")).expect(400).errorFields()).contains("demandUplift");
        assertThat(buyer.put("/replenishment/policies/" + sold + "/" + dc, policy("DAYS_OF_COVER", "daysOfCover", 30,
                "serviceLevel", "0.95", "demandUplift", "1.5")).expect(201).json().path("demandUplift").asString()).isEqualTo("1.5");
        buyer.put("/replenishment/policies/" + planned + "/" + dc, policy("DAYS_OF_COVER", "daysOfCover", 10, "dailyDemand", "2",
                "demandUplift", "2")).expect(201);

        Map<String, JsonNode> proposals = bySku(buyer.post("/replenishment/runs", Map.of()).expect(201).json().path("proposals"));

        // 28 days, weights 1..28 (Σ 406): 4 open units on day 25, 6 shipped on day 28.
        // d = 268 / 406 = 0.6601/day, σ = 1.7413; uplift 1.5: d = 0.9901/day.
        // SS = ⌈1.644854 × √(4 × 1.7413²)⌉ = ⌈5.73⌉ = 6; cover ⌈30 × 0.9901⌉ = 30; target 36.
        // Projected: on hand 4 (10 − 6 shipped) − reserved 4 = 0, so 36 (case pack 1).
        JsonNode p = proposals.get(sold);
        assertThat(p.path("projected").asLong()).isZero();
        assertThat(p.path("safetyStock").asLong()).isEqualTo(6);
        assertThat(p.path("quantity").asLong()).isEqualTo(36);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        assertThat(p.path("explanation").asString()).contains(
                "demand source: sales at " + dc + " over 28 days " + today.minusDays(27) + " to " + today
                        + " (6 shipped + 4 open units), recency-weighted 0.66/day (σ 1.74) × uplift 1.5 = 0.99/day",
                "target 36");

        // planner's 2/day × 2 = 4/day; 10 days: 40
        JsonNode q = proposals.get(planned);
        assertThat(q.path("quantity").asLong()).isEqualTo(40);
        assertThat(q.path("explanation").asString()).contains("demand source: planner, 2.00/day (σ 0.00) × uplift 2 = 4.00/day");
    }
}
