package io.tributary.integration.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tributary.integration.WebhookDeliveryParked;
import io.tributary.integration.domain.RetrySchedule;
import io.tributary.integration.domain.Signatures;
import io.tributary.integration.persistence.DeliveryStore;
import io.tributary.integration.persistence.DeliveryStore.Claimed;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Delivers webhooks. One loop per instance claims due deliveries in a short transaction (each
 * claim counts an attempt and leases the delivery, so no transaction stays open during the HTTP
 * call and a crashed instance's deliveries are retried once the lease passes), posts them
 * concurrently on virtual threads (at most {@code concurrency} in flight) and records each outcome
 * in a transaction of its own: delivered, failed with the next attempt scheduled, or parked as DEAD
 * with a {@link WebhookDeliveryParked} event. Several instances share the queue through
 * {@code for update skip locked}. The loop polls every {@code poll-interval} and is woken sooner
 * when this instance commits new deliveries or finishes one (its successor may now be due).
 */
@Component
public class WebhookSender implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);
    private static final int MAX_ERROR = 500;
    private static final Duration BACKLOG_REFRESH = Duration.ofSeconds(5);

    private final DeliveryStore store;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final JsonMapper json;
    private final IntegrationProperties.Webhooks settings;
    private final RetrySchedule schedule;
    private final Duration lease;
    private final Semaphore permits;
    private final Semaphore signal = new Semaphore(0);
    private final Counter delivered;
    private final Counter failed;
    private final Counter dead;
    private final AtomicLong backlog = new AtomicLong();

    private volatile boolean running;
    private Thread loop;
    private ExecutorService executor;
    private HttpClient http;
    private long backlogReadAt;

    WebhookSender(DeliveryStore store, PlatformTransactionManager txm, Clock clock, ApplicationEventPublisher events,
                  JsonMapper json, IntegrationProperties properties, MeterRegistry meters) {
        this.store = store;
        this.tx = new TransactionTemplate(txm);
        this.clock = clock;
        this.events = events;
        this.json = json;
        this.settings = properties.webhooks();
        this.schedule = new RetrySchedule(settings.initialBackoff(), settings.maxBackoff(), settings.maxAttempts());
        // A lease shorter than one attempt would let a second instance send while the first still waits.
        Duration attempt = settings.connectTimeout().plus(settings.responseTimeout()).plusSeconds(5);
        this.lease = settings.lease().compareTo(attempt) < 0 ? attempt : settings.lease();
        this.permits = new Semaphore(Math.max(1, settings.concurrency()));
        this.delivered = Counter.builder("tributary.webhooks.deliveries").tag("outcome", "delivered")
                .description("Webhook delivery attempts by outcome").register(meters);
        this.failed = Counter.builder("tributary.webhooks.deliveries").tag("outcome", "failed")
                .description("Webhook delivery attempts by outcome").register(meters);
        this.dead = Counter.builder("tributary.webhooks.deliveries").tag("outcome", "dead")
                .description("Webhook delivery attempts by outcome").register(meters);
        Gauge.builder("tributary.webhooks.backlog", backlog, AtomicLong::get)
                .description("Webhook deliveries still pending, over all subscriptions").register(meters);
    }

    /** Asks the loop to look for due deliveries now instead of at its next poll. */
    public void wake() {
        if (signal.availablePermits() == 0) {
            signal.release();
        }
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        executor = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("webhook-", 0).factory());
        running = true;
        loop = Thread.ofPlatform().name("webhook-sender").daemon(true).start(this::run);
    }

    @Override
    public synchronized void stop() {
        if (!running) {
            return;
        }
        running = false;
        wake();
        try {
            loop.join(5000);
            executor.shutdown();
            // Unfinished attempts are not recorded; their lease passes and they are sent again.
            if (!executor.awaitTermination(2, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
        http.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void run() {
        boolean failing = false;
        while (running) {
            int free = permits.availablePermits();
            if (free == 0) {
                await(settings.pollInterval());
                continue;
            }
            int wanted = Math.min(free, Math.max(1, settings.batchSize()));
            List<Claimed> claimed;
            try {
                Instant now = clock.instant();
                claimed = tx.execute(s -> store.claim(now, now.plus(lease), wanted));
                refreshBacklog();
                if (failing) {
                    log.info("Webhook sender reaches the database again");
                    failing = false;
                }
            } catch (RuntimeException e) {
                if (!failing) {
                    log.warn("Webhook sender cannot claim deliveries, will retry: {}", e.toString());
                    failing = true;
                }
                await(settings.pollInterval().compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : settings.pollInterval());
                continue;
            }
            for (Claimed c : claimed) {
                permits.acquireUninterruptibly();
                try {
                    executor.execute(() -> {
                        try {
                            attempt(c);
                        } finally {
                            permits.release();
                            wake();
                        }
                    });
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    permits.release();
                    return;
                }
            }
            if (claimed.size() < wanted) {
                await(settings.pollInterval());
            }
        }
    }

    private void await(Duration timeout) {
        try {
            signal.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
            signal.drainPermits();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private void refreshBacklog() {
        long now = System.nanoTime();
        if (backlogReadAt == 0 || now - backlogReadAt > BACKLOG_REFRESH.toNanos()) {
            backlog.set(store.backlog());
            backlogReadAt = now;
        }
    }

    /** One attempt: post, then record the outcome. */
    void attempt(Claimed c) {
        Integer status = null;
        String error;
        try {
            byte[] body = body(c);
            HttpRequest request = HttpRequest.newBuilder(c.url())
                    .timeout(settings.responseTimeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Tributary-Webhooks/1")
                    .header("X-Tributary-Event-Id", c.eventId().toString())
                    .header("X-Tributary-Event-Type", c.eventType())
                    .header("X-Tributary-Delivery", Long.toString(c.id()))
                    .header("X-Tributary-Attempt", Integer.toString(c.attempt()))
                    .header("X-Tributary-Timestamp", clock.instant().toString())
                    .header(Signatures.HEADER, Signatures.sign(c.secret(), body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            status = response.statusCode();
            String answer;
            try (InputStream in = response.body()) {
                answer = new String(in.readNBytes(200), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                answer = "";
            }
            if (status >= 200 && status < 300) {
                record(c, status, null);
                return;
            }
            error = "HTTP " + status + (answer.isEmpty() ? "" : ": " + answer);
        } catch (HttpConnectTimeoutException e) {
            error = "connect timed out after " + settings.connectTimeout();
        } catch (HttpTimeoutException e) {
            error = "no answer within " + settings.responseTimeout();
        } catch (IOException e) {
            error = "connection failed: " + e;
        } catch (InterruptedException e) {
            // Shutting down: the lease passes and the delivery is tried again.
            Thread.currentThread().interrupt();
            return;
        } catch (RuntimeException e) {
            error = "request failed: " + e;
        }
        record(c, status, error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error);
    }

    private void record(Claimed c, Integer status, String error) {
        try {
            Instant now = clock.instant();
            if (error == null) {
                tx.executeWithoutResult(s -> store.delivered(c.id(), status, now));
                delivered.increment();
            } else if (schedule.exhausted(c.attempt())) {
                tx.executeWithoutResult(s -> {
                    if (store.park(c.id(), c.attempt(), status, error, now)) {
                        events.publishEvent(new WebhookDeliveryParked(c.subscriptionId(), c.url(), Long.toString(c.id()), c.eventId(),
                                c.eventType(), c.attempt(), status, error, now));
                    }
                });
                dead.increment();
                log.warn("Webhook delivery {} of event {} to {} parked after {} attempts: {}", c.id(), c.eventId(), c.url(),
                        c.attempt(), error);
            } else {
                Instant next = now.plus(schedule.delay(c.attempt(), ThreadLocalRandom.current().nextDouble()));
                tx.executeWithoutResult(s -> store.failed(c.id(), c.attempt(), status, error, next));
                failed.increment();
            }
        } catch (RuntimeException e) {
            // The lease passes and the delivery is tried again: at least once, never lost.
            log.warn("Could not record the outcome of webhook delivery {}: {}", c.id(), e.toString());
        }
    }

    /** The delivered JSON: the envelope and the event's stored data. */
    private byte[] body(Claimed c) {
        ObjectNode body = json.createObjectNode();
        body.put("id", c.eventId().toString());
        body.put("type", c.eventType());
        body.put("version", c.eventVersion());
        body.put("occurredAt", c.occurredAt().toString());
        body.put("aggregateType", c.aggregateType());
        body.put("aggregateId", c.aggregateId());
        body.set("data", json.readTree(c.payload()));
        return json.writeValueAsBytes(body);
    }
}
