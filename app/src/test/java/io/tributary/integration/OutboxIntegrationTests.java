package io.tributary.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.integration.persistence.OutboxStore;
import io.tributary.shared.events.ExternalEvent;
import io.tributary.support.Api;
import io.tributary.support.IntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox: an external event exists exactly when the transaction that published it commits,
 * with its id, sequence, envelope and payload, and the deliveries to matching subscriptions.
 */
class OutboxIntegrationTests extends IntegrationTest {

    /** An external event published only by these tests. */
    record Probe(String key, int n, List<String> tags) implements ExternalEvent {
        @Override
        public String eventType() {
            return "probe.happened";
        }

        @Override
        public String aggregateType() {
            return "probe";
        }

        @Override
        public String aggregateId() {
            return key;
        }
    }

    /** Another type, which a {@code probe.*} subscription does not want. */
    record Other(String key) implements ExternalEvent {
        @Override
        public String eventType() {
            return "other.happened";
        }

        @Override
        public int eventVersion() {
            return 3;
        }

        @Override
        public String aggregateType() {
            return "probe";
        }

        @Override
        public String aggregateId() {
            return key;
        }
    }

    record Row(long sequence, UUID id, String type, int version, String aggregateType, String aggregateId,
               Instant occurredAt, String payload) {
    }

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    PlatformTransactionManager txm;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    OutboxStore outbox;

