package io.tributary.shared;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Redelivers domain events whose listener failed, so the outbox delivers at least once. Outstanding
 * publications are not replayed on start-up (instances would race); this job picks up whatever is
 * older than a minute instead. Listeners dedupe by the event's identity.
 */
@Component
class EventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(EventRedelivery.class);

    private final IncompleteEventPublications publications;

    EventRedelivery(IncompleteEventPublications publications) {
        this.publications = publications;
    }

    @Scheduled(fixedDelayString = "${tributary.events.redelivery-interval:60s}", initialDelayString = "${tributary.events.redelivery-interval:60s}")
    void redeliver() {
        try {
            publications.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
        } catch (RuntimeException e) {
            log.warn("Event redelivery failed, will retry: {}", e.toString());
        }
    }
}
