package io.tributary.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import io.tributary.support.OrderRequests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class OrderIntegrationTests extends IntegrationTest {

    static final List<String> SHIPS = List.of("SHIP", "RECEIVE");

    @SafeVarargs
    static Map<String, Object> order(String channel, String payment, Map<String, Object>... lines) {
        return OrderRequests.order(channel, payment, "STANDARD", null, List.of(lines));
    }

    static Map<String, Object> line(String id, String sku, long quantity) {
        return OrderRequests.line(id, sku, quantity);
    }

    long available(Api api, String channel, String sku) {
        return api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json().path("items").get(0).path("available").asLong();
    }

    @Test
    void routesToTheNearestNodeThatFillsEverythingAndExplainsWhy() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String berlin = f.node("DC", 52.52, 13.40, SHIPS, null);
        String munich = f.node("DC", 48.14, 11.58, SHIPS, null);
        String empty = f.node("DC", 53.55, 9.99, SHIPS, null);
        for (String loc : List.of(berlin, munich)) {
            f.stock(a, loc, 5);
            f.stock(b, loc, 5);
        }
        String channel = f.channel(List.of(berlin, munich, empty));

        JsonNode o = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 2), line("2", b, 1))).expect(201).json();

        assertThat(o.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("fulfillments")).allSatisfy(x -> assertThat(x.path("location").asString()).isEqualTo(berlin));
        JsonNode routing = o.path("routing");
        assertThat(routing.path("shipments")).hasSize(1);
        assertThat(routing.path("summary").asString()).contains(berlin + " fills the whole order");
        assertThat(routing.path("candidates")).hasSize(3);
        for (JsonNode c : routing.path("candidates")) {
            if (c.path("location").asString().equals(empty)) {
                assertThat(c.path("excludedBy").asString()).isEqualTo("NO_STOCK");
            }
        }
        assertThat(available(api, channel, a)).isEqualTo(8);
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void theSameChannelOrderTwiceIsOneOrder() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 5);
        String channel = f.channel(List.of(loc));
        Map<String, Object> body = order(channel, "CAPTURED", line("1", a, 1));

        String first = api.post("/orders", body).expect(201).json().path("id").asString();
        JsonNode again = api.post("/orders", body).expect(200).json();

        assertThat(again.path("id").asString()).isEqualTo(first);
        assertThat(available(api, channel, a)).isEqualTo(4);
    }

    @Test
    void linesNoNodeCanFillAreBackorderedAndTheRestAllocated() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 5);
        String channel = f.channel(List.of(loc));

        JsonNode o = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 2), line("2", b, 3))).expect(201).json();

        assertThat(o.path("status").asString()).isEqualTo("BACKORDERED");
        assertThat(o.path("lines").get(0).path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("lines").get(1).path("status").asString()).isEqualTo("BACKORDERED");
        assertThat(o.path("lines").get(1).path("backordered").asLong()).isEqualTo(3);
    }

    @Test
    void aChannelThatRefusesBackordersGetsInsufficientStockAndNothingIsStored() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 1);
        String channel = f.channel(List.of(loc));
        api.put("/channels/" + channel + "/sourcing-rules", Map.of("backorderPolicy", "REFUSE")).expect(200);

        Api.Response refused = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 2))).expect(409);

        assertThat(refused.problemSlug()).isEqualTo("insufficient-stock");
        assertThat(api.get("/orders?channel=" + channel).expect(200).json().path("items")).isEmpty();
        assertThat(available(api, channel, a)).isEqualTo(1);
    }

    @Test
    void pendingPaymentHoldsTheOrderUntilAPersonReleasesIt() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 5);
        String channel = f.channel(List.of(loc));
        Api service = api.withKey("CUSTOMER_SERVICE", null);
        Api channelKey = api.withKey("CHANNEL", channel);

        JsonNode held = channelKey.post("/orders", order(channel, "PENDING", line("1", a, 2))).expect(201).json();
        String id = held.path("id").asString();
        assertThat(held.path("status").asString()).isEqualTo("HELD");
        assertThat(held.path("holds").get(0).asString()).isEqualTo("PAYMENT_PENDING");
        assertThat(available(api, channel, a)).isEqualTo(5);

        JsonNode queued = api.get("/exceptions?type=ORDER_HOLD&entityType=order&entityId=" + id).expect(200).json().path("items");
        assertThat(queued).singleElement().satisfies(c -> {
            assertThat(c.path("status").asString()).isEqualTo("OPEN");
            assertThat(c.path("ownerRole").asString()).isEqualTo("CUSTOMER_SERVICE");
        });
        channelKey.post("/orders/" + id + "/release-hold", Map.of()).expect(403);
        JsonNode released = service.post("/orders/" + id + "/release-hold", Map.of("note", "paid by bank transfer")).expect(200).json();

        assertThat(released.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(released.path("holds")).isEmpty();
        assertThat(available(api, channel, a)).isEqualTo(3);
        service.post("/orders/" + id + "/release-hold", Map.of()).expect(409);
        assertThat(api.get("/exceptions?type=ORDER_HOLD&entityType=order&entityId=" + id).expect(200).json().path("items").get(0)
                .path("status").asString()).isEqualTo("RESOLVED");
        JsonNode history = api.get("/orders/" + id + "/history").expect(200).json();
        assertThat(history.path("transitions")).extracting(t -> t.path("event").asString())
                .containsExactly("received", "held", "hold_released", "allocated");
    }

    @Test
    void riskAndAddressRulesHoldWithTheirReasons() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 500);
        String channel = f.channel(List.of(loc));
        Map<String, Object> big = order(channel, "AUTHORIZED", Map.of("lineId", "1", "sku", a, "quantity", 200, "unitPrice", "10.00"));
        Map<String, Object> badZip = order(channel, "AUTHORIZED", line("1", a, 1));
        badZip.put("shipTo", Map.of("line1", "X 1", "city", "Berlin", "postalCode", "ABC", "country", "DE"));

        assertThat(api.post("/orders", big).expect(201).json().path("holds").get(0).asString()).isEqualTo("RISK_NEW_CUSTOMER_HIGH_VALUE");
        assertThat(api.post("/orders", badZip).expect(201).json().path("holds").get(0).asString()).isEqualTo("ADDRESS_INVALID");
    }

    @Test
    void cancellationGivesStockBackAndIsRefusedTwice() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, loc, 10);
        String channel = f.channel(List.of(loc));
        String id = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 4), line("2", a, 2))).expect(201).json().path("id").asString();
        assertThat(available(api, channel, a)).isEqualTo(4);

        JsonNode partly = api.post("/orders/" + id + "/cancel", Map.of("lines", List.of(Map.of("lineId", "1", "quantity", 3)))).expect(200).json();
        assertThat(partly.path("lines").get(0).path("cancelled").asLong()).isEqualTo(3);
        assertThat(partly.path("lines").get(0).path("allocated").asLong()).isEqualTo(1);
        assertThat(partly.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(available(api, channel, a)).isEqualTo(7);

        JsonNode whole = api.post("/orders/" + id + "/cancel", Map.of("reason", "customer asked")).expect(200).json();
        assertThat(whole.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(api, channel, a)).isEqualTo(10);
        assertThat(api.post("/orders/" + id + "/cancel", Map.of()).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void aFullNodeIsSkippedWithItsRule() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String near = f.node("DC", 52.52, 13.40, SHIPS, 1);
        String far = f.node("DC", 48.14, 11.58, SHIPS, null);
        f.stock(a, near, 10);
        f.stock(a, far, 10);
        String channel = f.channel(List.of(near, far));

        JsonNode first = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 1))).expect(201).json();
        JsonNode second = api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 1))).expect(201).json();

        assertThat(first.path("fulfillments").get(0).path("location").asString()).isEqualTo(near);
        assertThat(second.path("fulfillments").get(0).path("location").asString()).isEqualTo(far);
        assertThat(second.path("routing").path("candidates")).anySatisfy(c -> {
            assertThat(c.path("location").asString()).isEqualTo(near);
            assertThat(c.path("excludedBy").asString()).isEqualTo("CAPACITY_REACHED");
        });
    }

    @Test
    void concurrentOrdersNeverShareTheLastUnits() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String one = f.node("DC", 52.52, 13.40, SHIPS, null);
        String two = f.node("DC", 48.14, 11.58, SHIPS, null);
        f.stock(a, one, 3);
        f.stock(a, two, 2);
        String channel = f.channel(List.of(one, two));
        List<Future<JsonNode>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(8)) {
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> api.post("/orders", order(channel, "AUTHORIZED", line("1", a, 1))).expect(201).json()));
            }
        }
        int allocated = 0;
        int backordered = 0;
        for (Future<JsonNode> r : results) {
            String status = r.get().path("status").asString();
            if (status.equals("ALLOCATED")) {
                allocated++;
            } else if (status.equals("BACKORDERED")) {
                backordered++;
            }
        }
        assertThat(allocated).isEqualTo(5);
        assertThat(backordered).isEqualTo(11);
        assertThat(available(api, channel, a)).isZero();
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void badInputNamesTheFieldsAndAnotherChannelsKeyIsForbidden() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.node("DC", 52.52, 13.40, SHIPS, null);
        String channel = f.channel(List.of(loc));
        String other = f.channel(List.of(loc));
        Map<String, Object> bad = order(channel, "AUTHORIZED", Map.of("lineId", "1", "sku", "NOPE-" + a, "quantity", 0, "unitPrice", "x"));
        bad.put("currency", "EURO");

        Api.Response r = api.post("/orders", bad).expect(400);
        assertThat(r.errorFields()).contains("currency", "lines[0].quantity", "lines[0].unitPrice");
        api.post("/orders", order(channel, "AUTHORIZED", line("1", "NOPE-" + a, 1))).expect(400);
        assertThat(api.post("/orders", order(channel, "AUTHORIZED", line("1", "NOPE-" + a, 1))).errorFields()).contains("lines[0].sku");
        api.withKey("CHANNEL", other).post("/orders", order(channel, "AUTHORIZED", line("1", a, 1))).expect(403);
        api.withKey("VIEWER", null).post("/orders", order(channel, "AUTHORIZED", line("1", a, 1))).expect(403);
        assertThat(api.get("/orders?channel=" + channel).expect(200).json().path("items")).isEmpty();
    }
}