    @Test
    void aCommittedTransactionLeavesExactlyItsEventsInPublicationOrder() {
        String key = Api.unique("probe");
        Instant before = Instant.now();

        new TransactionTemplate(txm).executeWithoutResult(s -> {
            for (int i = 1; i <= 3; i++) {
                events.publishEvent(new Probe(key, i, List.of("t" + i)));
            }
        });

        List<Row> rows = rows(key);
        assertThat(rows).hasSize(3);
        assertThat(rows).extracting(Row::payload).containsExactly(
                "{\"key\":\"" + key + "\",\"n\":1,\"tags\":[\"t1\"]}",
                "{\"key\":\"" + key + "\",\"n\":2,\"tags\":[\"t2\"]}",
                "{\"key\":\"" + key + "\",\"n\":3,\"tags\":[\"t3\"]}");
        assertThat(rows.get(1).sequence()).isGreaterThan(rows.get(0).sequence());
        assertThat(rows.get(2).sequence()).isGreaterThan(rows.get(1).sequence());
        assertThat(rows).extracting(Row::id).doesNotHaveDuplicates().allMatch(id -> id.version() == 7);
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.type()).isEqualTo("probe.happened");
            assertThat(r.version()).isEqualTo(1);
            assertThat(r.aggregateType()).isEqualTo("probe");
            assertThat(r.aggregateId()).isEqualTo(key);
            assertThat(r.occurredAt()).isAfterOrEqualTo(before.truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        });
    }

    @Test
    void aRolledBackTransactionLeavesNoEvent() {
        String marked = Api.unique("probe");
        String thrown = Api.unique("probe");

        new TransactionTemplate(txm).executeWithoutResult(s -> {
            events.publishEvent(new Probe(marked, 1, List.of()));
            events.publishEvent(new Probe(marked, 2, List.of()));
            s.setRollbackOnly();
        });
        assertThatThrownBy(() -> new TransactionTemplate(txm).executeWithoutResult(s -> {
            events.publishEvent(new Probe(thrown, 1, List.of()));
            throw new IllegalStateException("the change failed");
        })).isInstanceOf(IllegalStateException.class);

        assertThat(rows(marked)).isEmpty();
        assertThat(rows(thrown)).isEmpty();
    }

    @Test
    void eventsOfATransactionAreWrittenTogetherJustBeforeItCommits() {
        String key = Api.unique("probe");

        long seenInside = new TransactionTemplate(txm).execute(s -> {
            events.publishEvent(new Probe(key, 1, List.of()));
            events.publishEvent(new Probe(key, 2, List.of()));
            // Same connection, same transaction: nothing is written per event.
            return (long) rows(key).size();
        });

        assertThat(seenInside).isZero();
        assertThat(rows(key)).hasSize(2);
    }

    @Test
    void anEventPublishedOutsideATransactionIsWrittenAtOnce() {
        String key = Api.unique("probe");

        events.publishEvent(new Other(key));

        List<Row> rows = rows(key);
        assertThat(rows).hasSize(1);
        assertThat(rows.getFirst().type()).isEqualTo("other.happened");
        assertThat(rows.getFirst().version()).isEqualTo(3);
        assertThat(rows.getFirst().payload()).isEqualTo("{\"key\":\"" + key + "\"}");
    }

    @Test
    void eachMatchingActiveSubscriptionGetsOneDeliveryPerEventInTheSameInsert() {
        Api api = admin();
        String probes = api.post("/webhooks", Map.of("url", "http://127.0.0.1:9/probes", "events", List.of("probe.*"), "secret", "s"))
                .expect(201).json().path("id").asString();
        String exact = api.post("/webhooks", Map.of("url", "http://127.0.0.1:9/exact", "events", List.of("other.happened"), "secret", "s"))
                .expect(201).json().path("id").asString();
        String inactive = api.post("/webhooks", Map.of("url", "http://127.0.0.1:9/off", "events", List.of("*"), "secret", "s"))
                .expect(201).json().path("id").asString();
        api.post("/webhooks/" + inactive + "/deactivate", Map.of()).expect(200);
        String key = Api.unique("probe");
        try {
            new TransactionTemplate(txm).executeWithoutResult(s -> {
                events.publishEvent(new Probe(key, 1, List.of()));
                events.publishEvent(new Other(key));
                events.publishEvent(new Probe(key, 2, List.of()));
            });

            assertThat(deliveryTypes(probes, key)).containsExactly("probe.happened", "probe.happened");
            assertThat(deliveryTypes(exact, key)).containsExactly("other.happened");
            assertThat(deliveryTypes(inactive, key)).isEmpty();
        } finally {
            api.post("/webhooks/" + probes + "/deactivate", Map.of());
            api.post("/webhooks/" + exact + "/deactivate", Map.of());
        }
    }

    @Test
    void retentionDeletesOldEventsExceptThoseAPendingDeliveryStillNeeds() throws Exception {
        Api api = admin();
        String owed = Api.unique("probe");
        String done = Api.unique("probe");
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch arrived = new java.util.concurrent.CountDownLatch(1);
        // The subscriber holds the delivery of 'owed' open: it stays PENDING while retention runs.
        try (Subscriber subscriber = Subscriber.start().answering(body -> {
            if (owed.equals(body.path("aggregateId").asString())) {
                arrived.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return 200;
        })) {
            String subscription = api.post("/webhooks", Map.of("url", subscriber.url(), "events", List.of("probe.happened"), "secret", "s"))
                    .expect(201).json().path("id").asString();
            try {
                events.publishEvent(new Probe(owed, 1, List.of()));
                events.publishEvent(new Other(done));
                assertThat(arrived.await(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

                assertThat(outbox.deleteExpired(Instant.now().minusSeconds(3600), 1000)).isZero();
                int n;
                do {
                    n = outbox.deleteExpired(Instant.now().plusSeconds(60), 1000);
                } while (n == 1000);

                assertThat(rows(done)).isEmpty();
                assertThat(rows(owed)).hasSize(1);
            } finally {
                release.countDown();
                api.post("/webhooks/" + subscription + "/deactivate", Map.of());
            }
        }
    }

    private List<Row> rows(String aggregateId) {
        return jdbc.sql("""
                select sequence, id, type, version, aggregate_type, aggregate_id, occurred_at, payload::text
                from outbox_event where aggregate_id = :key order by sequence""")
                .param("key", aggregateId)
                .query((rs, i) -> new Row(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3), rs.getInt(4),
                        rs.getString(5), rs.getString(6), rs.getTimestamp(7).toInstant(), rs.getString(8)))
                .list();
    }

    private List<String> deliveryTypes(String subscription, String aggregateId) {
        return jdbc.sql("select event_type from webhook_delivery where subscription_id = :s and aggregate_id = :a order by event_sequence")
                .param("s", UUID.fromString(subscription)).param("a", aggregateId)
                .query(String.class).list();
    }
}
