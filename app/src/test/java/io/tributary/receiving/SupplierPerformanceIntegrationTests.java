package io.tributary.receiving;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Supplier performance and missed promised dates (ADR 0020) over HTTP. The application's clock is
 * the real one, so orders are acknowledged with promised dates in the past and the stored moments of
 * sending and receiving are moved back in time to give hand-computable lead times.
 */
class SupplierPerformanceIntegrationTests extends IntegrationTest {

    @Autowired
    JdbcClient jdbc;

    Api admin;
    Fixtures f;
    Api buyer;
    Api receiver;
    String supplier;
    String location;
    LocalDate today;

    @BeforeEach
    void setUp() {
        admin = admin();
        f = new Fixtures(admin);
        buyer = admin.withKey("BUYER", null);
        receiver = admin.withKey("WAREHOUSE", null);
        supplier = Api.unique("SUP");
        buyer.put("/suppliers/" + supplier, Map.of("name", "Timely Goods", "currency", "EUR", "leadTimeDays", 5, "minOrderValue", "0",
                "paymentTerms", "NET30", "incoterms", "FOB")).expect(201);
        location = f.location();
        today = LocalDate.now(ZoneOffset.UTC);
    }

    /** A purchase order sent ten days ago and acknowledged: triples of SKU, ordered quantity and confirmed quantity, promised {@code daysAgo}. */
    String acknowledgedOrder(Object... skuOrderedConfirmedDaysAgo) {
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Map<String, Object>> answers = new ArrayList<>();
        for (int i = 0; i < skuOrderedConfirmedDaysAgo.length; i += 4) {
            lines.add(Map.of("sku", skuOrderedConfirmedDaysAgo[i], "quantity", skuOrderedConfirmedDaysAgo[i + 1], "unitCost", "1.00"));
            answers.add(Map.of("lineNo", i / 4 + 1, "quantity", skuOrderedConfirmedDaysAgo[i + 2],
                    "promisedDate", today.minusDays((int) skuOrderedConfirmedDaysAgo[i + 3]).toString()));
        }
        String id = buyer.post("/purchase-orders", Map.of("supplier", supplier, "location", location, "currency", "EUR", "lines", lines))
                .expect(201).json().path("id").asString();
        buyer.post("/purchase-orders/" + id + "/submit", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/send", null).expect(200);
        buyer.post("/purchase-orders/" + id + "/acknowledge", Map.of("lines", answers)).expect(200);
        jdbc.sql("update purchase_order_history set at = :at where purchase_order_id = cast(:id as uuid) and event = 'sent'")
                .param("at", daysAgo(10)).param("id", id).update();
        return id;
    }

    Timestamp daysAgo(int days) {
        return Timestamp.from(today.minusDays(days).atTime(12, 0).toInstant(ZoneOffset.UTC));
    }

    JsonNode receive(String po, boolean complete, Object... skuAndQuantity) {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("sku", skuAndQuantity[i]);
            line.put("quantity", skuAndQuantity[i + 1]);
            line.put("damaged", 0);
            lines.add(line);
        }
        return receiver.post("/receipts", Map.of("location", location, "purchaseOrder", po, "complete", complete, "lines", lines))
                .expect(201).json();
    }

    void receivedDaysAgo(String po, int lineNo, int days) {
        jdbc.sql("update purchase_order_line_receipt set received_at = :at where purchase_order_id = cast(:id as uuid) and line_no = :lineNo")
                .param("at", daysAgo(days)).param("id", po).param("lineNo", lineNo).update();
    }

