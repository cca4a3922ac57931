package io.tributary.exceptions.jobs;

import io.tributary.exceptions.Exceptions;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Escalates unresolved cases past their due time, every {@code tributary.exceptions.escalation-interval}
 * (30 s by default), in batches. Instances share the work through {@code for update skip locked},
 * so each due case escalates once per period whatever the number of instances.
 */
@Component
class EscalationJob {

    private static final Logger log = LoggerFactory.getLogger(EscalationJob.class);
    static final int BATCH = 200;

    private final Exceptions exceptions;
    private final Clock clock;

    EscalationJob(Exceptions exceptions, Clock clock) {
        this.exceptions = exceptions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${tributary.exceptions.escalation-interval:30s}",
            initialDelayString = "${tributary.exceptions.escalation-interval:30s}")
    void escalate() {
        try {
            int n;
            do {
                n = exceptions.escalateDue(clock.instant(), BATCH);
                if (n > 0) {
                    log.info("Escalated {} overdue exception cases", n);
                }
            } while (n == BATCH);
        } catch (RuntimeException e) {
            log.warn("Exception escalation failed, will retry: {}", e.toString());
        }
    }
}
