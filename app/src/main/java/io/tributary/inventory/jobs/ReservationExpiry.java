package io.tributary.inventory.jobs;

import io.tributary.inventory.Reservations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Releases reservations whose {@code expiresAt} has passed, every second, in batches. Instances
 * share the work through {@code for update skip locked}; a reservation expires exactly once.
 */
@Component
class ReservationExpiry {

    private static final Logger log = LoggerFactory.getLogger(ReservationExpiry.class);
    private static final int BATCH = 500;

    private final Reservations reservations;

    ReservationExpiry(Reservations reservations) {
        this.reservations = reservations;
    }

    @Scheduled(fixedDelayString = "${tributary.inventory.expiry-interval:1s}")
    void expire() {
        try {
            int n;
            do {
                n = reservations.expireDue(BATCH);
                if (n > 0) {
                    log.debug("Expired {} reservations", n);
                }
            } while (n == BATCH);
        } catch (RuntimeException e) {
            log.warn("Reservation expiry failed, will retry: {}", e.toString());
        }
    }
}
