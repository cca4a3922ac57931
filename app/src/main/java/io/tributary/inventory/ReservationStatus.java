package io.tributary.inventory;

import java.util.Set;

/**
 * The life of a reservation: ACTIVE holds stock until it is RELEASED (by the client), EXPIRED (by
 * the clock) or FULFILLED (its stock shipped). The last three are final.
 */
public enum ReservationStatus {
    ACTIVE, RELEASED, EXPIRED, FULFILLED;

    public Set<ReservationStatus> next() {
        return switch (this) {
            case ACTIVE -> Set.of(RELEASED, EXPIRED, FULFILLED);
            case RELEASED, EXPIRED, FULFILLED -> Set.of();
        };
    }

    public boolean canBecome(ReservationStatus target) {
        return next().contains(target);
    }
}
