package io.tributary.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import io.tributary.support.OrderRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Orders from intake to delivery over HTTP: release, the node's steps, pickups, rejections, backorders, access. */
class FulfillmentIntegrationTests extends IntegrationTest {

    static final List<String> SHIPS = List.of("SHIP", "RECEIVE");
    static final List<String> STORE = List.of("SHIP", "PICKUP", "RECEIVE");

    @Autowired
    Fulfillments fulfillments;

    @Autowired
    JdbcClient jdbc;

    @SafeVarargs
    static Map<String, Object> order(String channel, String level, Map<String, Object>... lines) {
        return OrderRequests.order(channel, "CAPTURED", level, "known@example.com", List.of(lines));
    }

    static Map<String, Object> line(String id, String sku, long quantity) {
        return OrderRequests.line(id, sku, quantity);
    }

    static Map<String, Object> pickup(String channel, String store, Map<String, Object>... lines) {
        Map<String, Object> body = order(channel, "STANDARD", lines);
        body.remove("shipTo");
        body.put("deliveryMethod", "PICKUP");
        body.put("pickupLocation", store);
        return body;
    }

    long available(Api api, String channel, String sku) {
        return api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json().path("items").get(0).path("available").asLong();
    }

    long availableAt(Api api, String channel, String sku, String location) {
        for (JsonNode at : api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json().path("items").get(0).path("locations")) {
            if (at.path("location").asString().equals(location)) {
                return at.path("available").asLong();
            }
        }
        return 0;
    }

    static String fulfillment(JsonNode order, int i) {
        return order.path("fulfillments").get(i).path("id").asString();
    }