    @Test
    void performanceIsComputedFromWhatWasPromisedAndReceived() {
        String a = f.item();
        String b = f.item();
        // PO 1: a 10 promised 5 days ago, received 6 days ago (on time, lead time 4 days);
        //       b ordered 10, confirmed 8, promised 3 days ago, received today (late, lead time 10 days).
        String first = acknowledgedOrder(a, 10, 10, 5, b, 10, 8, 3);
        assertThat(receive(first, false, a, 10, b, 8).path("discrepancies")).isEmpty();
        receivedDaysAgo(first, 1, 6);
        // PO 2: a 4 promised 2 days ago, 2 arrive and the delivery is declared complete (SHORT): late, not completed.
        String second = acknowledgedOrder(a, 4, 4, 2);
        assertThat(receive(second, true, a, 2).path("discrepancies")).hasSize(1);
        // PO 3: promised tomorrow, outside the window of lines already due.
        acknowledgedOrder(b, 7, 7, -1);

        JsonNode p = buyer.get("/suppliers/" + supplier + "/performance?days=30").expect(200).json();
        assertThat(p.path("supplier").asString()).isEqualTo(supplier);
        assertThat(p.path("days").asInt()).isEqualTo(30);
        assertThat(p.path("from").asString()).isEqualTo(today.minusDays(30).toString());
        assertThat(p.path("to").asString()).isEqualTo(today.minusDays(1).toString());
        // On time: 1 of 3 acknowledged lines due in the window.
        assertThat(p.path("onTime").path("lines").asInt()).isEqualTo(3);
        assertThat(p.path("onTime").path("onTime").asInt()).isEqualTo(1);
        assertThat(p.path("onTime").path("rate").decimalValue()).isEqualByComparingTo("0.3333");
        // Lead time over the two completed lines, 4 and 10 days: mean 7, variance ((4-7)^2 + (10-7)^2) / 2 = 9.
        assertThat(p.path("leadTime").path("lines").asInt()).isEqualTo(2);
        assertThat(p.path("leadTime").path("meanDays").decimalValue()).isEqualByComparingTo("7");
        assertThat(p.path("leadTime").path("varianceDays").decimalValue()).isEqualByComparingTo("9");
        // Fill rate: (10 + 8 + 2) of (10 + 10 + 4) ordered.
        assertThat(p.path("fillRate").path("ordered").asLong()).isEqualTo(24);
        assertThat(p.path("fillRate").path("received").asLong()).isEqualTo(20);
        assertThat(p.path("fillRate").path("rate").decimalValue()).isEqualByComparingTo("0.8333");
        // Discrepancies: 1 of 2 receipts.
        assertThat(p.path("discrepancies").path("receipts").asInt()).isEqualTo(2);
        assertThat(p.path("discrepancies").path("withDiscrepancies").asInt()).isEqualTo(1);
        assertThat(p.path("discrepancies").path("rate").decimalValue()).isEqualByComparingTo("0.5");

        // A window of 4 days keeps only the lines due 3 and 2 days ago: both late.
        JsonNode recent = buyer.get("/suppliers/" + supplier + "/performance?days=4").expect(200).json();
        assertThat(recent.path("onTime").path("lines").asInt()).isEqualTo(2);
        assertThat(recent.path("onTime").path("onTime").asInt()).isZero();
        assertThat(recent.path("leadTime").path("meanDays").decimalValue()).isEqualByComparingTo("10");
        assertThat(recent.path("leadTime").path("varianceDays").decimalValue()).isEqualByComparingTo("0");
    }

    @Test
    void aSupplierWithoutHistoryHasNoRatesAndBadRequestsAreRefused() {
        // Figures with nothing to measure are left out (null).
        JsonNode p = buyer.get("/suppliers/" + supplier + "/performance").expect(200).json();
        assertThat(p.path("days").asInt()).isEqualTo(90);
        assertThat(p.path("onTime").path("lines").asInt()).isZero();
        assertThat(p.path("onTime").path("rate").isMissingNode()).isTrue();
        assertThat(p.path("leadTime").path("meanDays").isMissingNode()).isTrue();
        assertThat(p.path("fillRate").path("rate").isMissingNode()).isTrue();
        assertThat(p.path("discrepancies").path("rate").isMissingNode()).isTrue();
        buyer.get("/suppliers/" + supplier + "/performance?days=0").expect(400);
        buyer.get("/suppliers/" + Api.unique("NONE") + "/performance").expect(404);
        admin.withKey("VIEWER", null).get("/suppliers/" + supplier + "/performance").expect(200);
    }

    @Test
    void aMissedPromisedDateRaisesOneCaseForTheBuyerPerOrder() {
        String a = f.item();
        String b = f.item();
        String late = acknowledgedOrder(a, 10, 10, 2, b, 5, 5, 1);
        receive(late, false, a, 4);
        String done = acknowledgedOrder(a, 3, 3, 2);
        receive(done, false, a, 3);
        String notYet = acknowledgedOrder(b, 3, 3, 0);

        buyer.post("/suppliers/performance/check-dates", null).expect(403);
        JsonNode raised = admin.post("/suppliers/performance/check-dates", null).expect(200).json().path("raised");
        List<String> orders = new ArrayList<>();
        raised.forEach(c -> orders.add(c.path("purchaseOrder").asString()));
        assertThat(orders).contains(late).doesNotContain(done, notYet);

        JsonNode cases = buyer.get("/exceptions?type=SUPPLIER_DATE_MISSED&entityId=" + late).expect(200).json().path("items");
        assertThat(cases).hasSize(1);
        JsonNode c = cases.get(0);
        assertThat(c.path("ownerRole").asString()).isEqualTo("BUYER");
        JsonNode lines = c.path("details").path("lines");
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).path("openQuantity").asLong()).isEqualTo(6);
        assertThat(lines.get(1).path("openQuantity").asLong()).isEqualTo(5);

        // Checked again while the case is open: nothing new for this order.
        JsonNode again = admin.post("/suppliers/performance/check-dates", null).expect(200).json().path("raised");
        again.forEach(x -> assertThat(x.path("purchaseOrder").asString()).isNotEqualTo(late));
        assertThat(buyer.get("/exceptions?type=SUPPLIER_DATE_MISSED&entityId=" + late).expect(200).json().path("items")).hasSize(1);
    }
}
