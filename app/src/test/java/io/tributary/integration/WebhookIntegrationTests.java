package io.tributary.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tributary.integration.Subscriber.Received;
import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks end to end: real inventory changes, the outbox, the sender and a subscriber listening on a
 * loopback port. Retries run with the millisecond backoff of the test settings (8 attempts).
 */
class WebhookIntegrationTests extends IntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    ConfigurableApplicationContext context;

    private final List<String> subscriptions = new ArrayList<>();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private Api api;
    private Fixtures fixtures;

    @BeforeEach
    void setUp() {
        api = admin();
        fixtures = new Fixtures(api);
    }

    @AfterEach
    void tearDown() {
        // Later tests' events must not keep being sent to subscribers that are gone.
        subscriptions.forEach(id -> api.post("/webhooks/" + id + "/deactivate", Map.of()));
        subscribers.forEach(Subscriber::close);
    }

    @Test
    void deliveriesAreSignedWithTheSubscriptionsSecretOverTheRawBody() throws Exception {
        Subscriber subscriber = track(Subscriber.start());
        String secret = "whsec-" + Api.unique("s");
        subscribe(subscriber.url(), secret, "inventory.changed");
        String sku = fixtures.item();
        String location = fixtures.location();

        fixtures.stock(sku, location, 5);

        Received r = awaitReceived(subscriber, location, 1).getFirst();
        assertThat(r.header("X-Tributary-Signature")).isEqualTo("sha256=" + hmac(secret, r.raw()));
        assertThat(r.header("X-Tributary-Signature")).isNotEqualTo("sha256=" + hmac(secret + "x", r.raw()));
        assertThat(r.header("Content-Type")).startsWith("application/json");
        assertThat(r.header("X-Tributary-Event-Id")).isEqualTo(r.eventId());
        assertThat(r.header("X-Tributary-Event-Type")).isEqualTo("inventory.changed");
        JsonNode body = r.json();
        assertThat(body.path("type").asString()).isEqualTo("inventory.changed");
        assertThat(body.path("version").asInt()).isEqualTo(1);
        assertThat(body.path("aggregateType").asString()).isEqualTo("location");
        assertThat(body.path("aggregateId").asString()).isEqualTo(location);
        assertThat(Instant.parse(body.path("occurredAt").asString())).isBeforeOrEqualTo(Instant.now());
        JsonNode data = body.path("data");
        assertThat(data.path("location").asString()).isEqualTo(location);
        assertThat(data.path("skus").get(0).asString()).isEqualTo(sku);
        assertThat(data.path("cause").asString()).isEqualTo("ADJUSTMENT");
        assertThat(data.has("eventType")).isFalse();
        assertThat(data.has("aggregateId")).isFalse();
    }

    @Test
    void eventsOfUnsubscribedTypesAreNotSent() {
        Subscriber subscriber = track(Subscriber.start());
        String id = subscribe(subscriber.url(), "secret", "reservation.*");
        String sku = fixtures.item();
        String location = fixtures.location();
        String channel = fixtures.channel(List.of(location));
        fixtures.stock(sku, location, 5);

        String reservation = fixtures.reserve(channel, sku, location, 2).expect(201).json().path("id").asString();

        Received created = awaitReceived(subscriber, reservation, 1).getFirst();
        assertThat(created.type()).isEqualTo("reservation.created");
        assertThat(subscriber.received(r -> r.type().equals("inventory.changed"))).isEmpty();
        List<String> types = new ArrayList<>();
        api.get("/webhooks/" + id + "/deliveries?limit=500").expect(200).json().path("items")
                .forEach(d -> types.add(d.path("eventType").asString()));
        assertThat(types).isNotEmpty().allMatch(t -> t.startsWith("reservation."));
    }

    @Test
    void aSubscriberAnswering500ThreeTimesGetsTheSameEventAgainUntilItAccepts() {
        AtomicInteger calls = new AtomicInteger();
        Subscriber subscriber = track(Subscriber.start());
        String sku = fixtures.item();
        String location = fixtures.location();
        subscriber.answering(body -> location.equals(body.path("aggregateId").asString()) && calls.incrementAndGet() <= 3 ? 500 : 200);
        String id = subscribe(subscriber.url(), "secret", "inventory.*");

        fixtures.stock(sku, location, 5);

        List<Received> received = awaitReceived(subscriber, location, 4);
        assertThat(received).extracting(Received::answered).containsExactly(500, 500, 500, 200);
        assertThat(received).extracting(Received::eventId).containsOnly(received.getFirst().eventId());
        assertThat(received).extracting(r -> r.header("X-Tributary-Event-Id")).containsOnly(received.getFirst().eventId());
        assertThat(received).extracting(r -> r.header("X-Tributary-Attempt")).containsExactly("1", "2", "3", "4");
        JsonNode delivery = awaitDelivery(id, received.getFirst().eventId(), "DELIVERED");
        assertThat(delivery.path("attempts").asInt()).isEqualTo(4);
        assertThat(delivery.path("lastStatusCode").asInt()).isEqualTo(200);
    }

    @Test
    void aSubscriberThatWasDownGetsEverythingInOrderPerAggregate() {
        Subscriber subscriber = track(Subscriber.down());
        String id = subscribe(subscriber.url(), "secret", "inventory.changed");
        String x = fixtures.location();
        String y = fixtures.location();
        String a = fixtures.item();
        String b = fixtures.item();
        String c = fixtures.item();

        fixtures.stock(a, x, 1);
        fixtures.stock(a, y, 1);
        fixtures.stock(b, x, 1);
        fixtures.stock(b, y, 1);
        fixtures.stock(c, x, 1);
        // Down: attempts fail with a refused connection and are retried.
        await().atMost(WAIT).until(() -> {
            for (JsonNode d : api.get("/webhooks/" + id + "/deliveries?status=PENDING").expect(200).json().path("items")) {
                if (d.path("attempts").asInt() >= 2 && d.path("lastError").asString().contains("connection")) {
                    return true;
                }
            }
            return false;
        });
        subscriber.listen();

        assertThat(awaitReceived(subscriber, x, 3)).extracting(Received::sku).containsExactly(a, b, c);
        assertThat(awaitReceived(subscriber, y, 2)).extracting(Received::sku).containsExactly(a, b);
        await().atMost(WAIT).until(() -> api.get("/webhooks/" + id + "/deliveries?status=PENDING").json().path("items").isEmpty());
        assertThat(api.get("/webhooks/" + id + "/deliveries?status=DEAD").json().path("items")).isEmpty();
    }

    @Test
    void aDeliveryIsParkedAfterTheLastAttemptAndNoLongerHoldsBackItsAggregate() {
        String location = fixtures.location();
        String failing = fixtures.item();
        String next = fixtures.item();
        Subscriber subscriber = track(Subscriber.start()
                .answering(body -> failing.equals(body.path("data").path("skus").path(0).asString()) ? 503 : 200));
        String id = subscribe(subscriber.url(), "secret", "inventory.changed");
        List<WebhookDeliveryParked> parked = new CopyOnWriteArrayList<>();
        ApplicationListener<ApplicationEvent> listener = e -> {
            if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof WebhookDeliveryParked w) {
                parked.add(w);
            }
        };
        context.addApplicationListener(listener);
        try {
            fixtures.stock(failing, location, 1);
            fixtures.stock(next, location, 1);

            List<Received> received = awaitReceived(subscriber, location, 9);
            assertThat(received).extracting(Received::sku).containsExactly(failing, failing, failing, failing, failing,
                    failing, failing, failing, next);
            String eventId = received.getFirst().eventId();
            JsonNode dead = awaitDelivery(id, eventId, "DEAD");
            assertThat(dead.path("attempts").asInt()).isEqualTo(8);
            assertThat(dead.path("lastStatusCode").asInt()).isEqualTo(503);
            assertThat(dead.path("lastError").asString()).startsWith("HTTP 503");
            assertThat(api.get("/webhooks/" + id + "/deliveries?status=DEAD").json().path("items")).hasSize(1);
            await().atMost(WAIT).until(() -> parked.stream().anyMatch(p -> p.eventId().toString().equals(eventId)));
            WebhookDeliveryParked event = parked.stream().filter(p -> p.eventId().toString().equals(eventId)).findFirst().orElseThrow();
            assertThat(event.subscriptionId().toString()).isEqualTo(id);
            assertThat(event.url().toString()).isEqualTo(subscriber.url());
            assertThat(event.deliveryId()).isEqualTo(dead.path("id").asString());
            assertThat(event.eventType()).isEqualTo("inventory.changed");
            assertThat(event.lastStatusCode()).isEqualTo(503);
            assertThat(event.lastError()).startsWith("HTTP 503");
        } finally {
            context.removeApplicationListener(listener);
        }
    }

    @Test
    void parkedDeliveriesRaiseOneWebhookParkedCasePerSubscriptionThatAReplayOfEveryParkedEventResolves() {
        String location = fixtures.location();
        String first = fixtures.item();
        String second = fixtures.item();
        AtomicBoolean down = new AtomicBoolean(true);
        Subscriber subscriber = track(Subscriber.start().answering(body -> {
            String sku = body.path("data").path("skus").path(0).asString();
            return down.get() && (first.equals(sku) || second.equals(sku)) ? 503 : 200;
        }));
        String id = subscribe(subscriber.url(), "secret", "inventory.changed");

        fixtures.stock(first, location, 1);
        fixtures.stock(second, location, 1);
        List<Received> failed = awaitReceived(subscriber, location, 16);
        Received firstEvent = failed.getFirst();
        Received secondEvent = failed.stream().filter(r -> second.equals(r.sku())).findFirst().orElseThrow();
        JsonNode parked = awaitDelivery(id, firstEvent.eventId(), "DEAD");
        awaitDelivery(id, secondEvent.eventId(), "DEAD");

        JsonNode cases = api.get("/exceptions?type=WEBHOOK_PARKED&entityType=webhook_subscription&entityId=" + id).expect(200)
                .json().path("items");
        assertThat(cases).hasSize(1);
        JsonNode raised = cases.get(0);
        assertThat(raised.path("status").asString()).isEqualTo("OPEN");
        assertThat(raised.path("severity").asString()).isEqualTo("HIGH");
        assertThat(raised.path("ownerRole").asString()).isEqualTo("ADMIN");
        assertThat(raised.path("occurrences").asInt()).isEqualTo(2);
        assertThat(raised.path("summary").asString())
                .contains(subscriber.url(), "inventory.changed", firstEvent.eventId(), "delivery " + parked.path("id").asString(), "HTTP 503");
        assertThat(raised.path("details").path("deliveryId").asString()).isEqualTo(parked.path("id").asString());
        assertThat(raised.path("details").path("lastStatusCode").asInt()).isEqualTo(503);
        String caseId = raised.path("id").asString();
        assertThat(api.get("/exceptions/" + caseId).expect(200).json().path("history")).extracting(h -> h.path("event").asString())
                .containsExactly("RAISED", "RAISED_AGAIN");

        // The subscriber is back. A replay that starts after the first parked event leaves that event parked.
        down.set(false);
        api.post("/webhooks/" + id + "/replay", Map.of("from", secondEvent.json().path("occurredAt").asString())).expect(202);
        assertThat(api.get("/exceptions/" + caseId).expect(200).json().path("status").asString()).isEqualTo("OPEN");

        api.post("/webhooks/" + id + "/replay", Map.of("from", firstEvent.json().path("occurredAt").asString())).expect(202);
        JsonNode resolved = api.get("/exceptions/" + caseId).expect(200).json();
        assertThat(resolved.path("status").asString()).isEqualTo("RESOLVED");
        assertThat(resolved.path("resolutionAction").asString()).isEqualTo("REPLAYED");
        assertThat(resolved.path("resolvedBy").asString()).isEqualTo("user:admin");
        await().atMost(WAIT).until(() -> subscriber.about(location).stream()
                .anyMatch(r -> r.eventId().equals(firstEvent.eventId()) && r.answered() == 200));
    }

    @Test
    void replayFromATimeSendsTheSameEventIdsAgainInOrder() {
        Subscriber subscriber = track(Subscriber.start());
        String id = subscribe(subscriber.url(), "secret", "inventory.changed");
        String location = fixtures.location();
        String a = fixtures.item();
        String b = fixtures.item();
        fixtures.stock(a, location, 1);
        fixtures.stock(b, location, 1);
        List<Received> first = awaitReceived(subscriber, location, 2);
        String from = first.getFirst().json().path("occurredAt").asString();

        JsonNode replayed = api.post("/webhooks/" + id + "/replay", Map.of("from", from)).expect(202).json();

        assertThat(replayed.path("queued").asInt()).isGreaterThanOrEqualTo(2);
        List<Received> all = awaitReceived(subscriber, location, 4);
        assertThat(all.subList(2, 4)).extracting(Received::eventId)
                .containsExactly(first.get(0).eventId(), first.get(1).eventId());
        assertThat(all.subList(2, 4)).extracting(Received::raw)
                .satisfiesExactly(r -> assertThat(r).isEqualTo(first.get(0).raw()), r -> assertThat(r).isEqualTo(first.get(1).raw()));
        long replays = 0;
        for (JsonNode d : api.get("/webhooks/" + id + "/deliveries?limit=500").json().path("items")) {
            if (d.path("replay").asBoolean() && d.path("eventId").asString().equals(first.get(0).eventId())) {
                replays++;
            }
        }
        assertThat(replays).isEqualTo(1);
    }

    @Test
    void laterEventsOfAnAggregateWaitWhileItsFirstDeliveryFailsAndOtherAggregatesDoNot() {
        String x = fixtures.location();
        String y = fixtures.location();
        String a = fixtures.item();
        String b = fixtures.item();
        String c = fixtures.item();
        AtomicBoolean otherAggregateArrived = new AtomicBoolean();
        AtomicInteger failures = new AtomicInteger();
        Subscriber subscriber = track(Subscriber.start().answering(body -> {
            String aggregate = body.path("aggregateId").asString();
            if (aggregate.equals(y)) {
                otherAggregateArrived.set(true);
                return 200;
            }
            boolean first = aggregate.equals(x) && a.equals(body.path("data").path("skus").path(0).asString());
            // The first event of x fails until y's event got through and it failed twice.
            if (first && (!otherAggregateArrived.get() || failures.get() < 2)) {
                failures.incrementAndGet();
                return 500;
            }
            return 200;
        }));
        subscribe(subscriber.url(), "secret", "inventory.changed");

        fixtures.stock(a, x, 1);
        fixtures.stock(b, x, 1);
        fixtures.stock(c, x, 1);
        fixtures.stock(a, y, 1);

        await().atMost(WAIT).until(() -> subscriber.about(x).stream().filter(r -> r.answered() == 200).count() == 3);
        List<Received> atX = subscriber.about(x);
        int firstSuccess = 0;
        while (atX.get(firstSuccess).answered() != 200) {
            firstSuccess++;
        }
        assertThat(firstSuccess).isGreaterThanOrEqualTo(2);
        assertThat(atX.subList(0, firstSuccess + 1)).extracting(Received::sku).containsOnly(a);
        assertThat(atX.subList(firstSuccess + 1, atX.size())).extracting(Received::sku).containsExactly(b, c);
        assertThat(subscriber.about(y)).hasSize(1);
        assertThat(subscriber.about(y).getFirst().at()).isBefore(atX.get(firstSuccess).at());
    }

    @Test
    void subscriptionsAreValidatedAndTheSecretIsNeverShown() {
        Map<String, Object> bad = new LinkedHashMap<>();
        bad.put("url", "ftp://example.com/hook");
        bad.put("events", List.of("Order Shipped"));
        bad.put("secret", "");
        Api.Response refused = api.post("/webhooks", bad).expect(400);
        assertThat(refused.errorFields()).contains("url", "events[0]", "secret");
        assertThat(api.post("/webhooks", Map.of("url", "https://example.com/h", "events", List.of(), "secret", "s"))
                .expect(400).errorFields()).containsExactly("events");
        assertThat(api.post("/webhooks", Map.of("url", "not a url", "events", List.of("*"), "secret", "s"))
                .expect(400).errorFields()).containsExactly("url");

        Api.Response made = api.post("/webhooks", Map.of("url", "https://example.com/hooks", "events", List.of("order.*", "inventory.changed"),
                "secret", "top-secret-value", "description", "ERP")).expect(201);
        String id = made.json().path("id").asString();
        subscriptions.add(id);
        assertThat(made.json().path("active").asBoolean()).isTrue();
        assertThat(made.json().path("events")).extracting(JsonNode::asString).containsExactly("order.*", "inventory.changed");
        assertThat(made.body()).doesNotContain("top-secret-value").doesNotContain("secret");
        assertThat(api.get("/webhooks/" + id).expect(200).body()).doesNotContain("top-secret-value");
        assertThat(api.get("/webhooks?limit=500").expect(200).body()).doesNotContain("top-secret-value");

        assertThat(api.get("/webhooks/" + id + "/deliveries?status=LOST").expect(400).errorFields()).containsExactly("status");
        assertThat(api.post("/webhooks/" + id + "/replay", Map.of("from", "yesterday")).expect(400).errorFields()).containsExactly("from");
        api.get("/webhooks/0190a000-0000-7000-8000-000000000000").expect(404);

        api.post("/webhooks/" + id + "/deactivate", Map.of()).expect(200);
        assertThat(api.post("/webhooks/" + id + "/deactivate", Map.of()).expect(409).problemSlug()).isEqualTo("invalid-transition");
        assertThat(api.post("/webhooks/" + id + "/replay", Map.of("from", "2020-01-01T00:00:00Z")).expect(409).problemSlug())
                .isEqualTo("invalid-transition");
        subscriptions.remove(id);
    }

    @Test
    void onlyAdministratorsManageWebhooks() {
        Api manager = api.withKey("INVENTORY_MANAGER", null);
        manager.post("/webhooks", Map.of("url", "https://example.com/h", "events", List.of("*"), "secret", "s")).expect(403);
        manager.get("/webhooks").expect(403);
        anonymous().get("/webhooks").expect(401);
    }

    private Subscriber track(Subscriber s) {
        subscribers.add(s);
        return s;
    }

    private String subscribe(String url, String secret, String... events) {
        String id = api.post("/webhooks", Map.of("url", url, "events", List.of(events), "secret", secret)).expect(201)
                .json().path("id").asString();
        subscriptions.add(id);
        return id;
    }

    private static List<Received> awaitReceived(Subscriber subscriber, String aggregateId, int count) {
        await().atMost(WAIT).until(() -> subscriber.about(aggregateId).size() >= count);
        return subscriber.about(aggregateId);
    }

    private JsonNode awaitDelivery(String subscription, String eventId, String status) {
        JsonNode[] found = new JsonNode[1];
        await().atMost(WAIT).until(() -> {
            for (JsonNode d : api.get("/webhooks/" + subscription + "/deliveries?status=" + status + "&limit=500").expect(200).json().path("items")) {
                if (d.path("eventId").asString().equals(eventId)) {
                    found[0] = d;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    private static String hmac(String secret, byte[] body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body));
    }
}
