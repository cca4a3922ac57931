package io.tributary.network;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class LocationIntegrationTests extends IntegrationTest {

    @Autowired
    Network network;

    /** A valid body for {@code PUT /locations/{code}}: a Berlin DC that ships and receives. */
    public static Map<String, Object> location(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "DC");
        body.put("country", "DE");
        body.put("postalCode", "10115");
        body.put("latitude", new BigDecimal("52.5321"));
        body.put("longitude", new BigDecimal("13.3849"));
        body.put("capabilities", List.of("SHIP", "RECEIVE"));
        body.put("dailyOrderCapacity", 500);
        body.put("staleAfter", "PT4H");
        body.put("staleBufferPercent", 10);
        body.put("active", true);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private String createLocation() {
        String code = Api.unique("DC");
        admin().put("/locations/" + code, location("DC " + code)).expect(201);
        return code;
    }

    @Test
    void createsALocationWith201ThenUpdatesItWith200AndABumpedVersion() {
        String code = Api.unique("DC");

        Api.Response created = admin().put("/locations/" + code, location("Berlin DC")).expect(201);
        JsonNode json = created.json();
        assertThat(json.get("code").asString()).isEqualTo(code);
        assertThat(json.get("type").asString()).isEqualTo("DC");
        assertThat(json.get("country").asString()).isEqualTo("DE");
        assertThat(json.get("latitude").decimalValue()).isEqualByComparingTo("52.5321");
        assertThat(json.get("longitude").decimalValue()).isEqualByComparingTo("13.3849");
        assertThat(json.get("capabilities").toString()).isEqualTo("[\"SHIP\",\"RECEIVE\"]");
        assertThat(json.get("dailyOrderCapacity").asInt()).isEqualTo(500);
        assertThat(json.get("staleAfter").asString()).isEqualTo("PT4H");
        assertThat(json.get("staleBufferPercent").asInt()).isEqualTo(10);
        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("version").asLong()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response updated = admin().put("/locations/" + code, with(location("Berlin DC"), "active", false)).expect(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json().get("active").asBoolean()).isFalse();

        Api.Response read = admin().get("/locations/" + code).expect(200);
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
        assertThat(read.json().get("active").asBoolean()).isFalse();
    }

    @Test
    void optionalFieldsHaveTheirDefaults() {
        String code = Api.unique("STORE");
        Map<String, Object> body = Map.of("name", "Corner store", "type", "STORE", "country", "FR");

        JsonNode json = admin().put("/locations/" + code, body).expect(201).json();

        assertThat(json.get("active").asBoolean()).isTrue();
        assertThat(json.get("staleBufferPercent").asInt()).isZero();
        assertThat(json.get("capabilities").size()).isZero();
        assertThat(json.path("staleAfter").isMissingNode() || json.path("staleAfter").isNull()).isTrue();
        assertThat(json.path("dailyOrderCapacity").isMissingNode() || json.path("dailyOrderCapacity").isNull()).isTrue();
    }

    @Test
    void aPutWithUnchangedContentKeepsTheVersion() {
        String code = createLocation();

        Api.Response again = admin().put("/locations/" + code, location("DC " + code)).expect(200);

        assertThat(again.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndChangesNothing() {
        String code = createLocation();
        admin().put("/locations/" + code, location("Renamed")).expect(200);

        Api.Response stale = admin().header("If-Match", "\"1\"").put("/locations/" + code, location("Lost update")).expect(412);

        assertThat(stale.problemSlug()).isEqualTo("precondition-failed");
        assertThat(admin().get("/locations/" + code).json().get("name").asString()).isEqualTo("Renamed");
        admin().header("If-Match", "\"2\"").put("/locations/" + code, location("Matched")).expect(200);
    }

    @Test
    void ifMatchOnALocationThatDoesNotExistIs412() {
        String code = Api.unique("DC");

        admin().header("If-Match", "*").put("/locations/" + code, location("Ghost")).expect(412);

        admin().get("/locations/" + code).expect(404);
    }

    @Test
    void eachInvalidFieldIsNamed() {
        String code = Api.unique("DC");
        Map<String, Object> ok = location("x");

        assertThat(admin().put("/locations/" + code, with(ok, "name", " ")).expect(400).errorFields()).containsExactly("name");
        assertThat(admin().put("/locations/" + code, with(ok, "type", null)).expect(400).errorFields()).containsExactly("type");
        assertThat(admin().put("/locations/" + code, with(ok, "type", "CASTLE")).expect(400).errorFields()).containsExactly("type");
        assertThat(admin().put("/locations/" + code, with(ok, "country", "XX")).expect(400).errorFields()).containsExactly("country");
        assertThat(admin().put("/locations/" + code, with(ok, "country", "DEU")).expect(400).errorFields()).containsExactly("country");
        assertThat(admin().put("/locations/" + code, with(ok, "country", null)).expect(400).errorFields()).containsExactly("country");
        assertThat(admin().put("/locations/" + code, with(ok, "latitude", new BigDecimal("90.0001"))).expect(400).errorFields()).containsExactly("latitude");
        assertThat(admin().put("/locations/" + code, with(ok, "latitude", -91)).expect(400).errorFields()).containsExactly("latitude");
        assertThat(admin().put("/locations/" + code, with(ok, "longitude", 180.5)).expect(400).errorFields()).containsExactly("longitude");
        assertThat(admin().put("/locations/" + code, with(ok, "longitude", null)).expect(400).errorFields()).containsExactly("longitude");
        assertThat(admin().put("/locations/" + code, with(ok, "capabilities", List.of("SHIP", "FLY"))).expect(400).errorFields()).containsExactly("capabilities[1]");
        assertThat(admin().put("/locations/" + code, with(ok, "dailyOrderCapacity", -1)).expect(400).errorFields()).containsExactly("dailyOrderCapacity");
        assertThat(admin().put("/locations/" + code, with(ok, "staleAfter", "PT0S")).expect(400).errorFields()).containsExactly("staleAfter");
        assertThat(admin().put("/locations/" + code, with(ok, "staleAfter", "-PT1H")).expect(400).errorFields()).containsExactly("staleAfter");
        assertThat(admin().put("/locations/" + code, with(ok, "staleAfter", "four hours")).expect(400).errorFields()).containsExactly("staleAfter");
        assertThat(admin().put("/locations/" + code, with(ok, "staleBufferPercent", 101)).expect(400).errorFields()).containsExactly("staleBufferPercent");
        assertThat(admin().put("/locations/" + code, with(ok, "staleBufferPercent", -1)).expect(400).errorFields()).containsExactly("staleBufferPercent");
        assertThat(admin().put("/locations/bad%20code", ok).expect(400).errorFields()).containsExactly("code");

        admin().get("/locations/" + code).expect(404);
    }

    @Test
    void listsLocationsPageByPageWithACursor() {
        String prefix = Api.unique("PG");
        for (int i = 0; i < 3; i++) {
            admin().put("/locations/" + prefix + "-" + i, location("Paged " + i)).expect(201);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin().get("/locations?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            assertThat(page.get("items").size()).isLessThanOrEqualTo(2);
            page.get("items").forEach(l -> seen.add(l.get("code").asString()));
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).contains(prefix + "-0", prefix + "-1", prefix + "-2").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theNetworkServesLocationsAndSeesLocalWritesAtOnce() {
        String code = createLocation();
        Location location = network.find(new LocationCode(code)).orElseThrow();
        assertThat(location.can(Capability.SHIP)).isTrue();
        assertThat(location.can(Capability.PICKUP)).isFalse();
        assertThat(location.staleAfter()).isEqualTo(Duration.ofHours(4));
        assertThat(network.find(location.id())).contains(location);
        assertThat(network.all()).contains(location);

        admin().put("/locations/" + code, with(location("Moved"), "capabilities", List.of("PICKUP"))).expect(200);

        Location changed = network.find(new LocationCode(code)).orElseThrow();
        assertThat(changed.name()).isEqualTo("Moved");
        assertThat(changed.can(Capability.PICKUP)).isTrue();
        assertThat(network.all()).contains(changed);
        assertThat(network.all()).extracting(l -> l.code().value()).isSorted();
    }

    @Test
    void aViewerMayReadButNotWriteLocations() {
        String code = createLocation();
        Api viewer = admin().withKey("VIEWER", null);

        viewer.put("/locations/" + code, location("Viewer edit")).expect(403);
        viewer.get("/locations/" + code).expect(200);
        viewer.get("/locations").expect(200);
    }

    @Test
    void anInventoryManagerMayWriteLocations() {
        admin().withKey("INVENTORY_MANAGER", null).put("/locations/" + Api.unique("DC"), location("By manager")).expect(201);
    }

    @Test
    void withoutCredentialsEverythingIs401() {
        String code = createLocation();

        anonymous().get("/locations/" + code).expect(401);
        anonymous().put("/locations/" + code, location("Anonymous")).expect(401);
    }
}
