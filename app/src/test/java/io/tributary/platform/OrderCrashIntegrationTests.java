package io.tributary.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.OrderRequests;
import io.tributary.support.Fixtures;
import io.tributary.support.ServiceProcess;
import io.tributary.support.TestDatabase;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The service process itself is killed with SIGKILL in the middle of a burst of orders from several
 * clients, on a database that keeps running. A new process starts on the same database and the
 * clients retry every order whose answer they did not get, with the same channel and external id (half
 * of them also with the same {@code Idempotency-Key}). Afterwards every acknowledged order is there as
 * it was acknowledged, no channel order exists twice, and the stock promised to the stored orders is
 * exactly the stock reserved, never more than is on hand.
 */
class OrderCrashIntegrationTests {

    private static final List<String> SHIPS = List.of("SHIP", "RECEIVE");
    private static final int CLIENTS = 8;
    private static final int ORDERS = 400;
    private static final int KILL_AFTER_ACKNOWLEDGED = 60;
    private static final long STOCK_PER_ROW = 12;
    private static final Duration RETRY_DEADLINE = Duration.ofSeconds(60);
    /** Statuses an acknowledged order may have later: nothing moves it backwards. */
    private static final Map<String, Set<String>> SAME_OR_LATER = Map.of(
            "ALLOCATED", Set.of("ALLOCATED", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED"),
            "BACKORDERED", Set.of("BACKORDERED", "ALLOCATED", "PARTIALLY_SHIPPED", "SHIPPED", "DELIVERED", "CANCELLED"));

    private final List<ServiceProcess> services = new ArrayList<>();

    /** One channel order as its client sends it, every time: the same body and, for half of them, the same key. */
    private record Intake(String externalId, String key, Map<String, Object> body) {
    }

    /** A 200 or 201 the client received: the order's id and status as acknowledged. */
    private record Ack(int httpStatus, String id, String status, boolean replayed) {
    }

    @AfterEach
    void killServices() {
        services.forEach(ServiceProcess::close);
    }

    @Test
    void killingTheServiceMidBurstLosesNoAcknowledgedOrderAndDuplicatesNoneOnRetry() throws Exception {
        String url = TestDatabase.freshDatabase();
        ServiceProcess first = track(ServiceProcess.start(url, "postgres", ""));
        Fixtures f = new Fixtures(first.admin());
        List<String> skus = List.of(f.item(), f.item(), f.item());
        List<String> nodes = List.of(f.node("DC", 52.52, 13.40, SHIPS, null), f.node("DC", 48.14, 11.58, SHIPS, null));
        for (String sku : skus) {
            for (String node : nodes) {
                f.stock(sku, node, STOCK_PER_ROW);
            }
        }
        String channel = f.channel(nodes);
        List<Intake> intakes = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            intakes.add(intake(channel, skus, i));
        }

        // The burst: each client sends its share in turn until the service dies under it.
        Map<String, Ack> acknowledged = new ConcurrentHashMap<>();
        List<String> unexpected = new CopyOnWriteArrayList<>();
        Api api = first.admin();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> burst = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            burst.add(clients.submit(() -> {
                for (int i = client; i < ORDERS; i += CLIENTS) {
                    Intake intake = intakes.get(i);
                    Api.Response r;
                    try {
                        r = send(api, intake);
                    } catch (UncheckedIOException serviceGone) {
                        return;
                    }
                    if (r.status() == 200 || r.status() == 201) {
                        acknowledged.put(intake.externalId(), ack(r));
                    } else if (r.status() < 500) {
                        unexpected.add(r.status() + " " + r.body());
                    }
                }
            }));
        }
        while (acknowledged.size() < KILL_AFTER_ACKNOWLEDGED && burst.stream().anyMatch(b -> !b.isDone())) {
            Thread.sleep(2);
        }
        first.kill();
        for (Future<?> b : burst) {
            b.get();
        }
        Map<String, Ack> beforeKill = Map.copyOf(acknowledged);
        assertThat(unexpected).isEmpty();
        assertThat(beforeKill.size()).as("orders acknowledged before the kill").isGreaterThanOrEqualTo(KILL_AFTER_ACKNOWLEDGED);
        assertThat(beforeKill.size()).as("the kill came mid-burst").isLessThan(ORDERS);

        ServiceProcess second = track(ServiceProcess.start(url, "postgres", ""));
        Map<String, StoredOrder> afterRestart = stored(url, channel);
        assertThat(afterRestart).containsKeys(beforeKill.keySet().toArray(String[]::new));
        // Besides the acknowledged orders, only those in flight at the kill can have committed.
        assertThat(afterRestart.size()).isLessThanOrEqualTo(beforeKill.size() + CLIENTS);

        // The clients retry everything they got no answer for, on the new process.
        Api again = second.admin();
        Map<String, Ack> retried = new ConcurrentHashMap<>();
        List<Intake> unanswered = intakes.stream().filter(i -> !beforeKill.containsKey(i.externalId())).toList();
        List<Future<?>> retries = new ArrayList<>();
        long deadline = System.nanoTime() + RETRY_DEADLINE.toNanos();
        for (int c = 0; c < CLIENTS; c++) {
            int client = c;
            retries.add(clients.submit(() -> {
                for (int i = client; i < unanswered.size(); i += CLIENTS) {
                    Intake intake = unanswered.get(i);
                    retried.put(intake.externalId(), retryUntilAnswered(again, intake, deadline));
                }
                return null;
            }));
        }
        for (Future<?> r : retries) {
            r.get();
        }
        clients.shutdown();

