package io.tributary.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

class ItemIntegrationTests extends IntegrationTest {

    @Autowired
    Catalog catalog;

    static Map<String, Object> item(String name, Object... components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("unitsPerCase", 12);
        body.put("casesPerPallet", 40);
        body.put("inspectionRequired", false);
        body.put("lotTracked", true);
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < components.length; i += 2) {
            list.add(Map.of("sku", components[i], "quantity", components[i + 1]));
        }
        body.put("components", list);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private String createItem() {
        String sku = Api.unique("SKU");
        admin().put("/items/" + sku, item("Plain " + sku)).expect(201);
        return sku;
    }

    @Test
    void createsAnItemWith201ThenUpdatesItWith200AndABumpedVersion() {
        String sku = Api.unique("SKU");

        Api.Response created = admin().put("/items/" + sku, item("Blue mug")).expect(201);
        JsonNode json = created.json();
        assertThat(json.get("sku").asString()).isEqualTo(sku);
        assertThat(json.get("name").asString()).isEqualTo("Blue mug");
        assertThat(json.get("unitsPerCase").asInt()).isEqualTo(12);
        assertThat(json.get("casesPerPallet").asInt()).isEqualTo(40);
        assertThat(json.get("lotTracked").asBoolean()).isTrue();
        assertThat(json.get("kit").asBoolean()).isFalse();
        assertThat(json.get("version").asLong()).isEqualTo(1);
        assertThat(json.get("createdAt").asString()).isNotBlank();
        assertThat(json.get("createdBy").asString()).isEqualTo("user:admin");
        assertThat(created.header("ETag")).isEqualTo("\"1\"");
        assertThat(created.header("Location")).endsWith("/api/v1/items/" + sku);

        Api.Response updated = admin().put("/items/" + sku, item("Blue mug, large")).expect(200);
        assertThat(updated.json().get("version").asLong()).isEqualTo(2);
        assertThat(updated.header("ETag")).isEqualTo("\"2\"");

        Api.Response read = admin().get("/items/" + sku).expect(200);
        assertThat(read.json().get("name").asString()).isEqualTo("Blue mug, large");
        assertThat(read.header("ETag")).isEqualTo("\"2\"");
    }

    @Test
    void aPutWithUnchangedContentKeepsTheVersion() {
        String sku = Api.unique("SKU");
        admin().put("/items/" + sku, item("Same")).expect(201);

        Api.Response again = admin().put("/items/" + sku, item("Same")).expect(200);

        assertThat(again.json().get("version").asLong()).isEqualTo(1);
    }

    @Test
    void packSizesDefaultToOne() {
        String sku = Api.unique("SKU");

        JsonNode json = admin().put("/items/" + sku, Map.of("name", "Defaults")).expect(201).json();

        assertThat(json.get("unitsPerCase").asInt()).isEqualTo(1);
        assertThat(json.get("casesPerPallet").asInt()).isEqualTo(1);
        assertThat(json.get("inspectionRequired").asBoolean()).isFalse();
        assertThat(json.get("components").size()).isZero();
    }

    @Test
    void anUnknownItemIs404() {
        assertThat(admin().get("/items/" + Api.unique("NOPE")).expect(404).problemSlug()).isEqualTo("not-found");
    }

    @Test
    void ifMatchWithAStaleVersionIs412AndChangesNothing() {
        String sku = createItem();
        admin().put("/items/" + sku, item("Second")).expect(200);

        Api.Response stale = admin().header("If-Match", "\"1\"").put("/items/" + sku, item("Lost update")).expect(412);

        assertThat(stale.problemSlug()).isEqualTo("precondition-failed");
        assertThat(admin().get("/items/" + sku).json().get("name").asString()).isEqualTo("Second");
    }

