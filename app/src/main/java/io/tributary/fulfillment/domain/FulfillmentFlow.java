package io.tributary.fulfillment.domain;

import io.tributary.fulfillment.FulfillmentStatus;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * The fulfilment state machine and the release order. A shipment goes RELEASED → PICKING → PACKED
 * → SHIPPED → DELIVERED; a store pickup goes RELEASED → PICKING → PACKED → READY_FOR_PICKUP →
 * PICKED_UP (or NOT_COLLECTED at the deadline). A node can reject while the units are still in its
 * hands (RELEASED, PICKING, PACKED).
 */
public final class FulfillmentFlow {

    private FulfillmentFlow() {
    }

    /** A step a node (or the system) takes; {@code target} is where it leads. */
    public enum Step {
        RELEASE(FulfillmentStatus.RELEASED, null),
        PICK(FulfillmentStatus.PICKING, null),
        PACK(FulfillmentStatus.PACKED, null),
        SHIP(FulfillmentStatus.SHIPPED, DeliveryMethod.SHIP),
        DELIVER(FulfillmentStatus.DELIVERED, DeliveryMethod.SHIP),
        READY_FOR_PICKUP(FulfillmentStatus.READY_FOR_PICKUP, DeliveryMethod.PICKUP),
        PICKED_UP(FulfillmentStatus.PICKED_UP, DeliveryMethod.PICKUP),
        NOT_COLLECTED(FulfillmentStatus.NOT_COLLECTED, DeliveryMethod.PICKUP);

        private final FulfillmentStatus target;
        private final DeliveryMethod only;

        Step(FulfillmentStatus target, DeliveryMethod only) {
            this.target = target;
            this.only = only;
        }

        public FulfillmentStatus target() {
            return target;
        }

        /** The event name of this step: {@code released}, {@code picking}, ... */
        public String event() {
            return target.name().toLowerCase();
        }
    }

    private static final Map<Step, Set<FulfillmentStatus>> FROM = Map.of(
            Step.RELEASE, Set.of(FulfillmentStatus.PENDING),
            Step.PICK, Set.of(FulfillmentStatus.RELEASED),
            Step.PACK, Set.of(FulfillmentStatus.PICKING),
            Step.SHIP, Set.of(FulfillmentStatus.PACKED),
            Step.DELIVER, Set.of(FulfillmentStatus.SHIPPED),
            Step.READY_FOR_PICKUP, Set.of(FulfillmentStatus.PACKED),
            Step.PICKED_UP, Set.of(FulfillmentStatus.READY_FOR_PICKUP),
            Step.NOT_COLLECTED, Set.of(FulfillmentStatus.READY_FOR_PICKUP));

    private static final Set<FulfillmentStatus> REJECTABLE = Set.of(FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING,
            FulfillmentStatus.PACKED);

    /** True when {@code step} may be taken from {@code from} for a fulfilment of this delivery method. */
    public static boolean allows(Step step, FulfillmentStatus from, DeliveryMethod method) {
        return FROM.get(step).contains(from) && (step.only == null || step.only == method);
    }

    public static boolean rejectable(FulfillmentStatus from) {
        return REJECTABLE.contains(from);
    }

    /** Release rank of a service level: lower goes first. */
    public static int priority(ServiceLevel level) {
        return switch (level) {
            case SAME_DAY -> 0;
            case EXPRESS -> 1;
            case STANDARD -> 2;
        };
    }

    /** When the customer must have collected a pickup that is ready now. */
    public static Instant pickupDeadline(Instant readyAt, Duration hold) {
        return readyAt.plus(hold);
    }
}