        Map<String, StoredOrder> orders = stored(url, channel);
        assertThat(orders).as("every channel order exactly once").hasSize(ORDERS);
        for (Intake intake : intakes) {
            StoredOrder order = orders.get(intake.externalId());
            Ack ack = beforeKill.containsKey(intake.externalId()) ? beforeKill.get(intake.externalId()) : retried.get(intake.externalId());
            assertThat(order).as(intake.externalId()).isNotNull();
            assertThat(order.id()).as("the acknowledged id of " + intake.externalId()).isEqualTo(ack.id());
            assertThat(SAME_OR_LATER).containsKey(ack.status());
            assertThat(SAME_OR_LATER.get(ack.status())).as("status of " + intake.externalId()).contains(order.status());
        }
        for (Map.Entry<String, Ack> e : beforeKill.entrySet()) {
            JsonNode o = again.get("/orders/" + e.getValue().id()).expect(200).json();
            assertThat(o.path("externalId").asString()).isEqualTo(e.getKey());
            assertThat(SAME_OR_LATER.get(e.getValue().status())).contains(o.path("status").asString());
        }
        for (Map.Entry<String, Ack> e : retried.entrySet()) {
            Ack ack = e.getValue();
            if (afterRestart.containsKey(e.getKey())) {
                // Committed before the kill but never answered: the retry finds it instead of creating it again.
                assertThat(ack.httpStatus() == 200 || ack.replayed()).as("retry of " + e.getKey()).isTrue();
            } else {
                assertThat(ack.httpStatus()).as("retry of " + e.getKey()).isEqualTo(201);
                assertThat(ack.replayed()).isFalse();
            }
        }

        JsonNode verify = again.get("/inventory/verify").expect(200).json();
        assertThat(verify.path("consistent").asBoolean()).as(verify.toString()).isTrue();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            assertThat(count(db, "select count(*) from inventory_balance where reserved > on_hand")).as("balances promised twice").isZero();
            assertThat(count(db, "select coalesce(sum(on_hand), 0) from inventory_balance")).isEqualTo(STOCK_PER_ROW * skus.size() * nodes.size());
            long reserved = count(db, "select coalesce(sum(reserved), 0) from inventory_balance");
            assertThat(reserved).as("reserved units").isPositive()
                    .isEqualTo(count(db, "select coalesce(sum(quantity), 0) from fulfillment_line"))
                    .isEqualTo(count(db, "select coalesce(sum(allocated), 0) from sales_order_line"));
            assertThat(count(db, "select count(*) from sales_order_line where allocated + backordered <> quantity"))
                    .as("lines neither allocated nor backordered").isZero();
            assertThat(count(db, """
                    select count(*) from reservation r where r.status = 'ACTIVE'
                    and not exists (select 1 from fulfillment f join sales_order o on o.id = f.order_id
                                    where f.reservation_id = r.id)"""))
                    .as("reservations no stored order holds").isZero();
            assertThat(count(db, "select count(*) from idempotency_key where state <> 'COMPLETE'")).as("keys left in flight").isZero();
        }
    }

    private ServiceProcess track(ServiceProcess service) {
        services.add(service);
        return service;
    }

    /** Order {@code i}: one or two lines over the SKUs, small enough that no risk hold applies. */
    private static Intake intake(String channel, List<String> skus, int i) {
        String externalId = "crash-" + i + "-" + Api.unique("o");
        List<Map<String, Object>> lines = new ArrayList<>();
        lines.add(Map.of("lineId", "1", "sku", skus.get(i % skus.size()), "quantity", 1 + i % 2, "unitPrice", "9.50"));
        if (i % 2 == 0) {
            lines.add(Map.of("lineId", "2", "sku", skus.get((i + 1) % skus.size()), "quantity", 1, "unitPrice", "4.00"));
        }
        Map<String, Object> body = OrderRequests.order(channel, "AUTHORIZED", "STANDARD", null, lines);
        body.put("externalId", externalId);
        return new Intake(externalId, i % 2 == 0 ? "key-" + externalId : null, body);
    }

    private static Api.Response send(Api api, Intake intake) {
        return (intake.key() == null ? api : api.header("Idempotency-Key", intake.key())).post("/orders", intake.body());
    }

    private static Ack ack(Api.Response r) {
        JsonNode o = r.json();
        return new Ack(r.status(), o.path("id").asString(), o.path("status").asString(), "true".equals(r.header("Idempotent-Replayed")));
    }

    /**
     * Sends the order again until it is answered with 200 or 201. A key whose request was in flight
     * when the old process died stays claimed until its lease passes (409 meanwhile), then is taken over.
     */
    private static Ack retryUntilAnswered(Api api, Intake intake, long deadline) throws InterruptedException {
        while (true) {
            Api.Response r = send(api, intake);
            if (r.status() == 200 || r.status() == 201) {
                return ack(r);
            }
            assertThat(r.status()).as(r.body()).isEqualTo(409);
            assertThat(r.problemSlug()).isEqualTo("idempotency-key-in-flight");
            assertThat(System.nanoTime()).as("retried %s until the deadline", intake.externalId()).isLessThan(deadline);
            Thread.sleep(250);
        }
    }

    private record StoredOrder(String id, String status) {
    }

    /** Every order of the channel as stored, by external id (the database enforces one per external id). */
    private static Map<String, StoredOrder> stored(String url, String channel) throws SQLException {
        Map<String, StoredOrder> orders = new HashMap<>();
        try (Connection db = DriverManager.getConnection(url, "postgres", "");
             PreparedStatement s = db.prepareStatement("""
                     select external_id, count(*) over (partition by external_id), id, status
                     from sales_order where channel = ?""")) {
            s.setString(1, channel);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    assertThat(rs.getLong(2)).as("copies of " + rs.getString(1)).isEqualTo(1);
                    orders.put(rs.getString(1), new StoredOrder(rs.getString(3), rs.getString(4)));
                }
            }
        }
        return orders;
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