    @Test
    void ifMatchWithTheCurrentVersionIsAccepted() {
        String sku = createItem();
        String etag = admin().get("/items/" + sku).expect(200).header("ETag");

        Api.Response ok = admin().header("If-Match", etag).put("/items/" + sku, item("Matched")).expect(200);

        assertThat(ok.json().get("version").asLong()).isEqualTo(2);
        admin().header("If-Match", "W/\"2\"").put("/items/" + sku, item("Weak tag works too")).expect(200);
    }

    @Test
    void ifMatchOnAnItemThatDoesNotExistIs412AndCreatesNothing() {
        String sku = Api.unique("SKU");

        admin().header("If-Match", "\"1\"").put("/items/" + sku, item("Ghost")).expect(412);

        admin().get("/items/" + sku).expect(404);
    }

    @Test
    void concurrentPutsWithTheSameIfMatchLetExactlyOneWin() throws Exception {
        String sku = createItem();
        int writers = 8;
        List<Callable<Integer>> puts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            puts.add(() -> admin().header("If-Match", "\"1\"").put("/items/" + sku, item("Writer " + n)).status());
        }
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Integer> f : pool.invokeAll(puts)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
        assertThat(statuses).filteredOn(s -> s == 412).hasSize(writers - 1);
        assertThat(admin().get("/items/" + sku).json().get("version").asLong()).isEqualTo(2);
    }

    @Test
    void concurrentCreatesOfTheSameSkuAllSucceedWithDistinctVersions() throws Exception {
        String sku = Api.unique("SKU");
        int writers = 6;
        List<Callable<Api.Response>> puts = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            int n = i;
            puts.add(() -> admin().put("/items/" + sku, item("Writer " + n)));
        }
        List<Api.Response> responses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(writers)) {
            for (Future<Api.Response> f : pool.invokeAll(puts)) {
                responses.add(f.get());
            }
        }

        assertThat(responses).filteredOn(r -> r.status() == 201).hasSize(1);
        Set<Long> versions = new HashSet<>();
        responses.stream().filter(r -> r.status() / 100 == 2).forEach(r -> versions.add(r.json().get("version").asLong()));
        long succeeded = responses.stream().filter(r -> r.status() / 100 == 2).count();
        assertThat(versions).hasSize((int) succeeded);
        assertThat(responses).allSatisfy(r -> assertThat(r.status()).isIn(200, 201, 409));
    }

    @Test
    void listsItemsPageByPageWithACursor() {
        String prefix = Api.unique("PAGE");
        for (int i = 0; i < 5; i++) {
            admin().put("/items/" + prefix + "-" + i, item("Paged " + i)).expect(201);
        }

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Api.Response page = admin().get("/items?limit=2" + (cursor == null ? "" : "&cursor=" + cursor)).expect(200);
            assertThat(page.json().get("items").size()).isLessThanOrEqualTo(2);
            page.json().get("items").forEach(i -> seen.add(i.get("sku").asString()));
            cursor = page.json().path("nextCursor").isMissingNode() || page.json().path("nextCursor").isNull()
                    ? null : page.json().get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10_000);

        assertThat(seen).contains(prefix + "-0", prefix + "-1", prefix + "-2", prefix + "-3", prefix + "-4");
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(seen).isSorted();
    }

    @Test
    void listRejectsALimitOutOfRangeAndAForeignCursor() {
        assertThat(admin().get("/items?limit=0").expect(400).errorFields()).containsExactly("limit");
        assertThat(admin().get("/items?limit=501").expect(400).errorFields()).containsExactly("limit");
        assertThat(admin().get("/items?cursor=***").expect(400).errorFields()).containsExactly("cursor");
    }

    @Test
    void eachInvalidFieldIsNamed() {
        String sku = Api.unique("SKU");
        String component = createItem();

        assertThat(admin().put("/items/" + sku, with(item("x"), "name", "")).expect(400).errorFields()).containsExactly("name");
        assertThat(admin().put("/items/" + sku, with(item("x"), "name", null)).expect(400).errorFields()).containsExactly("name");
        assertThat(admin().put("/items/" + sku, with(item("x"), "name", "n".repeat(201))).expect(400).errorFields()).containsExactly("name");
        assertThat(admin().put("/items/" + sku, with(item("x"), "unitsPerCase", 0)).expect(400).errorFields()).containsExactly("unitsPerCase");
        assertThat(admin().put("/items/" + sku, with(item("x"), "unitsPerCase", 100_001)).expect(400).errorFields()).containsExactly("unitsPerCase");
        assertThat(admin().put("/items/" + sku, with(item("x"), "casesPerPallet", 0)).expect(400).errorFields()).containsExactly("casesPerPallet");
        assertThat(admin().put("/items/" + sku, with(item("x"), "casesPerPallet", 10_001)).expect(400).errorFields()).containsExactly("casesPerPallet");
        assertThat(admin().put("/items/" + sku, item("x", component, 0)).expect(400).errorFields()).containsExactly("components[0].quantity");
        assertThat(admin().put("/items/" + sku, item("x", component, 100_001)).expect(400).errorFields()).containsExactly("components[0].quantity");
        assertThat(admin().put("/items/" + sku, item("x", component, 1, "bad sku!", 1)).expect(400).errorFields()).containsExactly("components[1].sku");
        assertThat(admin().put("/items/" + sku, item("x", component, 1, component, 2)).expect(400).errorFields()).containsExactly("components[1].sku");
        assertThat(admin().put("/items/" + sku, with(item("x"), "unitsPerCase", "many")).expect(400).errorFields()).containsExactly("unitsPerCase");
        assertThat(admin().put("/items/bad%20sku", item("x")).expect(400).errorFields()).containsExactly("sku");

        admin().get("/items/" + sku).expect(404);
    }

    @Test
    void anUnknownComponentSkuIsNamedAndNothingIsWritten() {
        String sku = Api.unique("KIT");
        String known = createItem();
        String unknown = Api.unique("GHOST");

        Api.Response r = admin().put("/items/" + sku, item("Kit", known, 1, unknown, 2)).expect(400);

        assertThat(r.problemSlug()).isEqualTo("validation-failed");
        assertThat(r.errorFields()).containsExactly("components[1].sku");
        admin().get("/items/" + sku).expect(404);
    }

    @Test
    void aKitCannotContainItself() {
        String sku = createItem();

        Api.Response r = admin().put("/items/" + sku, item("Self kit", sku, 1)).expect(400);

        assertThat(r.errorFields()).containsExactly("components");
        assertThat(admin().get("/items/" + sku).json().get("kit").asBoolean()).isFalse();
    }

    @Test
    void aKitCannotContainItselfThroughOtherKits() {
        String leaf = createItem();
        String a = Api.unique("KIT-A");
        String b = Api.unique("KIT-B");
        String c = Api.unique("KIT-C");
        admin().put("/items/" + a, item("A", leaf, 1)).expect(201);
        admin().put("/items/" + b, item("B", a, 2)).expect(201);
        admin().put("/items/" + c, item("C", b, 1)).expect(201);

        Api.Response r = admin().put("/items/" + a, item("A closes a loop", leaf, 1, c, 1)).expect(400);

        assertThat(r.errorFields()).containsExactly("components");
        JsonNode stored = admin().get("/items/" + a).json();
        assertThat(stored.get("name").asString()).isEqualTo("A");
        assertThat(stored.get("components").size()).isEqualTo(1);
    }

    @Test
    void concurrentChangesCannotTogetherCreateACycle() throws Exception {
        String leaf = createItem();
        String a = Api.unique("KIT-A");
        String b = Api.unique("KIT-B");
        admin().put("/items/" + a, item("A", leaf, 1)).expect(201);
        admin().put("/items/" + b, item("B", leaf, 1)).expect(201);

        List<Callable<Integer>> puts = List.of(
                () -> admin().put("/items/" + a, item("A", leaf, 1, b, 1)).status(),
                () -> admin().put("/items/" + b, item("B", leaf, 1, a, 1)).status());
        List<Integer> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            for (Future<Integer> f : pool.invokeAll(puts)) {
                statuses.add(f.get());
            }
        }

        assertThat(statuses).containsExactlyInAnyOrder(200, 400);
    }

    @Test
    void refusesNestingBeyondTheMaximumDepth() {
        String below = createItem();
        for (int level = 1; level <= io.tributary.catalog.domain.Kits.MAX_DEPTH; level++) {
            String kit = Api.unique("LEVEL" + level);
            admin().put("/items/" + kit, item("Level " + level, below, 1)).expect(201);
            below = kit;
        }

        Api.Response r = admin().put("/items/" + Api.unique("TOO-DEEP"), item("Too deep", below, 1)).expect(400);

        assertThat(r.errorFields()).containsExactly("components");
    }

    @Test
    void aKitShowsItsComponentsAndTheCatalogExplodesNestedKits() {
        String mug = createItem();
        String spoon = createItem();
        String gift = Api.unique("GIFT");
        String hamper = Api.unique("HAMPER");
        admin().put("/items/" + gift, item("Gift", mug, 2, spoon, 1)).expect(201);

        JsonNode json = admin().put("/items/" + hamper, item("Hamper", gift, 3, spoon, 4)).expect(201).json();

        assertThat(json.get("kit").asBoolean()).isTrue();
        assertThat(json.get("components").get(0).get("sku").asString()).isEqualTo(gift);
        assertThat(json.get("components").get(0).get("quantity").asLong()).isEqualTo(3);
        Item item = catalog.find(new Sku(hamper)).orElseThrow();
        assertThat(item.isKit()).isTrue();
        assertThat(item.explodedComponents()).extracting(c -> c.sku().value(), Item.Component::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(mug, 6L), org.assertj.core.groups.Tuple.tuple(spoon, 7L));
        assertThat(catalog.find(item.id())).contains(item);
        assertThat(catalog.findAll(List.of(new Sku(hamper), new Sku(mug), new Sku(Api.unique("NONE")))))
                .containsOnlyKeys(new Sku(hamper), new Sku(mug));
    }

    @Test
    void theCatalogSeesALocalWriteAtOnceDespiteItsCache() {
        String sku = createItem();
        assertThat(catalog.find(new Sku(sku)).orElseThrow().name()).startsWith("Plain");

        admin().put("/items/" + sku, item("Renamed")).expect(200);

        assertThat(catalog.find(new Sku(sku)).orElseThrow().name()).isEqualTo("Renamed");
        assertThat(catalog.find(new Sku(sku)).orElseThrow().version()).isEqualTo(2);
    }

    @Test
    void anItemCreatedAfterAMissIsFoundAtOnce() {
        String sku = Api.unique("LATE");
        assertThat(catalog.find(new Sku(sku))).isEmpty();

        admin().put("/items/" + sku, item("Late")).expect(201);

        assertThat(catalog.find(new Sku(sku))).isPresent();
    }

    @Test
    void aViewerMayReadButNotWriteItems() {
        String sku = createItem();
        Api viewer = admin().withKey("VIEWER", null);

        assertThat(viewer.put("/items/" + sku, item("Viewer edit")).expect(403).problemSlug()).isEqualTo("forbidden");
        viewer.get("/items/" + sku).expect(200);
        viewer.get("/items").expect(200);
    }

    @Test
    void anInventoryManagerMayWriteItems() {
        Api manager = admin().withKey("INVENTORY_MANAGER", null);
        String sku = Api.unique("SKU");

        JsonNode json = manager.put("/items/" + sku, item("By manager")).expect(201).json();

        assertThat(json.get("createdBy").asString()).startsWith("key:");
    }

    @Test
    void withoutCredentialsEverythingIs401() {
        String sku = createItem();

        anonymous().get("/items/" + sku).expect(401);
        anonymous().get("/items").expect(401);
        anonymous().put("/items/" + sku, item("Anonymous")).expect(401);
    }
}
