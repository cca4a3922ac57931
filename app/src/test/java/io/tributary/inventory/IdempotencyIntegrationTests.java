package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class IdempotencyIntegrationTests extends IntegrationTest {

    @Test
    void aRetriedReservationReplaysTheFirstResponseAndReservesOnce() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        String channel = f.channel(List.of(loc));
        Map<String, Object> body = reservation(channel, sku, loc, 3);
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = keyed.post("/reservations", body).expect(201);
        Api.Response second = keyed.post("/reservations", body).expect(201);

        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(ReservationIntegrationTests.reserved(api, sku)).isEqualTo(3);
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void aRetriedAdjustmentReplaysTheFirstResponseAndChangesStockOnce() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Map<String, Object> body = Map.of("sku", sku, "location", loc, "quantity", 7, "reason", "RECEIVED");
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = keyed.post("/inventory/adjustments", body).expect(201);
        Api.Response second = keyed.post("/inventory/adjustments", body).expect(201);

        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.json()).isEqualTo(first.json());
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(7);
        assertThat(SnapshotIntegrationTests.movementCount(api, sku)).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 7, "reason", "RECEIVED")).expect(201);

        Api.Response reused = keyed.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 8, "reason", "RECEIVED"))
                .expect(422);

        assertThat(reused.problemSlug()).isEqualTo("idempotency-key-reused");
        assertThat(reused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(7);
    }

    @Test
    void theSameKeyOnAnotherOperationIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 5);
        String channel = f.channel(List.of(loc));
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());
        keyed.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 1, "reason", "FOUND")).expect(201);

        assertThat(keyed.post("/reservations", reservation(channel, sku, loc, 1)).expect(422).problemSlug()).isEqualTo("idempotency-key-reused");
        assertThat(ReservationIntegrationTests.reserved(api, sku)).isZero();
    }

    @Test
    void aRefusedReservationReplaysAsTheSameRefusal() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 2);
        String channel = f.channel(List.of(loc));
        Map<String, Object> body = reservation(channel, sku, loc, 3);
        Api keyed = api.header("Idempotency-Key", UUID.randomUUID().toString());

        Api.Response first = keyed.post("/reservations", body).expect(409);
        f.stock(sku, loc, 10);
        Api.Response second = keyed.post("/reservations", body).expect(409);

        assertThat(first.problemSlug()).isEqualTo("insufficient-stock");
        assertThat(second.problemSlug()).isEqualTo("insufficient-stock");
        assertThat(second.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(second.header("Content-Type")).startsWith("application/problem+json");
        assertThat(second.json().path("shortfalls")).isEqualTo(first.json().path("shortfalls"));
        assertThat(ReservationIntegrationTests.reserved(api, sku)).isZero();
    }

    @Test
    void keysAreScopedPerPrincipal() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        String key = UUID.randomUUID().toString();
        Api one = api.withKey("INVENTORY_MANAGER", null).header("Idempotency-Key", key);
        Api two = api.withKey("INVENTORY_MANAGER", null).header("Idempotency-Key", key);

        one.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 4, "reason", "RECEIVED")).expect(201);
        Api.Response other = two.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 6, "reason", "RECEIVED"))
                .expect(201);
        Api.Response same = two.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 4, "reason", "RECEIVED"))
                .expect(422);

        assertThat(other.header("Idempotent-Replayed")).isNull();
        assertThat(same.problemSlug()).isEqualTo("idempotency-key-reused");
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(10);
    }

    @Test
    void concurrentDuplicatesCreateExactlyOneReservation() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 100);
        String channel = f.channel(List.of(loc));
        Map<String, Object> body = reservation(channel, sku, loc, 3);
        Api keyed = api.withKey("CHANNEL", channel).header("Idempotency-Key", UUID.randomUUID().toString());
        int threads = 8;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Api.Response>> futures = new ArrayList<>();
        try {
            for (int i = 0; i < threads; i++) {
                Callable<Api.Response> call = () -> {
                    start.await();
                    return keyed.post("/reservations", body);
                };
                futures.add(pool.submit(call));
            }
            start.countDown();
            Set<String> ids = new HashSet<>();
            int created = 0;
            for (Future<Api.Response> future : futures) {
                Api.Response r = future.get();
                if (r.status() == 201) {
                    created++;
                    ids.add(r.json().path("id").asString());
                } else {
                    assertThat(r.status()).as(r.body()).isEqualTo(409);
                    assertThat(r.problemSlug()).isEqualTo("idempotency-key-in-flight");
                }
            }
            assertThat(created).isPositive();
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(ReservationIntegrationTests.reserved(api, sku)).isEqualTo(3);
        Api.Response after = keyed.post("/reservations", body).expect(201);
        assertThat(after.header("Idempotent-Replayed")).isEqualTo("true");
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void anOverlongKeyIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Api.Response r = api.header("Idempotency-Key", "x".repeat(300))
                .post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 4, "reason", "RECEIVED")).expect(400);
        assertThat(r.errorFields()).containsExactly("Idempotency-Key");
        assertThat(SnapshotIntegrationTests.movementCount(api, sku)).isZero();
    }

    static Map<String, Object> reservation(String channel, String sku, String loc, long quantity) {
        return Map.of("reference", Api.unique("order"), "channel", channel,
                "lines", List.of(Map.of("sku", sku, "location", loc, "quantity", quantity)));
    }

}
