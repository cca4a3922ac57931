package io.tributary.channels;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.network.LocationCode;
import io.tributary.support.Api;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ChannelIntegrationTests extends IntegrationTest {

    @Autowired
    Channels channels;

    static Map<String, Object> channel(String name, List<String> locations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", "STOREFRONT");
        body.put("locations", locations);
        body.put("bufferUnits", 2);
        body.put("bufferPercent", 5);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private String createLocation() {
        String code = Api.unique("DC");
        admin().put("/locations/" + code, Map.of("name", "DC", "type", "DC", "country", "DE", "capabilities", List.of("SHIP")))
                .expect(201);
        return code;
    }

    @Test
    void createsAChannelWith201ThenUpdatesItWith200AndABumpedVersion() {
        String dc = createLocation();
        String code = Api.unique("web");

        Api.Response created = admin().put("/channels/" + code, channel("Web shop", List.of(dc))).expect(201);
        JsonNode json = created.json();
        assertThat(json.get("code").asString()).isEqualTo(code);
        assertThat(json.get("type").asString()).isEqualTo("STOREFRONT");
        assertThat(json.get("locations").get(0).asString()).isEqualTo(dc);
        assertThat(json.get("bufferUnits").asLong()).isEqualTo(2);
        assertThat(json.get("bufferPercent").asInt()).isEqualTo(5);
        assertThat(json.get("webhookSecretSet").asBoolean()).isFalse();
        assertThat(json.get("version").asLong()).isEqualTo(1);
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        Api.Response updated = admin().put("/channels/" + code, channel("Web shop", List.of())).expect(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.json().get("locations").size()).isZero();
        assertThat(admin().get("/channels/" + code).expect(200).header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void theWebhookSecretIsWriteOnlyAndKeptWhenOmitted() {
        String code = Api.unique("shop");

        Api.Response created = admin().put("/channels/" + code, with(channel("Shop", List.of()), "webhookSecret", "s3cr3t-value")).expect(201);
        assertThat(created.body()).doesNotContain("s3cr3t-value");
        assertThat(created.json().get("webhookSecretSet").asBoolean()).isTrue();
        assertThat(created.json().has("webhookSecret")).isFalse();

        Api.Response updated = admin().put("/channels/" + code, channel("Shop renamed", List.of())).expect(200);
        assertThat(updated.json().get("webhookSecretSet").asBoolean()).isTrue();
        Api.Response read = admin().get("/channels/" + code).expect(200);
        assertThat(read.body()).doesNotContain("s3cr3t-value");
        assertThat(read.json().get("webhookSecretSet").asBoolean()).isTrue();
        assertThat(admin().get("/channels?limit=500").body()).doesNotContain("s3cr3t-value");
        assertThat(channels.webhookSecret(new ChannelCode(code))).contains("s3cr3t-value");

        admin().put("/channels/" + code, with(channel("Shop renamed", List.of()), "webhookSecret", "rotated")).expect(200);
        assertThat(channels.webhookSecret(new ChannelCode(code))).contains("rotated");
    }

    @Test
    void aPutWithUnchangedContentKeepsTheVersion() {
        String code = Api.unique("shop");
        admin().put("/channels/" + code, with(channel("Shop", List.of()), "webhookSecret", "abc")).expect(201);

        assertThat(admin().put("/channels/" + code, channel("Shop", List.of())).expect(200).json().get("version").asLong()).isEqualTo(1);
        assertThat(admin().put("/channels/" + code, with(channel("Shop", List.of()), "webhookSecret", "abc")).expect(200)
                .json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void anUnknownLocationIsNamedByItsIndexAndNothingIsWritten() {
        String dc = createLocation();
        String code = Api.unique("shop");

        Api.Response r = admin().put("/channels/" + code, channel("Shop", List.of(dc, Api.unique("NOWHERE")))).expect(400);

        assertThat(r.problemSlug()).isEqualTo("validation-failed");
        assertThat(r.errorFields()).containsExactly("locations[1]");
        admin().get("/channels/" + code).expect(404);
    }

    @Test
    void eachInvalidFieldIsNamed() {
        String dc = createLocation();
        String code = Api.unique("shop");
        Map<String, Object> ok = channel("Shop", List.of(dc));

        assertThat(admin().put("/channels/" + code, with(ok, "name", "")).expect(400).errorFields()).containsExactly("name");
        assertThat(admin().put("/channels/" + code, with(ok, "type", "CATALOGUE")).expect(400).errorFields()).containsExactly("type");
        assertThat(admin().put("/channels/" + code, with(ok, "type", null)).expect(400).errorFields()).containsExactly("type");
        assertThat(admin().put("/channels/" + code, with(ok, "bufferUnits", -1)).expect(400).errorFields()).containsExactly("bufferUnits");
        assertThat(admin().put("/channels/" + code, with(ok, "bufferPercent", 101)).expect(400).errorFields()).containsExactly("bufferPercent");
        assertThat(admin().put("/channels/" + code, with(ok, "bufferPercent", -1)).expect(400).errorFields()).containsExactly("bufferPercent");
        assertThat(admin().put("/channels/" + code, with(ok, "locations", List.of(dc, "bad code"))).expect(400).errorFields()).containsExactly("locations[1]");
        assertThat(admin().put("/channels/" + code, with(ok, "locations", List.of(dc, dc))).expect(400).errorFields()).containsExactly("locations[1]");
        assertThat(admin().put("/channels/" + code, with(ok, "webhookSecret", "")).expect(400).errorFields()).containsExactly("webhookSecret");
        assertThat(admin().put("/channels/bad%20code", ok).expect(400).errorFields()).containsExactly("code");

        admin().get("/channels/" + code).expect(404);
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndChangesNothing() {
        String code = Api.unique("shop");
        admin().put("/channels/" + code, channel("First", List.of())).expect(201);
        admin().put("/channels/" + code, channel("Second", List.of())).expect(200);

        assertThat(admin().header("If-Match", "\"1\"").put("/channels/" + code, channel("Lost", List.of())).expect(412).problemSlug())
                .isEqualTo("precondition-failed");
        assertThat(admin().get("/channels/" + code).json().get("name").asString()).isEqualTo("Second");
        admin().header("If-Match", "\"2\"").put("/channels/" + code, channel("Third", List.of())).expect(200);
        admin().header("If-Match", "\"1\"").put("/channels/" + Api.unique("ghost"), channel("Ghost", List.of())).expect(412);
    }

    @Test
    void listsChannelsPageByPageWithACursor() {
        String prefix = Api.unique("pg");
        for (int i = 0; i < 3; i++) {
            admin().put("/channels/" + prefix + "-" + i, channel("Paged " + i, List.of())).expect(201);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = admin().get("/channels?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200).json();
            page.get("items").forEach(c -> seen.add(c.get("code").asString()));
            cursor = page.path("nextCursor").isMissingNode() || page.path("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);

        assertThat(seen).contains(prefix + "-0", prefix + "-1", prefix + "-2").doesNotHaveDuplicates().isSorted();
    }

    @Test
    void theChannelsServeChannelsAndSeeLocalWritesAtOnce() {
        String dc = createLocation();
        String code = Api.unique("shop");
        admin().put("/channels/" + code, channel("Shop", List.of(dc))).expect(201);
        Channel channel = channels.find(new ChannelCode(code)).orElseThrow();
        assertThat(channel.locations()).containsExactly(new LocationCode(dc));
        assertThat(channel.bufferUnits()).isEqualTo(2);
        assertThat(channels.webhookSecret(new ChannelCode(code))).isEmpty();

        admin().put("/channels/" + code, with(channel("Shop", List.of()), "bufferPercent", 20)).expect(200);

        Channel changed = channels.find(new ChannelCode(code)).orElseThrow();
        assertThat(changed.locations()).isEmpty();
        assertThat(changed.bufferPercent()).isEqualTo(20);
        assertThat(channels.find(new ChannelCode(Api.unique("none")))).isEmpty();
    }

    @Test
    void onlyAnAdministratorMayWriteChannels() {
        String code = Api.unique("shop");
        admin().put("/channels/" + code, channel("Shop", List.of())).expect(201);

        admin().withKey("INVENTORY_MANAGER", null).put("/channels/" + code, channel("Manager edit", List.of())).expect(403);
        admin().withKey("VIEWER", null).put("/channels/" + code, channel("Viewer edit", List.of())).expect(403);
        admin().withKey("CHANNEL", code).put("/channels/" + code, channel("Channel edit", List.of())).expect(403);
        assertThat(admin().get("/channels/" + code).json().get("name").asString()).isEqualTo("Shop");
    }

    @Test
    void anyAuthenticatedRoleMayReadChannels() {
        String code = Api.unique("shop");
        admin().put("/channels/" + code, channel("Shop", List.of())).expect(201);

        admin().withKey("VIEWER", null).get("/channels/" + code).expect(200);
        admin().withKey("INVENTORY_MANAGER", null).get("/channels").expect(200);
    }

    @Test
    void withoutCredentialsEverythingIs401() {
        anonymous().get("/channels").expect(401);
        anonymous().put("/channels/" + Api.unique("shop"), channel("Anonymous", List.of())).expect(401);
    }
}
