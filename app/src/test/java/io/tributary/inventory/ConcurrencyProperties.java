package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.AppInstance;
import io.tributary.support.Fixtures;
import io.tributary.support.TestDatabase;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import tools.jackson.databind.JsonNode;

/**
 * Many clients reserve, release, fulfil, adjust and count at random, concurrently, over HTTP.
 * Afterwards the ledger proves every balance, nothing is ever oversold, and the figures equal
 * what the clients were told: the sum of every acknowledged change, no more, no less.
 */
class ConcurrencyProperties {

    private static AppInstance app;

    static synchronized Api api() {
        if (app == null) {
            app = AppInstance.start(TestDatabase.freshDatabase(), "postgres", "");
        }
        return app.admin();
    }

    @AfterContainer
    static void stop() {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    @Property(tries = 4, shrinking = net.jqwik.api.ShrinkingMode.OFF)
    void invariantsHoldUnderConcurrentOperations(@ForAll long seed, @ForAll @IntRange(min = 4, max = 12) int threads) throws Exception {
        Api api = api();
        Fixtures f = new Fixtures(api);
        List<String> skus = List.of(f.item(), f.item(), f.item());
        List<String> locations = List.of(f.location(), f.location());
        String kit = f.kit(skus.get(0), 1, skus.get(1), 2);
        String channel = f.channel(locations);
        Map<String, AtomicLong> onHand = new ConcurrentHashMap<>();
        Map<String, AtomicLong> reserved = new ConcurrentHashMap<>();
        for (String sku : skus) {
            for (String loc : locations) {
                f.stock(sku, loc, 20);
                onHand.put(sku + "@" + loc, new AtomicLong(20));
                reserved.put(sku + "@" + loc, new AtomicLong());
            }
        }
        ConcurrentLinkedQueue<JsonNode> active = new ConcurrentLinkedQueue<>();
        Map<String, Boolean> shrunk = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Random random = new Random(seed + t);
            done.add(pool.submit(() -> {
                for (int op = 0; op < 25; op++) {
                    step(api, random, skus, locations, kit, channel, onHand, reserved, active, shrunk);
                }
                return null;
            }));
        }
        for (Future<?> d : done) {
            d.get();
        }
        pool.shutdown();

        JsonNode verify = api.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
        for (String sku : skus) {
            JsonNode stock = api.get("/inventory/" + sku).expect(200).json();
            for (JsonNode row : stock.path("locations")) {
                String key = sku + "@" + row.path("location").asString();
                if (!shrunk.containsKey(key)) {
                    // Only a physical loss (negative adjustment or count) may leave reservations uncovered.
                    assertThat(row.path("available").asLong()).as("available of " + key).isGreaterThanOrEqualTo(0);
                }
                assertThat(row.path("onHand").asLong()).as("on hand of " + key).isEqualTo(onHand.get(key).get());
                assertThat(row.path("reserved").asLong()).as("reserved of " + key).isEqualTo(reserved.get(key).get());
            }
        }
    }

    private static void step(Api api, Random random, List<String> skus, List<String> locations, String kit, String channel,
                             Map<String, AtomicLong> onHand, Map<String, AtomicLong> reserved, ConcurrentLinkedQueue<JsonNode> active,
                             Map<String, Boolean> shrunk) {
        int dice = random.nextInt(100);
        if (dice < 45) {
            List<Map<String, Object>> lines = new ArrayList<>();
            int n = 1 + random.nextInt(3);
            for (int i = 0; i < n; i++) {
                String sku = random.nextInt(5) == 0 ? kit : skus.get(random.nextInt(skus.size()));
                lines.add(Map.of("sku", sku, "location", locations.get(random.nextInt(locations.size())), "quantity", 1 + random.nextInt(4)));
            }
            Api.Response r = api.post("/reservations", Map.of("reference", Api.unique("o"), "channel", channel, "lines", lines));
            if (r.status() == 201) {
                JsonNode res = r.json();
                forEachHeld(res, (key, q) -> reserved.get(key).addAndGet(q));
                active.add(res);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
                assertThat(r.problemSlug()).isEqualTo("insufficient-stock");
            }
        } else if (dice < 60) {
            JsonNode res = active.poll();
            if (res != null) {
                api.post("/reservations/" + res.path("id").asString() + "/release", null).expect(200);
                forEachHeld(res, (key, q) -> reserved.get(key).addAndGet(-q));
            }
        } else if (dice < 75) {
            JsonNode res = active.poll();
            if (res != null) {
                Api.Response r = api.post("/reservations/" + res.path("id").asString() + "/fulfil", null);
                if (r.status() == 200) {
                    forEachHeld(res, (key, q) -> {
                        reserved.get(key).addAndGet(-q);
                        onHand.get(key).addAndGet(-q);
                    });
                } else {
                    // A loss counted since the reservation can leave too little to ship: refused, nothing consumed.
                    assertThat(r.status()).as(r.body()).isEqualTo(409);
                    assertThat(r.problemSlug()).isEqualTo("insufficient-stock");
                    active.add(res);
                }
            }
        } else if (dice < 90) {
            String sku = skus.get(random.nextInt(skus.size()));
            String loc = locations.get(random.nextInt(locations.size()));
            long q = random.nextInt(11) - 4;
            if (q == 0) {
                q = 3;
            }
            Api.Response r = api.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", q,
                    "reason", q > 0 ? "FOUND" : "LOST"));
            if (q < 0) {
                shrunk.put(sku + "@" + loc, true);
            }
            if (r.status() == 201) {
                onHand.get(sku + "@" + loc).addAndGet(q);
            } else {
                assertThat(r.status()).as(r.body()).isEqualTo(409);
            }
        } else {
            String sku = skus.get(random.nextInt(skus.size()));
            String loc = locations.get(random.nextInt(locations.size()));
            shrunk.put(sku + "@" + loc, true);
            JsonNode count = api.post("/inventory/counts", Map.of("location", loc, "tolerancePercent", 100,
                    "lines", List.of(Map.of("sku", sku, "counted", random.nextInt(30))))).expect(201).json();
            JsonNode line = count.path("lines").get(0);
            if (line.path("applied").asBoolean()) {
                onHand.get(sku + "@" + loc).addAndGet(line.path("variance").asLong());
            } else {
                api.post("/inventory/counts/" + count.path("id").asString() + "/reject", null).expect(200);
            }
        }
    }

    /** Calls back with each stock row a reservation holds: plain lines, or a kit's components. */
    private static void forEachHeld(JsonNode reservation, java.util.function.BiConsumer<String, Long> held) {
        Map<String, Long> sums = new HashMap<>();
        for (JsonNode line : reservation.path("lines")) {
            String loc = line.path("location").asString();
            if (line.path("components").isEmpty()) {
                sums.merge(line.path("sku").asString() + "@" + loc, line.path("quantity").asLong(), Long::sum);
            } else {
                for (JsonNode c : line.path("components")) {
                    sums.merge(c.path("sku").asString() + "@" + loc, c.path("quantity").asLong(), Long::sum);
                }
            }
        }
        sums.forEach(held);
    }
}
