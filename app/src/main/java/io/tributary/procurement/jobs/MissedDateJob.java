package io.tributary.procurement.jobs;

import io.tributary.access.Actor;
import io.tributary.procurement.SupplierDeliveries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks for promised dates that passed with units still open every
 * {@code tributary.procurement.missed-date-check-interval} (1 h by default) and raises the buyer's
 * cases. Several instances may run it at once: a case already unresolved for an order is not raised
 * again, and the exception queue keeps one unresolved case per type and order.
 */
@Component
class MissedDateJob {

    private static final Logger log = LoggerFactory.getLogger(MissedDateJob.class);

    private final SupplierDeliveries deliveries;

    MissedDateJob(SupplierDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    @Scheduled(fixedDelayString = "${tributary.procurement.missed-date-check-interval:1h}",
            initialDelayString = "${tributary.procurement.missed-date-check-interval:1h}")
    void check() {
        try {
            int raised = deliveries.raiseMissedDates(Actor.SYSTEM).size();
            if (raised > 0) {
                log.info("Raised {} missed promised date case(s)", raised);
            }
        } catch (RuntimeException e) {
            log.warn("Missed promised date check failed, will retry: {}", e.toString());
        }
    }
}
