package io.tributary.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class AuthorizationIntegrationTests extends IntegrationTest {

    @Test
    void noCredentialsIsUnauthorizedWithAChallenge() {
        Api.Response r = anonymous().get("/items").expect(401);
        assertThat(r.header("WWW-Authenticate")).contains("Basic").contains("Bearer");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.problemSlug()).isEqualTo("unauthorized");
        assertThat(r.json().path("status").asInt()).isEqualTo(401);
        anonymous().post("/inventory/adjustments", Map.of()).expect(401);
        anonymous().get("/inventory/verify").expect(401);
    }

    @Test
    void wrongPasswordOrUnknownTokenIsUnauthorized() {
        Api.Response wrong = Api.basic(port, "admin", "not-the-password").get("/items").expect(401);
        assertThat(wrong.header("WWW-Authenticate")).isNotNull();
        Api.basic(port, Api.unique("nobody"), "whatever-password").get("/items").expect(401);
        Api.bearer(port, "trb_not-a-real-token").get("/items").expect(401);
        Api.bearer(port, "").get("/items").expect(401);
        new Api(port, "Digest abc").get("/items").expect(401);
    }

    @Test
    void eachRoleMayDoExactlyWhatTheControllersAllow() {
        Api admin = admin();
        Fixtures f = new Fixtures(admin);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 1000);
        String channel = f.channel(List.of(loc));
        Map<String, Api> clients = new LinkedHashMap<>();
        clients.put("ADMIN", admin);
        clients.put("INVENTORY_MANAGER", admin.withKey("INVENTORY_MANAGER", null));
        clients.put("CHANNEL", admin.withKey("CHANNEL", channel));
        clients.put("VIEWER", admin.withKey("VIEWER", null));

        Map<String, Set<String>> allowed = new LinkedHashMap<>();
        Map<String, BiFunction<String, Api, Api.Response>> calls = new LinkedHashMap<>();
        calls.put("PUT /items", (role, api) -> api.put("/items/" + Api.unique("SKU"), Map.of("name", "x", "unitsPerCase", 1,
                "casesPerPallet", 1, "inspectionRequired", false, "lotTracked", false, "components", List.of())));
        allowed.put("PUT /items", Set.of("ADMIN", "INVENTORY_MANAGER"));
        calls.put("POST /inventory/adjustments", (role, api) -> api.post("/inventory/adjustments",
                Map.of("sku", sku, "location", loc, "quantity", 1, "reason", "FOUND")));
        allowed.put("POST /inventory/adjustments", Set.of("ADMIN", "INVENTORY_MANAGER"));
        calls.put("POST /inventory/counts", (role, api) -> api.post("/inventory/counts", Map.of("location", loc, "tolerancePercent", 100,
                "lines", List.of(Map.of("sku", sku, "counted", 1000)))));
        allowed.put("POST /inventory/counts", Set.of("ADMIN", "INVENTORY_MANAGER"));
        calls.put("POST /inventory/counts/{id}/approve", (role, api) -> api.post("/inventory/counts/" + pendingCount(admin, f) + "/approve", null));
        allowed.put("POST /inventory/counts/{id}/approve", Set.of("ADMIN", "INVENTORY_MANAGER"));
        calls.put("GET /inventory/{sku}", (role, api) -> api.get("/inventory/" + sku));
        allowed.put("GET /inventory/{sku}", Set.of("ADMIN", "INVENTORY_MANAGER", "VIEWER"));
        calls.put("GET /inventory/verify", (role, api) -> api.get("/inventory/verify"));
        allowed.put("GET /inventory/verify", Set.of("ADMIN"));
        calls.put("GET /availability", (role, api) -> api.get("/availability?channel=" + channel + "&sku=" + sku));
        allowed.put("GET /availability", Set.of("ADMIN", "INVENTORY_MANAGER", "CHANNEL", "VIEWER"));
        calls.put("POST /reservations", (role, api) -> api.post("/reservations", Map.of("reference", Api.unique("order"), "channel", channel,
                "lines", List.of(Map.of("sku", sku, "location", loc, "quantity", 1)))));
        allowed.put("POST /reservations", Set.of("ADMIN", "INVENTORY_MANAGER", "CHANNEL"));
        calls.put("POST /users", (role, api) -> api.post("/users", Map.of("username", Api.unique("user"), "password", "correct-horse-battery",
                "roles", List.of("VIEWER"))));
        allowed.put("POST /users", Set.of("ADMIN"));
        calls.put("POST /api-keys", (role, api) -> api.post("/api-keys", Map.of("name", Api.unique("key"), "role", "VIEWER")));
        allowed.put("POST /api-keys", Set.of("ADMIN"));
        calls.put("GET /api-keys", (role, api) -> api.get("/api-keys"));
        allowed.put("GET /api-keys", Set.of("ADMIN"));

        List<String> wrong = new java.util.ArrayList<>();
        calls.forEach((endpoint, call) -> clients.forEach((role, api) -> {
            Api.Response r = call.apply(role, api);
            boolean ok = allowed.get(endpoint).contains(role);
            if (ok ? r.status() / 100 != 2 : r.status() != 403) {
                wrong.add(role + " " + endpoint + " -> " + r.status() + " " + r.body());
            }
            if (!ok) {
                assertThat(r.problemSlug()).isEqualTo("forbidden");
                assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            }
        }));

        assertThat(wrong).isEmpty();
        JsonNode verify = admin.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
    }

    @Test
    void aForbiddenRoleWritesNothing() {
        Api admin = admin();
        Fixtures f = new Fixtures(admin);
        String sku = f.item();
        String loc = f.location();
        Api viewer = admin.withKey("VIEWER", null);

        viewer.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 5, "reason", "FOUND")).expect(403);

        assertThat(admin.get("/inventory/" + sku + "/movements").expect(200).json().path("items")).isEmpty();
    }

    @Test
    void aForbiddenRoleIsRefusedWhateverTheBody() {
        Api viewer = admin().withKey("VIEWER", null);
        viewer.post("/inventory/adjustments", Map.of()).expect(403);
        viewer.send("POST", "/inventory/adjustments", "{not json", "application/json").expect(403);
        viewer.post("/users", Map.of()).expect(403);
        viewer.post("/reservations", Map.of()).expect(403);
    }

    @Test
    void aRevokedKeyStopsWorking() {
        Api admin = admin();
        JsonNode issued = admin.post("/api-keys", Map.of("name", Api.unique("key"), "role", "VIEWER")).expect(201).json();
        Api key = Api.bearer(port, issued.path("token").asString());
        key.get("/items").expect(200);

        admin.post("/api-keys/" + issued.path("id").asString() + "/revoke", null).expect(204);

        assertThat(key.get("/items").expect(401).header("WWW-Authenticate")).isNotNull();
        boolean listedDisabled = false;
        for (JsonNode k : admin.get("/api-keys").expect(200).json().path("items")) {
            if (k.path("id").asString().equals(issued.path("id").asString())) {
                listedDisabled = !k.path("enabled").asBoolean();
                assertThat(k.has("token")).isFalse();
            }
        }
        assertThat(listedDisabled).isTrue();
    }

    @Test
    void aUserSignsInWithBasicAndTheLedgerRecordsTheUser() {
        Api admin = admin();
        Fixtures f = new Fixtures(admin);
        String sku = f.item();
        String loc = f.location();
        String username = Api.unique("clerk");
        String password = "a-long-enough-password";
        admin.post("/users", Map.of("username", username, "password", password, "roles", List.of("INVENTORY_MANAGER"))).expect(201);
        Api user = Api.basic(port, username, password);

        JsonNode adjusted = user.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 3, "reason", "FOUND"))
                .expect(201).json();

        assertThat(adjusted.path("movement").path("actor").asString()).isEqualTo("user:" + username);
        assertThat(admin.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0).path("actor").asString())
                .isEqualTo("user:" + username);
        Api.basic(port, username, password + "x").get("/items").expect(401);
        user.get("/inventory/verify").expect(403);
    }

    @Test
    void aShortPasswordIsRefused() {
        Api.Response r = admin().post("/users", Map.of("username", Api.unique("short"), "password", "elevenchars", "roles", List.of("VIEWER")))
                .expect(400);
        assertThat(r.errorFields()).containsExactly("password");
    }

    @Test
    void movementsMadeWithAnApiKeyRecordTheKey() {
        Api admin = admin();
        Fixtures f = new Fixtures(admin);
        String sku = f.item();
        String loc = f.location();
        String name = Api.unique("scanner");
        String token = admin.post("/api-keys", Map.of("name", name, "role", "INVENTORY_MANAGER")).expect(201).json().path("token").asString();

        Api.bearer(port, token).post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 2, "reason", "RECEIVED"))
                .expect(201);

        assertThat(admin.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0).path("actor").asString())
                .isEqualTo("key:" + name);
    }

    @Test
    void healthIsOpenAndMetricsNeedAdminOrViewer() {
        JsonNode health = anonymous().get("/actuator/health").expect(200).json();
        assertThat(health.path("status").asString()).isEqualTo("UP");

        anonymous().get("/actuator/prometheus").expect(401);
        admin().get("/actuator/prometheus").expect(200);
        Api admin = admin();
        admin.withKey("VIEWER", null).get("/actuator/prometheus").expect(200);
        admin.withKey("INVENTORY_MANAGER", null).get("/actuator/prometheus").expect(403);
    }

    @Test
    void theOpenApiDocumentIsOpenAndListsReservations() {
        JsonNode doc = anonymous().get("/v3/api-docs").expect(200).json();
        assertThat(doc.path("paths").has("/api/v1/reservations")).isTrue();
        assertThat(doc.path("paths").has("/api/v1/availability")).isTrue();
        for (String path : List.of("/api/v1/items/{sku}", "/api/v1/locations/{code}", "/api/v1/channels/{code}",
                "/api/v1/inventory/adjustments", "/api/v1/inventory/counts", "/api/v1/inventory/snapshots",
                "/api/v1/inventory/verify", "/api/v1/reservations/{id}/release", "/api/v1/api-keys")) {
            assertThat(doc.path("paths").has(path)).as(path).isTrue();
        }
        assertThat(doc.path("info").path("title").asString()).isEqualTo("Tributary API");
        assertThat(doc.path("components").path("securitySchemes").has("basic")).isTrue();
        assertThat(doc.path("components").path("securitySchemes").has("apiKey")).isTrue();
        assertThat(anonymous().get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    private static String pendingCount(Api admin, Fixtures f) {
        String sku = f.item();
        String loc = f.location();
        return admin.post("/inventory/counts", Map.of("location", loc, "tolerancePercent", 0,
                "lines", List.of(Map.of("sku", sku, "counted", 1)))).expect(201).json().path("id").asString();
    }
}
