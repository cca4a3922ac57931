package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The inverse normal, the weighted demand signal and the safety stock formula against values worked out by hand. */
class ReplenishmentMathUnitTests {

    @Test
    void theInverseNormalMatchesTabulatedQuantilesInTheCentreAndBothTails() {
        assertThat(InverseNormal.quantile(0.5)).isCloseTo(0.0, within(1e-9));
        assertThat(InverseNormal.quantile(0.95)).isCloseTo(1.6449, within(1e-4));
        assertThat(InverseNormal.quantile(0.99)).isCloseTo(2.3263, within(1e-4));
        assertThat(InverseNormal.quantile(0.975)).isCloseTo(1.959964, within(1e-6));
        assertThat(InverseNormal.quantile(0.999)).isCloseTo(3.090232, within(1e-6));
        assertThat(InverseNormal.quantile(0.01)).isCloseTo(-2.326348, within(1e-6));
        assertThat(InverseNormal.quantile(0.001)).isCloseTo(-3.090232, within(1e-6));
    }

    @Test
    void aSparseFourWeekHistoryWeighsItsLastDaysMost() {
        // 28 days, weights 1..28 (Σ 406); 4 units on day 25, 6 on day 28:
        // mean (25 × 4 + 28 × 6) / 406 = 268 / 406 = 0.660099;
        // variance (25 × 4² + 28 × 6²) / 406 − 0.660099² = 3.467980 − 0.435731 = 3.032249, σ = 1.741336
        long[] days = new long[28];
        days[24] = 4;
        days[27] = 6;
        DemandSignal d = DemandSignal.weighted(days);
        assertThat(d.rate()).isCloseTo(0.660099, within(1e-6));
        assertThat(d.deviation()).isCloseTo(1.741336, within(1e-6));
        assertThat(d.days()).isEqualTo(28);
    }

    @Test
    void theInverseNormalRefusesProbabilitiesOutsideTheOpenInterval() {
        assertThatThrownBy(() -> InverseNormal.quantile(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InverseNormal.quantile(1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InverseNormal.quantile(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void demandWeighsRecentDaysLinearly() {
        // weights 1, 2, 3: mean (2 + 8 + 18) / 6 = 4.6667;
        // variance (1 × 2.6667² + 2 × 0.6667² + 3 × 1.3333²) / 6 = 13.3333 / 6 = 2.2222, σ = 1.4907
        DemandSignal d = DemandSignal.weighted(new long[] {2, 4, 6});
        assertThat(d.rate()).isCloseTo(4.6667, within(1e-4));
        assertThat(d.deviation()).isCloseTo(1.4907, within(1e-4));
        assertThat(d.days()).isEqualTo(3);
    }

    @Test
    void steadyDemandHasNoDeviationAndNoHistoryIsNoDemand() {
        DemandSignal d = DemandSignal.weighted(new long[] {4, 4, 4, 4});
        assertThat(d.rate()).isCloseTo(4.0, within(1e-12));
        assertThat(d.deviation()).isCloseTo(0.0, within(1e-12));
        assertThat(DemandSignal.weighted(new long[0])).isEqualTo(DemandSignal.NONE);
    }

    @Test
    void safetyStockCombinesDemandAndLeadTimeVariability() {
        // LT 9 × σd² 4 = 36; d² 100 × σLT² 0.25 = 25; √61 = 7.8102; × 1.644854 = 12.8467 → 13 units
        double exact = SafetyStock.exact(SafetyStock.z(0.95), 9, new DemandSignal(10, 2, 90), 0.5);
        assertThat(exact).isCloseTo(12.8467, within(1e-4));
        assertThat(SafetyStock.units(exact)).isEqualTo(13);
        // only demand variability: √(4 × 9) = 6; × 2.326348 = 13.9581 → 14
        double demandOnly = SafetyStock.exact(SafetyStock.z(0.99), 4, new DemandSignal(10, 3, 90), 0);
        assertThat(demandOnly).isCloseTo(13.9581, within(1e-4));
        assertThat(SafetyStock.units(demandOnly)).isEqualTo(14);
    }

    @Test
    void aServiceLevelOfOneHalfOrLessHoldsNoSafetyStock() {
        assertThat(SafetyStock.exact(SafetyStock.z(0.5), 9, new DemandSignal(10, 2, 90), 1)).isZero();
        assertThat(SafetyStock.exact(SafetyStock.z(0.3), 9, new DemandSignal(10, 2, 90), 1)).isZero();
    }
}
