package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CountIntegrationTests extends IntegrationTest {

    @Test
    void countWithinToleranceAppliesAtOnce() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 100);

        JsonNode count = count(api, loc, 5, line(sku, 96)).expect(201).json();

        assertThat(count.path("status").asString()).isEqualTo("APPLIED");
        JsonNode l = count.path("lines").get(0);
        assertThat(l.path("expected").asLong()).isEqualTo(100);
        assertThat(l.path("counted").asLong()).isEqualTo(96);
        assertThat(l.path("variance").asLong()).isEqualTo(-4);
        assertThat(l.path("withinTolerance").asBoolean()).isTrue();
        assertThat(l.path("applied").asBoolean()).isTrue();
        assertThat(onHand(api, sku)).isEqualTo(96);
        JsonNode newest = api.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("COUNT");
        assertThat(newest.path("quantity").asLong()).isEqualTo(-4);
        assertConsistent(api);
    }

    @Test
    void countBeyondToleranceWaitsForApprovalWhileLinesWithinToleranceApply() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String held = f.item();
        String ok = f.item();
        String loc = f.location();
        f.stock(held, loc, 100);
        f.stock(ok, loc, 50);

        JsonNode count = count(api, loc, 5, line(held, 80), line(ok, 49)).expect(201).json();

        assertThat(count.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(count.path("lines").get(0).path("withinTolerance").asBoolean()).isFalse();
        assertThat(count.path("lines").get(0).path("applied").asBoolean()).isFalse();
        assertThat(count.path("lines").get(1).path("applied").asBoolean()).isTrue();
        assertThat(onHand(api, held)).isEqualTo(100);
        assertThat(onHand(api, ok)).isEqualTo(49);
        assertThat(movementTypes(api, held)).containsExactly("ADJUSTMENT");
        assertConsistent(api);
    }

    @Test
    void approvingAPendingCountAppliesTheVarianceAndAnInventoryManagerKeyMayApprove() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 100);
        String id = count(api, loc, 5, line(sku, 80)).expect(201).json().path("id").asString();

        Api manager = api.withKey("INVENTORY_MANAGER", null);
        JsonNode approved = manager.post("/inventory/counts/" + id + "/approve", null).expect(200).json();

        assertThat(approved.path("status").asString()).isEqualTo("APPLIED");
        assertThat(approved.path("decidedBy").asString()).startsWith("key:");
        assertThat(onHand(api, sku)).isEqualTo(80);
        JsonNode newest = api.get("/inventory/" + sku + "/movements").expect(200).json().path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("COUNT");
        assertThat(newest.path("quantity").asLong()).isEqualTo(-20);
        assertConsistent(api);
    }

    @Test
    void viewerMayNotApproveACount() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String id = count(api, loc, 0, line(sku, 7)).expect(201).json().path("id").asString();

        Api viewer = api.withKey("VIEWER", null);
        assertThat(viewer.post("/inventory/counts/" + id + "/approve", null).expect(403).problemSlug()).isEqualTo("forbidden");
        assertThat(viewer.post("/inventory/counts/" + id + "/reject", null).status()).isEqualTo(403);
        assertThat(onHand(api, sku)).isEqualTo(10);
        assertThat(api.get("/inventory/counts/" + id).expect(200).json().path("status").asString()).isEqualTo("PENDING_APPROVAL");
    }

    @Test
    void rejectingAPendingCountLeavesStockUnchanged() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 40);
        String id = count(api, loc, 10, line(sku, 10)).expect(201).json().path("id").asString();

        JsonNode rejected = api.post("/inventory/counts/" + id + "/reject", null).expect(200).json();

        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(onHand(api, sku)).isEqualTo(40);
        assertThat(movementTypes(api, sku)).containsExactly("ADJUSTMENT");
        assertThat(api.post("/inventory/counts/" + id + "/approve", null).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertConsistent(api);
    }

    @Test
    void approvingTwiceIsAnInvalidTransition() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String id = count(api, loc, 0, line(sku, 12)).expect(201).json().path("id").asString();

        api.post("/inventory/counts/" + id + "/approve", null).expect(200);
        Api.Response second = api.post("/inventory/counts/" + id + "/approve", null).expect(409);

        assertThat(second.problemSlug()).isEqualTo("invalid-transition");
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(onHand(api, sku)).isEqualTo(12);
        assertConsistent(api);
    }

    @Test
    void pendingCountsAreListed() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String pending = count(api, loc, 0, line(sku, 3)).expect(201).json().path("id").asString();
        String applied = count(api, loc, 0, line(sku, 10)).expect(201).json().path("id").asString();

        List<String> ids = new ArrayList<>();
        api.get("/inventory/counts?status=PENDING_APPROVAL&location=" + loc).expect(200).json().path("items").forEach(c -> {
            ids.add(c.path("id").asString());
            assertThat(c.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        });

        assertThat(ids).containsExactly(pending).doesNotContain(applied);
        List<String> all = new ArrayList<>();
        api.get("/inventory/counts?location=" + loc + "&limit=1").expect(200).json().path("items").forEach(c -> all.add(c.path("id").asString()));
        assertThat(all).containsExactly(applied);
        assertThat(api.withKey("VIEWER", null).get("/inventory/counts").status()).isEqualTo(200);
    }

    @Test
    void anyVarianceAgainstZeroBookStockNeedsApproval() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();

        JsonNode count = count(api, loc, 100, line(sku, 1)).expect(201).json();

        assertThat(count.path("status").asString()).isEqualTo("PENDING_APPROVAL");
        assertThat(count.path("lines").get(0).path("expected").asLong()).isZero();
        assertThat(api.get("/inventory/" + sku + "/movements").expect(200).json().path("items")).isEmpty();
        api.post("/inventory/counts/" + count.path("id").asString() + "/approve", null).expect(200);
        assertThat(onHand(api, sku)).isEqualTo(1);
        assertConsistent(api);
    }

    @Test
    void unknownSkuIsRefusedNamingTheLine() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Api.Response r = count(api, loc, 5, line(sku, 1), line(Api.unique("NOPE"), 2)).expect(400);
        assertThat(r.errorFields()).containsExactly("lines[1].sku");
        assertThat(api.get("/inventory/" + sku + "/movements").expect(200).json().path("items")).isEmpty();
    }

    @Test
    void duplicateSkuIsRefusedNamingTheSecondLine() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        Api.Response r = count(api, loc, 100, line(sku, 5), line(sku, 4)).expect(400);
        assertThat(r.errorFields()).containsExactly("lines[1].sku");
        assertThat(onHand(api, sku)).isEqualTo(5);
    }

    @Test
    void kitSkuIsRefusedNamingTheLine() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String part = f.item();
        String kit = f.kit(part, 2);
        String loc = f.location();
        Api.Response r = count(api, loc, 5, line(kit, 1)).expect(400);
        assertThat(r.errorFields()).containsExactly("lines[0].sku");
    }

    @Test
    void negativeCountedIsRefusedNamingTheLine() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.location();
        Api.Response r = count(api, loc, 5, line(a, 1), line(b, -1)).expect(400);
        assertThat(r.errorFields()).containsExactly("lines[1].counted");
        assertThat(api.get("/inventory/" + a + "/movements").expect(200).json().path("items")).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> line(String sku, long counted) {
        return Map.of("sku", sku, "counted", counted);
    }

    @SafeVarargs
    static Api.Response count(Api api, String location, int tolerancePercent, Map<String, Object>... lines) {
        return api.post("/inventory/counts", Map.of("location", location, "tolerancePercent", tolerancePercent, "lines", List.of(lines)));
    }

    static long onHand(Api api, String sku) {
        return api.get("/inventory/" + sku).expect(200).json().path("totals").path("onHand").asLong();
    }

    static List<String> movementTypes(Api api, String sku) {
        List<String> types = new ArrayList<>();
        api.get("/inventory/" + sku + "/movements").expect(200).json().path("items").forEach(m -> types.add(m.path("type").asString()));
        return types;
    }

    static void assertConsistent(Api api) {
        JsonNode v = api.get("/inventory/verify").expect(200).json();
        assertThat(v.path("consistent").asBoolean()).as(v.toString()).isTrue();
    }
}