    void consistent(Api api) {
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void anOrderGoesFromIntakeThroughReleasePickPackAndShipToDelivery() {
        Api api = admin();
        OneNode n = oneNode(api, 5);
        String a = n.a();
        String b = n.b();
        String dc = n.node();
        String channel = n.channel();

        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 2), line("2", b, 1))).expect(201).json();
        String order = placed.path("id").asString();
        assertThat(placed.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(placed.path("fulfillments")).hasSize(1);
        JsonNode ff = placed.path("fulfillments").get(0);
        assertThat(ff.path("location").asString()).isEqualTo(dc);
        assertThat(ff.path("status").asString()).isEqualTo("PENDING");
        assertThat(ff.path("lines")).hasSize(2);
        String id = ff.path("id").asString();

        api.post("/fulfillments/" + id + "/pick", null).expect(409);
        assertThat(api.post("/fulfillments/release-due", null).expect(200).json().path("released").asInt()).isPositive();
        assertThat(api.get("/fulfillments?location=" + dc + "&status=RELEASED").expect(200).json().path("items"))
                .extracting(x -> x.path("id").asString()).contains(id);
        api.post("/fulfillments/" + id + "/pick", null).expect(200);
        api.post("/fulfillments/" + id + "/pack", null).expect(200);
        assertThat(api.post("/fulfillments/" + id + "/ship", Map.of()).expect(400).errorFields()).contains("carrier", "trackingNumber");
        api.post("/fulfillments/" + id + "/ready-for-pickup", null).expect(409);
        JsonNode shipped = api.post("/fulfillments/" + id + "/ship", Map.of("carrier", "DHL", "trackingNumber", "JD0001"))
                .expect(200).json();
        assertThat(shipped.path("status").asString()).isEqualTo("SHIPPED");
        assertThat(shipped.path("trackingNumber").asString()).isEqualTo("JD0001");

        JsonNode o = api.get("/orders/" + order).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("SHIPPED");
        assertThat(o.path("lines").get(0).path("shipped").asLong()).isEqualTo(2);
        assertThat(o.path("lines").get(0).path("allocated").asLong()).isZero();
        assertThat(available(api, channel, a)).isEqualTo(3);
        JsonNode totals = api.get("/inventory/" + a).expect(200).json().path("totals");
        assertThat(totals.path("onHand").asLong()).isEqualTo(3);
        assertThat(totals.path("reserved").asLong()).isZero();
        Api.Response late = api.post("/orders/" + order + "/cancel", Map.of());
        late.expect(409);
        assertThat(late.problemSlug()).isEqualTo("invalid-transition");

        api.post("/fulfillments/" + id + "/deliver", null).expect(200);
        o = api.get("/orders/" + order).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("DELIVERED");
        assertThat(o.path("lines").get(1).path("status").asString()).isEqualTo("DELIVERED");
        api.post("/fulfillments/" + id + "/deliver", null).expect(409);
        List<String> events = new ArrayList<>();
        api.get("/orders/" + order + "/history").expect(200).json().path("transitions").forEach(t -> events.add(t.path("event").asString()));
        assertThat(events).containsExactly("received", "allocated", "released", "shipped", "delivered");
        assertThat(api.get("/fulfillments/" + id + "/history").expect(200).json()).extracting(t -> t.path("event").asString())
                .containsExactly("created", "released", "picking", "packed", "shipped", "delivered");
        consistent(api);
    }

    @Test
    void aPickupIsCollectedOrGoesBackToStockAfterTheDeadline() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String store = f.node("STORE", 52.52, 13.40, STORE, null);
        f.stock(a, store, 4);
        String channel = f.channel(List.of(store));

        String collected = api.post("/orders", pickup(channel, store, line("1", a, 1))).expect(201).json().path("id").asString();
        String forgotten = api.post("/orders", pickup(channel, store, line("1", a, 2))).expect(201).json().path("id").asString();
        api.post("/fulfillments/release-due", null).expect(200);
        for (String order : List.of(collected, forgotten)) {
            String id = fulfillment(api.get("/orders/" + order).expect(200).json(), 0);
            api.post("/fulfillments/" + id + "/pick", null).expect(200);
            api.post("/fulfillments/" + id + "/pack", null).expect(200);
            api.post("/fulfillments/" + id + "/ship", Map.of("carrier", "DHL", "trackingNumber", "X")).expect(409);
            JsonNode ready = api.post("/fulfillments/" + id + "/ready-for-pickup", null).expect(200).json();
            assertThat(ready.path("pickupDeadline").isMissingNode() || ready.path("pickupDeadline").isNull()).isFalse();
        }
        String first = fulfillment(api.get("/orders/" + collected).expect(200).json(), 0);
        api.post("/fulfillments/" + first + "/picked-up", null).expect(200);
        assertThat(api.get("/orders/" + collected).expect(200).json().path("status").asString()).isEqualTo("DELIVERED");
        assertThat(available(api, channel, a)).isEqualTo(1);

        // The customer of the second order does not come: the deadline passes.
        String second = fulfillment(api.get("/orders/" + forgotten).expect(200).json(), 0);
        jdbc.sql("update fulfillment set pickup_deadline = now() - interval '1 minute' where id = cast(:id as uuid)").param("id", second).update();
        assertThat(fulfillments.returnUncollected(100)).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/fulfillments/" + second).expect(200).json().path("status").asString()).isEqualTo("NOT_COLLECTED");
        JsonNode o = api.get("/orders/" + forgotten).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(api, channel, a)).isEqualTo(3);
        assertThat(api.get("/exceptions?type=PICKUP_NOT_COLLECTED").expect(200).json().path("items"))
                .extracting(x -> x.path("entityId").asString()).contains(second);
        consistent(api);
    }

    @Test
    void aShortPickIsReroutedToTheNextBestNodeWhichTheDecisionExplains() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String near = f.node("DC", 52.52, 13.40, SHIPS, null);
        String far = f.node("DC", 48.14, 11.58, SHIPS, null);
        f.stock(a, near, 3);
        f.stock(a, far, 3);
        String channel = f.channel(List.of(near, far));

        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 3))).expect(201).json();
        String order = placed.path("id").asString();
        String id = fulfillment(placed, 0);
        assertThat(placed.path("fulfillments").get(0).path("location").asString()).isEqualTo(near);
        api.post("/fulfillments/release-due", null).expect(200);
        api.post("/fulfillments/" + id + "/pick", null).expect(200);
        assertThat(api.post("/fulfillments/" + id + "/reject", Map.of("lines", List.of(Map.of("lineId", "1", "quantity", 1))))
                .expect(400).errorFields()).contains("reason");
        assertThat(api.post("/fulfillments/" + id + "/reject", Map.of("reason", "SHORT_PICK", "lines", List.of(Map.of("lineId", "9"))))
                .expect(400).errorFields()).contains("lines[0].lineId");

        JsonNode rejected = api.post("/fulfillments/" + id + "/reject",
                Map.of("reason", "SHORT_PICK", "note", "bin empty", "lines", List.of(Map.of("lineId", "1", "quantity", 1)))).expect(200).json();
        assertThat(rejected.path("status").asString()).isEqualTo("PICKING");
        assertThat(rejected.path("lines").get(0).path("quantity").asLong()).isEqualTo(2);

        JsonNode o = api.get("/orders/" + order).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("fulfillments")).hasSize(2);
        JsonNode moved = o.path("fulfillments").get(1);
        assertThat(moved.path("location").asString()).isEqualTo(far);
        assertThat(moved.path("lines").get(0).path("quantity").asLong()).isEqualTo(1);
        assertThat(o.path("routing").path("candidates")).anySatisfy(c -> {
            assertThat(c.path("location").asString()).isEqualTo(near);
            assertThat(c.path("excludedBy").asString()).isEqualTo("GAVE_LINES_BACK");
        });
        // The missing unit left sellable stock at the near node: 3 on hand, 2 held, 1 in inspection.
        assertThat(availableAt(api, channel, a, near)).isZero();
        assertThat(availableAt(api, channel, a, far)).isEqualTo(2);
        assertThat(api.get("/exceptions?type=SHORT_PICK").expect(200).json().path("items"))
                .extracting(x -> x.path("entityId").asString()).contains(id);
        consistent(api);
    }

    @Test
    void aRejectionNoOtherNodeCanTakeIsBackorderedAndRaisedAsARoutingFailure() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String only = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, only, 2);
        String channel = f.channel(List.of(only));

        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 2))).expect(201).json();
        String order = placed.path("id").asString();
        String id = fulfillment(placed, 0);
        api.post("/fulfillments/release-due", null).expect(200);
        JsonNode rejected = api.post("/fulfillments/" + id + "/reject", Map.of("reason", "CAPACITY")).expect(200).json();
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        api.post("/fulfillments/" + id + "/pick", null).expect(409);

        JsonNode o = api.get("/orders/" + order).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("BACKORDERED");
        assertThat(o.path("lines").get(0).path("backordered").asLong()).isEqualTo(2);
        assertThat(available(api, channel, a)).isEqualTo(2); // CAPACITY leaves the stock sellable
        assertThat(api.get("/exceptions?type=ROUTING_FAILED").expect(200).json().path("items"))
                .extracting(x -> x.path("entityId").asString()).contains(order);
        assertThat(api.get("/exceptions?type=FULFILLMENT_REJECTED").expect(200).json().path("items"))
                .extracting(x -> x.path("entityId").asString()).contains(id);
        consistent(api);
    }

    @Test
    void backorderedLinesAreAllocatedWhenStockArrivesOldestOrderFirst() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String dc = f.node("DC", 52.52, 13.40, SHIPS, null);
        String channel = f.channel(List.of(dc));

        Map<String, Object> older = order(channel, "STANDARD", line("1", a, 2));
        older.put("placedAt", "2026-01-01T10:00:00Z");
        Map<String, Object> newer = order(channel, "STANDARD", line("1", a, 2));
        newer.put("placedAt", "2026-01-01T11:00:00Z");
        String second = api.post("/orders", newer).expect(201).json().path("id").asString();
        String first = api.post("/orders", older).expect(201).json().path("id").asString();
        assertThat(api.get("/orders/" + first).expect(200).json().path("status").asString()).isEqualTo("BACKORDERED");

        f.stock(a, dc, 3);
        JsonNode o1 = await(api, first, "ALLOCATED");
        assertThat(o1.path("lines").get(0).path("allocated").asLong()).isEqualTo(2);
        JsonNode o2 = awaitAllocated(api, second, 1);
        assertThat(o2.path("status").asString()).isEqualTo("BACKORDERED");
        assertThat(o2.path("lines").get(0).path("backordered").asLong()).isEqualTo(1);
        assertThat(available(api, channel, a)).isZero();
        consistent(api);
    }

    @Test
    void cancellingSomeLinesTakesTheirUnitsBackFromTheFulfilment() {
        Api api = admin();
        OneNode n = oneNode(api, 5);
        String a = n.a();
        String b = n.b();
        String channel = n.channel();
        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 2), line("2", b, 3))).expect(201).json();
        String order = placed.path("id").asString();
        String id = fulfillment(placed, 0);

        JsonNode o = api.post("/orders/" + order + "/cancel", Map.of("lines", List.of(Map.of("lineId", "2", "quantity", 2)))).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("fulfillments").get(0).path("lines")).extracting(x -> x.path("quantity").asLong()).containsExactly(2L, 1L);
        assertThat(available(api, channel, b)).isEqualTo(4);
        o = api.post("/orders/" + order + "/cancel", Map.of()).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(api.get("/fulfillments/" + id).expect(200).json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(available(api, channel, a)).isEqualTo(5);
        assertThat(available(api, channel, b)).isEqualTo(5);
        consistent(api);
    }

    @Test
    void releaseWaitsForTheNodesDailyCapacityHighestPriorityFirst() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String dc = f.node("DC", 52.52, 13.40, SHIPS, 3);
        f.stock(a, dc, 10);
        String channel = f.channel(List.of(dc));
        Map<String, String> byLevel = new HashMap<>();
        for (String level : List.of("STANDARD", "EXPRESS", "SAME_DAY")) {
            JsonNode o = api.post("/orders", order(channel, level, line("1", a, 1))).expect(201).json();
            byLevel.put(level, fulfillment(o, 0));
        }
        setCapacity(api, dc, 2); // the node has fewer hands today
        api.post("/fulfillments/release-due", null).expect(200);
        assertThat(status(api, byLevel.get("SAME_DAY"))).isEqualTo("RELEASED");
        assertThat(status(api, byLevel.get("EXPRESS"))).isEqualTo("RELEASED");
        assertThat(status(api, byLevel.get("STANDARD"))).isEqualTo("PENDING");
        api.post("/fulfillments/release-due", null).expect(200);
        assertThat(status(api, byLevel.get("STANDARD"))).isEqualTo("PENDING");
        setCapacity(api, dc, 3);
        api.post("/fulfillments/release-due", null).expect(200);
        assertThat(status(api, byLevel.get("STANDARD"))).isEqualTo("RELEASED");
    }

    @Test
    void aWarehousePersonWorksOnlyAtTheirOwnLocations() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String mine = f.node("DC", 52.52, 13.40, SHIPS, null);
        String theirs = f.node("DC", 48.14, 11.58, SHIPS, null);
        f.stock(a, mine, 5);
        f.stock(a, theirs, 5);
        String c1 = f.channel(List.of(mine));
        String c2 = f.channel(List.of(theirs));
        String here = fulfillment(api.post("/orders", order(c1, "STANDARD", line("1", a, 1))).expect(201).json(), 0);
        String there = fulfillment(api.post("/orders", order(c2, "STANDARD", line("1", a, 1))).expect(201).json(), 0);
        api.post("/fulfillments/release-due", null).expect(200);
        String username = Api.unique("picker");
        api.post("/users", Map.of("username", username, "password", "correct-horse-battery", "roles", List.of("WAREHOUSE"),
                "locations", List.of(mine))).expect(201);
        Api picker = Api.basic(port, username, "correct-horse-battery");

        picker.post("/fulfillments/" + there + "/pick", null).expect(403);
        picker.get("/fulfillments/" + there).expect(403);
        picker.get("/fulfillments?location=" + theirs).expect(403);
        picker.post("/fulfillments/" + here + "/pick", null).expect(200);
        assertThat(picker.get("/fulfillments?status=PICKING").expect(200).json().path("items"))
                .allSatisfy(x -> assertThat(x.path("location").asString()).isEqualTo(mine));
        picker.post("/fulfillments/release-due", null).expect(403);
        picker.get("/orders?channel=" + c2).expect(403); // orders are seen as fulfilments at one's own nodes only
        api.withKey("CHANNEL", c1).post("/fulfillments/" + here + "/pack", null).expect(403);
        api.withKey("VIEWER", null).post("/fulfillments/" + here + "/pack", null).expect(403);
        assertThat(status(api, here)).isEqualTo("PICKING");
    }

    @Test
    void twoHundredConcurrentOrdersAgainstScarceStockNeverPromiseAUnitTwice() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        List<String> skus = List.of(f.item(), f.item(), f.item());
        List<String> nodes = List.of(f.node("DC", 52.52, 13.40, SHIPS, null), f.node("DC", 48.14, 11.58, SHIPS, null),
                f.node("STORE", 53.55, 9.99, SHIPS, null));
        Map<String, Long> stock = new HashMap<>();
        for (String sku : skus) {
            for (String node : nodes) {
                f.stock(sku, node, 7);
                stock.merge(sku, 7L, Long::sum);
            }
        }
        String channel = f.channel(nodes);
        Random random = new Random(42);
        List<Map<String, Object>> bodies = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            List<Map<String, Object>> lines = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int l = 0; l < n; l++) {
                lines.add(line(Integer.toString(l + 1), skus.get((i + l) % skus.size()), 1 + random.nextInt(2)));
            }
            Map<String, Object> body = order(channel, "STANDARD");
            body.put("lines", lines);
            bodies.add(body);
        }
        List<Future<JsonNode>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            for (Map<String, Object> body : bodies) {
                results.add(pool.submit(() -> api.post("/orders", body).expect(201).json()));
            }
        }
        Map<String, Long> allocated = new HashMap<>();
        Map<String, Long> held = new HashMap<>();
        for (Future<JsonNode> r : results) {
            JsonNode o = api.get("/orders/" + r.get().path("id").asString()).expect(200).json();
            o.path("lines").forEach(l -> allocated.merge(l.path("sku").asString(), l.path("allocated").asLong(), Long::sum));
            o.path("fulfillments").forEach(ff -> ff.path("lines").forEach(l ->
                    held.merge(l.path("sku").asString(), l.path("quantity").asLong(), Long::sum)));
        }
        // Demand far exceeds supply, so every unit is promised, and none twice.
        assertThat(allocated).isEqualTo(stock);
        assertThat(held).isEqualTo(stock);
        for (String sku : skus) {
            assertThat(available(api, channel, sku)).isZero();
        }
        consistent(api);
    }

    @Test
    void aFulfilmentsReservationCannotBeReleasedOrFulfilledThroughTheReservationApi() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String dc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, dc, 2);
        String channel = f.channel(List.of(dc));
        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 2))).expect(201).json();
        String reservation = placed.path("fulfillments").get(0).path("reservation").asString();

        Api.Response r = api.withKey("CHANNEL", channel).post("/reservations/" + reservation + "/release", null);
        r.expect(409);
        assertThat(r.problemSlug()).isEqualTo("invalid-transition");
        api.post("/reservations/" + reservation + "/fulfil", null).expect(409);
        assertThat(available(api, channel, a)).isZero();
        api.withKey("CHANNEL", f.channel(List.of(dc))).post("/reservations/" + reservation + "/release", null).expect(403);
        consistent(api);
    }

    @Test
    void releasingAHoldOnAChannelThatRefusesShortOrdersBackordersInsteadOfRefusing() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String dc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, dc, 1);
        String channel = f.channel(List.of(dc));
        api.put("/channels/" + channel + "/sourcing-rules", Map.of("backorderPolicy", "REFUSE")).expect(200);
        Map<String, Object> body = order(channel, "STANDARD", line("1", a, 1));
        body.put("paymentStatus", "PENDING");
        String held = api.post("/orders", body).expect(201).json().path("id").asString();
        api.post("/orders", order(channel, "STANDARD", line("1", a, 1))).expect(201); // takes the last unit

        JsonNode o = api.post("/orders/" + held + "/release-hold", Map.of("note", "paid by phone")).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("BACKORDERED");
        assertThat(api.get("/exceptions?type=ROUTING_FAILED").expect(200).json().path("items"))
                .extracting(x -> x.path("entityId").asString()).contains(held);
    }

    @Test
    void unitsAFulfilmentKeepsStayHeldWhenItsNodeWasDeactivatedMeanwhile() {
        Api api = admin();
        OneNode n = oneNode(api, 3);
        String a = n.a();
        String b = n.b();
        String dc = n.node();
        String channel = n.channel();
        JsonNode placed = api.post("/orders", order(channel, "STANDARD", line("1", a, 2), line("2", b, 2))).expect(201).json();
        String order = placed.path("id").asString();
        putLocation(api, dc, null, false);

        JsonNode o = api.post("/orders/" + order + "/cancel", Map.of("lines", List.of(Map.of("lineId", "2")))).expect(200).json();
        assertThat(o.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("fulfillments").get(0).path("lines")).extracting(x -> x.path("lineId").asString()).containsExactly("1");
        JsonNode totals = api.get("/inventory/" + a).expect(200).json().path("totals");
        assertThat(totals.path("reserved").asLong()).isEqualTo(2);
        assertThat(api.get("/inventory/" + b).expect(200).json().path("totals").path("reserved").asLong()).isZero();
        consistent(api);
        putLocation(api, dc, null, true);
    }

    /** Two SKUs with {@code units} each at one DC in Berlin, and a channel selling from it. */
    record OneNode(String a, String b, String node, String channel) {
    }

    private OneNode oneNode(Api api, long units) {
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String dc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(a, dc, units);
        f.stock(b, dc, units);
        return new OneNode(a, b, dc, f.channel(List.of(dc)));
    }

    private void setCapacity(Api api, String location, int capacity) {
        putLocation(api, location, capacity, true);
    }

    private void putLocation(Api api, String location, Integer capacity, boolean active) {
        JsonNode l = api.get("/locations/" + location).expect(200).json();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", l.path("name").asString());
        body.put("type", l.path("type").asString());
        body.put("country", "DE");
        body.put("postalCode", "10115");
        body.put("latitude", l.path("latitude").asDouble());
        body.put("longitude", l.path("longitude").asDouble());
        body.put("capabilities", SHIPS);
        body.put("dailyOrderCapacity", capacity);
        body.put("staleBufferPercent", 0);
        body.put("active", active);
        api.put("/locations/" + location, body).expect(200);
    }

    private String status(Api api, String fulfillment) {
        return api.get("/fulfillments/" + fulfillment).expect(200).json().path("status").asString();
    }

    private JsonNode await(Api api, String order, String status) throws InterruptedException {
        return awaitOrder(api, order, o -> o.path("status").asString().equals(status), "become " + status);
    }

    private JsonNode awaitAllocated(Api api, String order, long units) throws InterruptedException {
        return awaitOrder(api, order, o -> o.path("lines").get(0).path("allocated").asLong() == units, "get " + units + " allocated");
    }

    private JsonNode awaitOrder(Api api, String order, java.util.function.Predicate<JsonNode> done, String what) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        JsonNode o;
        do {
            o = api.get("/orders/" + order).expect(200).json();
            if (done.test(o)) {
                return o;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < until);
        throw new AssertionError("order " + order + " did not " + what + ": " + o);
    }
}
