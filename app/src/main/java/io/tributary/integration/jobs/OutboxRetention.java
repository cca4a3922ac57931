package io.tributary.integration.jobs;

import io.tributary.integration.persistence.OutboxStore;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes outbox events older than {@code tributary.integration.outbox-retention} (default 7 days)
 * that no pending delivery still needs, with their finished deliveries, in batches. Instances share
 * the work through {@code for update skip locked}. Events still owed to a subscriber stay however old
 * they are.
 */
@Component
class OutboxRetention {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetention.class);
    private static final int BATCH = 1000;

    private final OutboxStore store;
    private final IntegrationProperties properties;
    private final Clock clock;

    OutboxRetention(OutboxStore store, IntegrationProperties properties, Clock clock) {
        this.store = store;
        this.properties = properties;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tributary.integration.retention-interval:1h}", initialDelayString = "${tributary.integration.retention-interval:1h}")
    void purge() {
        try {
            java.time.Instant cutoff = clock.instant().minus(properties.outboxRetention());
            int total = 0;
            int n;
            do {
                n = store.deleteExpired(cutoff, BATCH);
                total += n;
            } while (n == BATCH);
            if (total > 0) {
                log.info("Outbox retention deleted {} events older than {}", total, cutoff);
            }
        } catch (RuntimeException e) {
            log.warn("Outbox retention failed, will retry: {}", e.toString());
        }
    }
}
