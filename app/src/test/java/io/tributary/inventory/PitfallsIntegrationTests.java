package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Failures peer systems shipped (see PITFALLS.md), each as a test that would have caught it. */
class PitfallsIntegrationTests extends IntegrationTest {

    /**
     * Vendure 3.7.3: 100 concurrent checkouts for an item with 20 in stock all succeeded and the
     * allocated counter lost updates; once the pool was left idle in transaction and the server hung.
     */
    @Test
    void hundredConcurrentCheckoutsForTwentyUnitsSellExactlyTwentyAndLeaveNoTransactionOpen() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        String channel = f.channel(List.of(loc));
        f.stock(sku, loc, 20);
        Api channelKey = api.withKey("CHANNEL", channel);
        Fixtures client = new Fixtures(channelKey);

        AtomicInteger sold = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(100);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            results.add(pool.submit(() -> client.reserve(channel, sku, loc, 1).status()));
        }
        for (Future<Integer> r : results) {
            int status = r.get();
            assertThat(status).isIn(201, 409);
            if (status == 201) {
                sold.incrementAndGet();
            }
        }
        pool.shutdown();

        assertThat(sold.get()).isEqualTo(20);
        JsonNode row = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(row.path("reserved").asLong()).isEqualTo(20);
        assertThat(row.path("available").asLong()).isZero();
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", ""); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where datname = current_database() "
                     + "and state = 'idle in transaction'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
    }

    /** openboxes PR #6061: two requisitions of 5 against 5 on hand both issued, leaving -5. */
    @Test
    void twoConcurrentRequestsForAllTheStockCannotBothWin() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        String channel = f.channel(List.of(loc));
        f.stock(sku, loc, 5);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Future<Integer> a = pool.submit(() -> f.reserve(channel, sku, loc, 5).status());
        Future<Integer> b = pool.submit(() -> f.reserve(channel, sku, loc, 5).status());
        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(201, 409);
        pool.shutdown();
    }

    /** medusa #12401 / odoo #62139: a reserved figure out of step with its reservations is found and repaired. */
    @Test
    void verifyFindsADamagedBalanceAndRepairRestoresIt() throws Exception {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        String channel = f.channel(List.of(loc));
        f.stock(sku, loc, 9);
        f.reserve(channel, sku, loc, 4).expect(201);
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", ""); Statement s = c.createStatement()) {
            s.executeUpdate("update inventory_balance set reserved = 0, on_hand = 2 where reserved = 4 and on_hand = 9");
        }
        JsonNode broken = api.get("/inventory/verify").expect(200).json();
        assertThat(broken.path("consistent").asBoolean()).isFalse();
        List<String> fields = new ArrayList<>();
        broken.path("mismatches").forEach(m -> {
            if (m.path("sku").asString().equals(sku)) {
                fields.add(m.path("field").asString());
            }
        });
        assertThat(fields).containsExactlyInAnyOrder("onHand", "reserved");
        assertThat(api.withKey("INVENTORY_MANAGER", null).post("/inventory/repair", null).status()).isEqualTo(403);

        JsonNode repair = api.post("/inventory/repair", null).expect(200).json();
        assertThat(repair.path("rewrittenBalances").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
        JsonNode row = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(row.path("onHand").asLong()).isEqualTo(9);
        assertThat(row.path("reserved").asLong()).isEqualTo(4);
    }

    /** vendure #2356: stock at a location the channel does not sell from must not count or be reservable. */
    @Test
    void anotherChannelsLocationsNeitherCountNorReserve() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String mine = f.location();
        String theirs = f.location();
        String channel = f.channel(List.of(mine));
        f.stock(sku, theirs, 30);
        assertThat(api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json()
                .path("items").get(0).path("available").asLong()).isZero();
        Api.Response r = f.reserve(channel, sku, theirs, 1).expect(400);
        assertThat(r.errorFields()).containsExactly("lines[0].location");
        assertThat(api.post("/inventory/adjustments", Map.of("sku", sku, "location", mine, "quantity", 1, "reason", "FOUND"))
                .status()).isEqualTo(201);
    }
}
