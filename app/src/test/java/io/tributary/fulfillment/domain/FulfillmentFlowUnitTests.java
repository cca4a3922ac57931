package io.tributary.fulfillment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.fulfillment.FulfillmentStatus;
import io.tributary.fulfillment.domain.FulfillmentFlow.Step;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class FulfillmentFlowUnitTests {

    static List<Step> walk(DeliveryMethod method, Step... steps) {
        FulfillmentStatus at = FulfillmentStatus.PENDING;
        List<Step> taken = new ArrayList<>();
        for (Step s : steps) {
            assertThat(FulfillmentFlow.allows(s, at, method)).as(s + " from " + at).isTrue();
            at = s.target();
            taken.add(s);
        }
        return taken;
    }

    @Test
    void aShipmentAndAPickupEachHaveOneWayThrough() {
        walk(DeliveryMethod.SHIP, Step.RELEASE, Step.PICK, Step.PACK, Step.SHIP, Step.DELIVER);
        walk(DeliveryMethod.PICKUP, Step.RELEASE, Step.PICK, Step.PACK, Step.READY_FOR_PICKUP, Step.PICKED_UP);
        walk(DeliveryMethod.PICKUP, Step.RELEASE, Step.PICK, Step.PACK, Step.READY_FOR_PICKUP, Step.NOT_COLLECTED);
    }

    @Test
    void noStepIsSkippedAndNoneAppliesToTheOtherDeliveryMethod() {
        assertThat(FulfillmentFlow.allows(Step.PICK, FulfillmentStatus.PENDING, DeliveryMethod.SHIP)).isFalse();
        assertThat(FulfillmentFlow.allows(Step.SHIP, FulfillmentStatus.PICKING, DeliveryMethod.SHIP)).isFalse();
        assertThat(FulfillmentFlow.allows(Step.SHIP, FulfillmentStatus.PACKED, DeliveryMethod.PICKUP)).isFalse();
        assertThat(FulfillmentFlow.allows(Step.READY_FOR_PICKUP, FulfillmentStatus.PACKED, DeliveryMethod.SHIP)).isFalse();
        assertThat(FulfillmentFlow.allows(Step.DELIVER, FulfillmentStatus.DELIVERED, DeliveryMethod.SHIP)).isFalse();
        for (FulfillmentStatus end : EnumSet.of(FulfillmentStatus.DELIVERED, FulfillmentStatus.PICKED_UP, FulfillmentStatus.NOT_COLLECTED,
                FulfillmentStatus.REJECTED, FulfillmentStatus.CANCELLED)) {
            for (Step s : Step.values()) {
                assertThat(FulfillmentFlow.allows(s, end, DeliveryMethod.SHIP) || FulfillmentFlow.allows(s, end, DeliveryMethod.PICKUP))
                        .as(s + " from " + end).isFalse();
            }
            assertThat(FulfillmentFlow.rejectable(end)).isFalse();
        }
    }

    @Test
    void onlyWorkInTheNodesHandsCanBeRejectedAndOnlyThatHoldsStock() {
        assertThat(EnumSet.allOf(FulfillmentStatus.class).stream().filter(FulfillmentFlow::rejectable))
                .containsExactlyInAnyOrder(FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING, FulfillmentStatus.PACKED);
        assertThat(EnumSet.allOf(FulfillmentStatus.class).stream().filter(FulfillmentStatus::holdsStock))
                .containsExactlyInAnyOrder(FulfillmentStatus.PENDING, FulfillmentStatus.RELEASED, FulfillmentStatus.PICKING,
                        FulfillmentStatus.PACKED, FulfillmentStatus.READY_FOR_PICKUP);
    }

    @Test
    void sameDayIsReleasedBeforeExpressBeforeStandard() {
        assertThat(FulfillmentFlow.priority(ServiceLevel.SAME_DAY)).isLessThan(FulfillmentFlow.priority(ServiceLevel.EXPRESS));
        assertThat(FulfillmentFlow.priority(ServiceLevel.EXPRESS)).isLessThan(FulfillmentFlow.priority(ServiceLevel.STANDARD));
        assertThat(FulfillmentFlow.pickupDeadline(Instant.parse("2026-11-25T10:00:00Z"), Duration.ofHours(72)))
                .isEqualTo(Instant.parse("2026-11-28T10:00:00Z"));
    }
}
