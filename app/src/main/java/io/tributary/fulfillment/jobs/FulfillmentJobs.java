package io.tributary.fulfillment.jobs;

import io.tributary.fulfillment.Fulfillments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases waiting fulfilments to their nodes every {@code tributary.fulfillment.release-interval}
 * (2 s by default) and returns uncollected pickups to stock every
 * {@code tributary.fulfillment.pickup-check-interval} (1 min). Safe on many instances: release
 * is serialised per node and pickups are claimed with {@code skip locked}.
 */
@Component
class FulfillmentJobs {

    private static final Logger log = LoggerFactory.getLogger(FulfillmentJobs.class);
    static final int PICKUP_BATCH = 200;

    private final Fulfillments fulfillments;

    FulfillmentJobs(Fulfillments fulfillments) {
        this.fulfillments = fulfillments;
    }

    @Scheduled(fixedDelayString = "${tributary.fulfillment.release-interval:2s}", initialDelayString = "${tributary.fulfillment.release-interval:2s}")
    void release() {
        try {
            int n = fulfillments.releaseDue();
            if (n > 0) {
                log.debug("Released {} fulfilments", n);
            }
        } catch (RuntimeException e) {
            log.warn("Releasing fulfilments failed; the next run tries again", e);
        }
    }

    @Scheduled(fixedDelayString = "${tributary.fulfillment.pickup-check-interval:1m}",
            initialDelayString = "${tributary.fulfillment.pickup-check-interval:1m}")
    void returnUncollected() {
        try {
            int n;
            do {
                n = fulfillments.returnUncollected(PICKUP_BATCH);
                if (n > 0) {
                    log.info("Returned {} uncollected pickups to stock", n);
                }
            } while (n == PICKUP_BATCH);
        } catch (RuntimeException e) {
            log.warn("Returning uncollected pickups failed; the next run tries again", e);
        }
    }
}
