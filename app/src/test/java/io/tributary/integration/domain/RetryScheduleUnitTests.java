package io.tributary.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryScheduleUnitTests {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(5), Duration.ofMinutes(15), 15);

    @Test
    void delaysDoubleFromTheInitialDelayUpToTheCap() {
        assertThat(defaults.nominalDelay(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(defaults.nominalDelay(2)).isEqualTo(Duration.ofSeconds(10));
        assertThat(defaults.nominalDelay(3)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.nominalDelay(8)).isEqualTo(Duration.ofSeconds(640));
        assertThat(defaults.nominalDelay(9)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.nominalDelay(14)).isEqualTo(Duration.ofMinutes(15));
        assertThat(defaults.nominalDelay(1000)).isEqualTo(Duration.ofMinutes(15));
    }

    @Test
    void jitterStaysWithinAFifthOfTheNominalDelay() {
        assertThat(defaults.delay(3, 0.0)).isEqualTo(Duration.ofSeconds(16));
        assertThat(defaults.delay(3, 0.5)).isEqualTo(Duration.ofSeconds(20));
        assertThat(defaults.delay(3, 0.999999)).isLessThanOrEqualTo(Duration.ofSeconds(24));
    }

    @Test
    void theDefaultAttemptsOutlastAnHourLongOutageEvenWithTheShortestJitter() {
        Duration shortest = Duration.ZERO;
        for (int failed = 1; failed < defaults.maxAttempts(); failed++) {
            shortest = shortest.plus(defaults.delay(failed, 0.0));
        }
        assertThat(shortest).isGreaterThan(Duration.ofMinutes(80));
        assertThat(defaults.nominalSpan()).isGreaterThan(Duration.ofMinutes(100));
    }

    @Test
    void parksOnlyAfterTheLastAllowedAttempt() {
        assertThat(defaults.exhausted(14)).isFalse();
        assertThat(defaults.exhausted(15)).isTrue();
    }

    @Test
    void refusesASenselessSchedule() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
