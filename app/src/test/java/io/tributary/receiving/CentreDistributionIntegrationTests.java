package io.tributary.receiving;

import static io.tributary.receiving.ReceivingIntegrationTests.line;
import static io.tributary.receiving.ReceivingIntegrationTests.receipt;
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

/** Goods of a consolidated purchase order received at its centre flow on to the locations as transfer orders (ADR 0018). */
class CentreDistributionIntegrationTests extends IntegrationTest {

    Api admin;
    Fixtures f;
    Api buyer;
    Api receiver;
    String supplier;
    String centre;
    String dc1;
    String dc2;
    String shampoo;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        receiver = admin.withKey("WAREHOUSE", null);
        supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, Map.of("name", "Hub Supplies", "currency", "EUR", "leadTimeDays", 5, "minOrderValue", "0",
                "paymentTerms", "NET30", "incoterms", "FOB")).expect(201);
        centre = f.node("CONSOLIDATION_CENTER", 52.5, 13.4, List.of("RECEIVE", "TRANSFER"), null);
        dc1 = f.location();
        dc2 = f.location();
        shampoo = f.item();
        Map<String, Object> terms = new LinkedHashMap<>();
        terms.put("supplierSku", "S-6");
        terms.put("unitCost", "2.00");
        terms.put("casePack", 6);
        terms.put("minOrderQuantity", 0);
        terms.put("leadTimeDays", null);
        terms.put("primary", true);
        buyer.put("/suppliers/" + supplier + "/items/" + shampoo, terms).expect(201);
        f.stock(shampoo, dc2, 5);
        for (String dc : List.of(dc1, dc2)) {
            buyer.put("/replenishment/policies/" + shampoo + "/" + dc, Map.of("method", "MIN_MAX", "min", 10, "max", 20)).expect(201);
        }
    }

    /** Needs 20 (DC1, nothing on hand) and 15 (DC2, 5 on hand): 36 ordered, planned 18 and 18. */
    String consolidatedAndSent() {
        JsonNode created = buyer.post("/purchase-orders/consolidations",
                Map.of("supplier", supplier, "consolidationCentre", centre, "locations", List.of(dc1, dc2))).expect(201).json();
        String id = created.path("purchaseOrder").path("id").asString();
        assertThat(created.path("purchaseOrder").path("lines").get(0).path("quantity").asLong()).isEqualTo(36);
        assertThat(buyer.post("/purchase-orders/" + id + "/submit", null).expect(200).json().path("status").asString()).isEqualTo("APPROVED");
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        return id;
    }

    JsonNode plan(String po) {
        return admin.withKey("VIEWER", null).get("/purchase-orders/" + po + "/distribution-plan").expect(200).json();
    }

    /** Units per destination on the transfers one receipt became, read from the transfers themselves. */
    Map<String, Long> transfersOf(JsonNode plan, String receipt) {
        Map<String, Long> units = new HashMap<>();
        for (JsonNode d : plan.path("transfers")) {
            if (!d.path("receipt").asString().equals(receipt)) {
                continue;
            }
            JsonNode transfer = admin.get("/transfers/" + d.path("transfer").asString()).expect(200).json();
            assertThat(transfer.path("status").asString()).isEqualTo("DRAFT");
            assertThat(transfer.path("from").asString()).isEqualTo(centre);
            assertThat(transfer.path("to").asString()).isEqualTo(d.path("location").asString());
            JsonNode l = transfer.path("lines").get(0);
            assertThat(l.path("sku").asString()).isEqualTo(shampoo);
            units.put(transfer.path("to").asString(), l.path("quantity").asLong());
        }
        return units;
    }

    @Test
    void aReceiptAtTheCentreBecomesTransfersReBalancedOnTodaysNeeds() {
        String po = consolidatedAndSent();
        // DC2 got stock elsewhere since: at 15 it is above its minimum and needs nothing now
        f.stock(shampoo, dc2, 10);

        String receipt = receiver.post("/receipts", receipt(centre, po, true, List.of(line(shampoo, 36)))).expect(201).json()
                .path("id").asString();

        JsonNode plan = plan(po);
        assertThat(plan.path("distributionPlan").toString()).contains(dc2);
        assertThat(transfersOf(plan, receipt)).containsExactlyInAnyOrderEntriesOf(Map.of(dc1, 36L));
        assertThat(plan.path("transfers").get(0).path("need").asLong()).isEqualTo(20);

        // the transfer ships from the centre's stock like any other
        String transfer = plan.path("transfers").get(0).path("transfer").asString();
        assertThat(receiver.post("/transfers/" + transfer + "/ship", null).expect(200).json().path("status").asString()).isEqualTo("SHIPPED");
    }

    @Test
    void partialReceiptsShareOutWholeCasesAndLooseUnitsWaitForTheNext() {
        String po = consolidatedAndSent();

        // 20 units: 3 whole cases by 20 : 15 → 60/35 = 1 r 25, 45/35 = 1 r 10: the third case to DC1; 2 loose units wait
        String first = receiver.post("/receipts", receipt(centre, po, false, List.of(line(shampoo, 20)))).expect(201).json()
                .path("id").asString();
        assertThat(transfersOf(plan(po), first)).containsExactlyInAnyOrderEntriesOf(Map.of(dc1, 12L, dc2, 6L));

        // 16 more, 2 of them damaged: 14 good + 2 waiting = 16 → 2 whole cases. The drafts on their way count as
        // on order, so neither DC is at its minimum any more: the plan's 18 : 18 weighs them, one case each
        String second = receiver.post("/receipts", receipt(centre, po, true, List.of(line(shampoo, 16, 2, null, null)))).expect(201).json()
                .path("id").asString();
        JsonNode plan = plan(po);
        assertThat(transfersOf(plan, second)).containsExactlyInAnyOrderEntriesOf(Map.of(dc1, 6L, dc2, 6L));

        long sent = 0;
        for (JsonNode d : plan.path("transfers")) {
            sent += d.path("quantity").asLong();
        }
        // 34 good units arrived: 30 sent on, the 4 loose units short of a case stay at the centre
        assertThat(sent).isEqualTo(30);
    }

    @Test
    void anOrdinaryOrderToTheCentreDraftsNoTransfers() {
        String id = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", centre, "currency", "EUR",
                "lines", List.of(Map.of("sku", shampoo, "quantity", 12, "unitCost", "1.00")))).expect(201).json().path("id").asString();
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        receiver.post("/receipts", receipt(centre, id, true, List.of(line(shampoo, 12)))).expect(201);
        assertThat(admin.get("/purchase-orders/" + id + "/distribution-plan").status()).isEqualTo(404);
    }
}
