package io.tributary.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AvailabilityPolicyUnitTests {

    @Test
    void locationAvailabilityIsOnHandLessReservedNeverNegative() {
        assertThat(AvailabilityPolicy.atLocation(10, 3, false, 50)).isEqualTo(7);
        assertThat(AvailabilityPolicy.atLocation(3, 10, false, 0)).isZero();
    }

    @Test
    void staleLocationsContributeTheirBufferLessRoundingDown() {
        assertThat(AvailabilityPolicy.atLocation(10, 0, true, 50)).isEqualTo(5);
        assertThat(AvailabilityPolicy.atLocation(9, 0, true, 50)).isEqualTo(4);
        assertThat(AvailabilityPolicy.atLocation(10, 0, true, 100)).isZero();
        assertThat(AvailabilityPolicy.atLocation(10, 0, true, 0)).isEqualTo(10);
    }

    @Test
    void channelBuffersTakePercentThenUnitsNeverBelowZero() {
        assertThat(AvailabilityPolicy.forChannel(100, 0, 10)).isEqualTo(90);
        assertThat(AvailabilityPolicy.forChannel(100, 5, 10)).isEqualTo(85);
        assertThat(AvailabilityPolicy.forChannel(3, 5, 0)).isZero();
        assertThat(AvailabilityPolicy.forChannel(15, 0, 10)).isEqualTo(13);
    }

    @Test
    void kitsAreLimitedByTheScarcestComponent() {
        assertThat(AvailabilityPolicy.kits(List.of(new long[] {10, 1}, new long[] {9, 2}, new long[] {100, 5}))).isEqualTo(4);
        assertThat(AvailabilityPolicy.kits(List.of(new long[] {0, 1}, new long[] {9, 2}))).isZero();
        assertThat(AvailabilityPolicy.kits(List.of(new long[] {-3, 1}))).isZero();
    }
}
