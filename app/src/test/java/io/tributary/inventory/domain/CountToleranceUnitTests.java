package io.tributary.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.inventory.ReservationStatus;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CountToleranceUnitTests {

    @Test
    void varianceWithinThePercentageOfTheBookFigurePasses() {
        assertThat(CountTolerance.within(100, 105, new BigDecimal("5"))).isTrue();
        assertThat(CountTolerance.within(100, 94, new BigDecimal("5"))).isFalse();
        assertThat(CountTolerance.within(3, 3, BigDecimal.ZERO)).isTrue();
        assertThat(CountTolerance.within(1000, 1001, new BigDecimal("0.1"))).isTrue();
        assertThat(CountTolerance.within(1000, 1002, new BigDecimal("0.1"))).isFalse();
    }

    @Test
    void anyVarianceAgainstZeroBookStockNeedsApproval() {
        assertThat(CountTolerance.within(0, 1, new BigDecimal("100"))).isFalse();
        assertThat(CountTolerance.within(0, 0, BigDecimal.ZERO)).isTrue();
    }

    @Test
    void percentIsSignedAndNullForZeroBookStock() {
        assertThat(CountTolerance.percent(200, 190)).isEqualByComparingTo("-5");
        assertThat(CountTolerance.percent(0, 5)).isNull();
    }

    @Test
    void onlyActiveReservationsMove() {
        assertThat(ReservationStatus.ACTIVE.canBecome(ReservationStatus.RELEASED)).isTrue();
        assertThat(ReservationStatus.ACTIVE.canBecome(ReservationStatus.FULFILLED)).isTrue();
        assertThat(ReservationStatus.ACTIVE.canBecome(ReservationStatus.EXPIRED)).isTrue();
        for (ReservationStatus done : new ReservationStatus[] {ReservationStatus.RELEASED, ReservationStatus.EXPIRED, ReservationStatus.FULFILLED}) {
            for (ReservationStatus any : ReservationStatus.values()) {
                assertThat(done.canBecome(any)).isFalse();
            }
        }
    }
}
