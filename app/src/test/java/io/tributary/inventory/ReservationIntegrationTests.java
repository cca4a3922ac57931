package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class ReservationIntegrationTests extends IntegrationTest {

    @Test
    void allLinesOrNoneWhenTheSecondLineIsShort() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String plenty = f.item();
        String scarce = f.item();
        String loc = f.location();
        f.stock(plenty, loc, 10);
        f.stock(scarce, loc, 1);
        String channel = f.channel(List.of(loc));

        Api.Response refused = reserve(api, channel, null, line(plenty, loc, 2), line(scarce, loc, 3)).expect(409);

        assertThat(refused.problemSlug()).isEqualTo("insufficient-stock");
        JsonNode shortfalls = refused.json().path("shortfalls");
        assertThat(shortfalls).hasSize(1);
        assertThat(shortfalls.get(0).path("line").asInt()).isEqualTo(1);
        assertThat(shortfalls.get(0).path("sku").asString()).isEqualTo(scarce);
        assertThat(shortfalls.get(0).path("location").asString()).isEqualTo(loc);
        assertThat(shortfalls.get(0).path("requested").asLong()).isEqualTo(3);
        assertThat(shortfalls.get(0).path("available").asLong()).isEqualTo(1);
        assertThat(shortfalls.get(0).path("missing").asLong()).isEqualTo(2);
        assertThat(reserved(api, plenty)).isZero();
        assertThat(reserved(api, scarce)).isZero();
        assertConsistent(api);
    }

    @Test
    void everyShortLineIsReported() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.location();
        f.stock(a, loc, 1);
        String channel = f.channel(List.of(loc));

        JsonNode shortfalls = reserve(api, channel, null, line(a, loc, 2), line(b, loc, 1)).expect(409).json().path("shortfalls");

        assertThat(shortfalls).hasSize(2);
        assertThat(shortfalls.get(0).path("line").asInt()).isZero();
        assertThat(shortfalls.get(1).path("line").asInt()).isEqualTo(1);
        assertThat(shortfalls.get(1).path("available").asLong()).isZero();
    }

    @Test
    void allowBackorderLetsALineGoBelowZero() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 2);
        String channel = f.channel(List.of(loc));

        Map<String, Object> backorder = line(sku, loc, 5);
        backorder.put("allowBackorder", true);
        JsonNode r = reserve(api, channel, null, backorder).expect(201).json();

        assertThat(r.path("lines").get(0).path("allowBackorder").asBoolean()).isTrue();
        JsonNode balance = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(balance.path("reserved").asLong()).isEqualTo(5);
        assertThat(balance.path("available").asLong()).isEqualTo(-3);
        // Without backorder nothing more can be reserved.
        assertThat(reserve(api, channel, null, line(sku, loc, 1)).expect(409).problemSlug()).isEqualTo("insufficient-stock");
        assertConsistent(api);
    }

    @Test
    void twoLinesOfTheSameSkuAreCheckedAgainstTheirSum() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String channel = f.channel(List.of(loc));

        reserve(api, channel, null, line(sku, loc, 3), line(sku, loc, 3)).expect(409);
        assertThat(reserved(api, sku)).isZero();

        reserve(api, channel, null, line(sku, loc, 2), line(sku, loc, 3)).expect(201);
        assertThat(reserved(api, sku)).isEqualTo(5);
        assertConsistent(api);
    }

    @Test
    void aKitAndItsComponentInOneReservationAreCheckedAgainstTheirSum() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String kit = f.kit(a, 1, b, 1);
        String loc = f.location();
        f.stock(a, loc, 5);
        f.stock(b, loc, 5);
        String channel = f.channel(List.of(loc));

        // 3 kits need 3 of a, and the separate line another 3 of a: 6 > 5.
        Api.Response refused = reserve(api, channel, null, line(kit, loc, 3), line(a, loc, 3)).expect(409);
        assertThat(refused.problemSlug()).isEqualTo("insufficient-stock");
        assertThat(reserved(api, a)).isZero();
        assertThat(reserved(api, b)).isZero();

        JsonNode ok = reserve(api, channel, null, line(kit, loc, 3), line(a, loc, 2)).expect(201).json();
        assertThat(ok.path("lines").get(0).path("components")).hasSize(2);
        assertThat(reserved(api, a)).isEqualTo(5);
        assertThat(reserved(api, b)).isEqualTo(3);
        assertConsistent(api);
    }

    @Test
    void fulfilConsumesTheReservedStock() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String channel = f.channel(List.of(loc));
        String id = f.reserve(channel, sku, loc, 4).expect(201).json().path("id").asString();

        JsonNode fulfilled = api.post("/reservations/" + id + "/fulfil", null).expect(200).json();

        assertThat(fulfilled.path("status").asString()).isEqualTo("FULFILLED");
        JsonNode balance = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(balance.path("onHand").asLong()).isEqualTo(6);
        assertThat(balance.path("reserved").asLong()).isZero();
        JsonNode newest = api.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("RESERVATION_CONSUME");
        assertThat(newest.path("quantity").asLong()).isEqualTo(-4);
        assertThat(newest.path("document").asString()).isEqualTo(id);
        assertConsistent(api);
    }

    @Test
    void fulfilOrReleaseOfAReservationThatIsNoLongerActiveIsAnInvalidTransition() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String channel = f.channel(List.of(loc));
        String fulfilled = f.reserve(channel, sku, loc, 1).expect(201).json().path("id").asString();
        String released = f.reserve(channel, sku, loc, 1).expect(201).json().path("id").asString();
        api.post("/reservations/" + fulfilled + "/fulfil", null).expect(200);
        api.post("/reservations/" + released + "/release", null).expect(200);

        assertThat(api.post("/reservations/" + fulfilled + "/fulfil", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertThat(api.post("/reservations/" + fulfilled + "/release", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertThat(api.post("/reservations/" + released + "/fulfil", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertThat(api.post("/reservations/" + released + "/release", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        JsonNode balance = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(balance.path("onHand").asLong()).isEqualTo(9);
        assertThat(balance.path("reserved").asLong()).isZero();
        assertConsistent(api);
    }

    @Test
    void aReservationExpiresByItselfAndItsStockReturns() throws InterruptedException {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String channel = f.channel(List.of(loc));
        Instant expiresAt = Instant.now().plus(1500, ChronoUnit.MILLIS);
        String id = reserve(api, channel, expiresAt, line(sku, loc, 5)).expect(201).json().path("id").asString();

        String status = "ACTIVE";
        for (int i = 0; i < 50 && !status.equals("EXPIRED"); i++) {
            Thread.sleep(250);
            status = api.get("/reservations/" + id).expect(200).json().path("status").asString();
        }

        assertThat(status).isEqualTo("EXPIRED");
        assertThat(reserved(api, sku)).isZero();
        assertThat(AvailabilityIntegrationTests.available(api, channel, sku)).isEqualTo(5);
        List<String> to = new ArrayList<>();
        api.get("/reservations/" + id + "/history").expect(200).json().path("items").forEach(h -> to.add(h.path("to").asString()));
        assertThat(to).containsExactly("ACTIVE", "EXPIRED");
        assertThat(api.post("/reservations/" + id + "/fulfil", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertConsistent(api);
    }

    @Test
    void expiresAtInThePastIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String channel = f.channel(List.of(loc));

        Api.Response r = reserve(api, channel, Instant.now().minus(1, ChronoUnit.MINUTES), line(sku, loc, 1)).expect(400);

        assertThat(r.errorFields()).containsExactly("expiresAt");
        assertThat(reserved(api, sku)).isZero();
    }

    @Test
    void aChannelKeyMayNotReserveForOrReadAnotherChannel() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String mine = f.channel(List.of(loc));
        String theirs = f.channel(List.of(loc));
        Api key = api.withKey("CHANNEL", mine);

        assertThat(reserve(key, theirs, null, line(sku, loc, 1)).expect(403).problemSlug()).isEqualTo("forbidden");
        assertThat(reserved(api, sku)).isZero();

        String ownId = reserve(key, mine, null, line(sku, loc, 1)).expect(201).json().path("id").asString();
        key.get("/reservations/" + ownId).expect(200);
        String theirId = f.reserve(theirs, sku, loc, 1).expect(201).json().path("id").asString();
        assertThat(key.get("/reservations/" + theirId).expect(403).problemSlug()).isEqualTo("forbidden");
        key.get("/reservations/" + theirId + "/history").expect(403);
        key.post("/reservations/" + theirId + "/release", null).expect(403);
        assertThat(api.get("/reservations/" + theirId).expect(200).json().path("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void historyListsTheTransitions() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String channel = f.channel(List.of(loc));
        String id = f.reserve(channel, sku, loc, 2).expect(201).json().path("id").asString();
        api.post("/reservations/" + id + "/release", null).expect(200);

        JsonNode items = api.get("/reservations/" + id + "/history").expect(200).json().path("items");

        assertThat(items).hasSize(2);
        assertThat(items.get(0).path("to").asString()).isEqualTo("ACTIVE");
        assertThat(items.get(1).path("from").asString()).isEqualTo("ACTIVE");
        assertThat(items.get(1).path("to").asString()).isEqualTo("RELEASED");
        assertThat(items.get(1).path("actor").asString()).isEqualTo("user:admin");
    }

    @Test
    void stockAtTwoLocationsCanBeReservedTogether() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String a = f.location();
        String b = f.location();
        f.stock(sku, a, 10);
        f.stock(sku, b, 15);
        String channel = f.channel(List.of(a, b));

        reserve(api, channel, null, line(sku, a, 10), line(sku, b, 3)).expect(201);

        JsonNode item = AvailabilityIntegrationTests.item(api, channel, sku);
        assertThat(item.path("available").asLong()).isEqualTo(12);
        assertThat(AvailabilityIntegrationTests.location(item, a).path("available").asLong()).isZero();
        assertThat(AvailabilityIntegrationTests.location(item, b).path("available").asLong()).isEqualTo(12);
        assertConsistent(api);
    }

    @Test
    void aLocationOutsideTheChannelIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String mine = f.location();
        String other = f.location();
        f.stock(sku, other, 5);
        String channel = f.channel(List.of(mine));

        assertThat(reserve(api, channel, null, line(sku, other, 1)).expect(400).errorFields()).containsExactly("lines[0].location");
        assertThat(reserved(api, sku)).isZero();
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> line(String sku, String location, long quantity) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("sku", sku);
        line.put("location", location);
        line.put("quantity", quantity);
        return line;
    }

    @SafeVarargs
    static Api.Response reserve(Api api, String channel, Instant expiresAt, Map<String, Object>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("reference", Api.unique("order"));
        body.put("channel", channel);
        if (expiresAt != null) {
            body.put("expiresAt", expiresAt.toString());
        }
        body.put("lines", List.of(lines));
        return api.post("/reservations", body);
    }

    static long reserved(Api api, String sku) {
        return api.get("/inventory/" + sku).expect(200).json().path("totals").path("reserved").asLong();
    }

    static void assertConsistent(Api api) {
        CountIntegrationTests.assertConsistent(api);
    }
}
