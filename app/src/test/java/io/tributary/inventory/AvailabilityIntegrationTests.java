package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AvailabilityIntegrationTests extends IntegrationTest {

    @Test
    void channelBufferPercentAndUnitsAreHeldBack() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 100);
        String percentAndUnits = f.channel(List.of(loc), 5, 10);
        String unitsOnly = f.channel(List.of(loc), 7, 0);
        String none = f.channel(List.of(loc));

        assertThat(available(api, percentAndUnits, sku)).isEqualTo(85);
        assertThat(available(api, unitsOnly, sku)).isEqualTo(93);
        assertThat(available(api, none, sku)).isEqualTo(100);
    }

    @Test
    void bufferLargerThanStockLeavesZeroNeverNegative() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 3);
        String channel = f.channel(List.of(loc), 10, 0);
        assertThat(available(api, channel, sku)).isZero();
    }

    @Test
    void aStaleLocationContributesOnlyWhatItsStaleBufferAllows() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String stale = f.location("PT1H", 50);
        String fresh = f.location();
        f.stock(sku, stale, 11);
        f.stock(sku, fresh, 4);
        String channel = f.channel(List.of(stale, fresh));

        JsonNode item = item(api, channel, sku);

        assertThat(item.path("available").asLong()).isEqualTo(5 + 4);
        JsonNode atStale = location(item, stale);
        assertThat(atStale.path("available").asLong()).isEqualTo(5);
        assertThat(atStale.path("confidence").asString()).isEqualTo("STALE");
        assertThat(location(item, fresh).path("confidence").asString()).isEqualTo("FRESH");
        assertThat(location(item, fresh).path("available").asLong()).isEqualTo(4);
    }

    @Test
    void kitsAreLimitedByTheScarcestComponentPerLocationAndNeverCombineLocations() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String kit = f.kit(a, 2, b, 1);
        String one = f.location();
        String two = f.location();
        f.stock(a, one, 10);
        f.stock(b, one, 3);
        f.stock(a, two, 1);
        f.stock(b, two, 100);
        String channel = f.channel(List.of(one, two));

        JsonNode item = item(api, channel, kit);

        // one: min(10/2, 3) = 3; two: min(1/2, 100) = 0. Pooling both would wrongly give min(11/2, 103) = 5.
        assertThat(location(item, one).path("available").asLong()).isEqualTo(3);
        assertThat(location(item, two).path("available").asLong()).isZero();
        assertThat(item.path("available").asLong()).isEqualTo(3);
    }

    @Test
    void kitsAtSeveralLocationsAreSummed() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String kit = f.kit(a, 1, b, 3);
        String one = f.location();
        String two = f.location();
        f.stock(a, one, 2);
        f.stock(b, one, 9);
        f.stock(a, two, 5);
        f.stock(b, two, 6);
        String channel = f.channel(List.of(one, two));

        assertThat(available(api, channel, kit)).isEqualTo(2 + 2);
    }

    @Test
    void reservationsReduceAvailability() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String channel = f.channel(List.of(loc));
        String other = f.channel(List.of(loc));

        f.reserve(channel, sku, loc, 4).expect(201);

        assertThat(available(api, channel, sku)).isEqualTo(6);
        assertThat(available(api, other, sku)).isEqualTo(6);
    }

    @Test
    void aChannelWithExplicitLocationsCountsOnlyThose() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String mine = f.location();
        String elsewhere = f.location();
        f.stock(sku, mine, 2);
        f.stock(sku, elsewhere, 50);
        String channel = f.channel(List.of(mine));

        JsonNode item = item(api, channel, sku);

        assertThat(item.path("available").asLong()).isEqualTo(2);
        assertThat(item.path("locations")).hasSize(1);
        assertThat(item.path("locations").get(0).path("location").asString()).isEqualTo(mine);
    }

    @Test
    void aChannelWithoutLocationsCountsEveryActiveShippingLocation() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String ships = f.location();
        String alsoShips = f.location();
        String noShip = location(api, List.of("RECEIVE"), true);
        String inactive = location(api, List.of("SHIP"), false);
        f.stock(sku, ships, 3);
        f.stock(sku, alsoShips, 4);
        f.stock(sku, noShip, 100);
        f.stock(sku, inactive, 1000);
        String channel = f.channel(List.of());

        JsonNode item = item(api, channel, sku);

        assertThat(item.path("available").asLong()).isEqualTo(7);
        List<String> codes = new java.util.ArrayList<>();
        item.path("locations").forEach(l -> codes.add(l.path("location").asString()));
        assertThat(codes).contains(ships, alsoShips).doesNotContain(noShip, inactive);
    }

    @Test
    void manySkusAreAnsweredInOneCall() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String loc = f.location();
        String a = f.item();
        String b = f.item();
        String c = f.item();
        f.stock(a, loc, 1);
        f.stock(b, loc, 2);
        String channel = f.channel(List.of(loc));

        JsonNode body = api.get("/availability?channel=" + channel + "&sku=" + a + "&sku=" + b + "&sku=" + c).expect(200).json();

        assertThat(body.path("channel").asString()).isEqualTo(channel);
        assertThat(body.path("items")).hasSize(3);
        assertThat(body.path("items").get(0).path("sku").asString()).isEqualTo(a);
        assertThat(body.path("items").get(0).path("available").asLong()).isEqualTo(1);
        assertThat(body.path("items").get(1).path("sku").asString()).isEqualTo(b);
        assertThat(body.path("items").get(1).path("available").asLong()).isEqualTo(2);
        assertThat(body.path("items").get(2).path("sku").asString()).isEqualTo(c);
        assertThat(body.path("items").get(2).path("available").asLong()).isZero();
    }

    @Test
    void unknownSkuIsRefusedNamingSku() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String channel = f.channel(List.of(f.location()));
        Api.Response r = api.get("/availability?channel=" + channel + "&sku=" + sku + "&sku=" + Api.unique("NOPE")).expect(400);
        assertThat(r.errorFields()).containsExactly("sku");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void unknownChannelIsRefusedNamingChannel() {
        Api api = admin();
        String sku = new Fixtures(api).item();
        Api.Response r = api.get("/availability?channel=" + Api.unique("NOCH") + "&sku=" + sku).expect(400);
        assertThat(r.errorFields()).containsExactly("channel");
    }

    @Test
    void aChannelKeyMayReadOnlyItsOwnChannel() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 8);
        String mine = f.channel(List.of(loc));
        String theirs = f.channel(List.of(loc));
        Api key = api.withKey("CHANNEL", mine);

        assertThat(key.get("/availability?channel=" + mine + "&sku=" + sku).expect(200).json()
                .path("items").get(0).path("available").asLong()).isEqualTo(8);
        assertThat(key.get("/availability?channel=" + theirs + "&sku=" + sku).expect(403).problemSlug()).isEqualTo("forbidden");
    }

    @Test
    void availabilityIsNeverNegativeEvenWithBackorders() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 2);
        String channel = f.channel(List.of(loc));

        api.post("/reservations", Map.of("reference", Api.unique("order"), "channel", channel,
                "lines", List.of(Map.of("sku", sku, "location", loc, "quantity", 5, "allowBackorder", true)))).expect(201);

        JsonNode item = item(api, channel, sku);
        assertThat(item.path("available").asLong()).isZero();
        assertThat(item.path("locations").get(0).path("available").asLong()).isZero();
        JsonNode balance = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(balance.path("reserved").asLong()).isEqualTo(5);
        assertThat(balance.path("available").asLong()).isEqualTo(-3);
    }

    // ------------------------------------------------------------------ helpers

    static long available(Api api, String channel, String sku) {
        return item(api, channel, sku).path("available").asLong();
    }

    static JsonNode item(Api api, String channel, String sku) {
        return api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json().path("items").get(0);
    }

    static JsonNode location(JsonNode item, String code) {
        for (JsonNode l : item.path("locations")) {
            if (l.path("location").asString().equals(code)) {
                return l;
            }
        }
        throw new AssertionError("no location " + code + " in " + item);
    }

    static String location(Api api, List<String> capabilities, boolean active) {
        String code = Api.unique("LOC");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Location " + code);
        body.put("type", "STORE");
        body.put("country", "DE");
        body.put("postalCode", "10115");
        body.put("latitude", 52.52);
        body.put("longitude", 13.40);
        body.put("capabilities", capabilities);
        body.put("dailyOrderCapacity", 100);
        body.put("staleBufferPercent", 0);
        body.put("active", active);
        api.put("/locations/" + code, body).expect(201);
        return code;
    }
}
