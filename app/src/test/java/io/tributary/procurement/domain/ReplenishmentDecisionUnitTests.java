package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.ReplenishmentMethod;
import io.tributary.procurement.ReplenishmentPolicy;
import io.tributary.procurement.domain.ReplenishmentDecision.Position;
import io.tributary.procurement.domain.ReplenishmentDecision.Terms;
import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each policy against cases worked out by hand. */
class ReplenishmentDecisionUnitTests {

    static ReplenishmentPolicy policy(ReplenishmentMethod method, Long reorderPoint, Long orderUpTo, Long min, Long max,
                                      Integer daysOfCover, String serviceLevel, String leadTimeDeviation, boolean pallets) {
        return new ReplenishmentPolicy(new Sku("SKU-1"), new LocationCode("DC-1"), method, reorderPoint, orderUpTo, min, max, daysOfCover,
                serviceLevel == null ? null : new BigDecimal(serviceLevel), leadTimeDeviation == null ? null : new BigDecimal(leadTimeDeviation),
                null, null, BigDecimal.ONE, pallets, 1, Instant.EPOCH, "planner");
    }

    static ReplenishmentPolicy reorderPoint(long reorderPoint, long orderUpTo) {
        return policy(ReplenishmentMethod.REORDER_POINT, reorderPoint, orderUpTo, null, null, null, null, null, false);
    }

    static Position onHand(long onHand) {
        return new Position(onHand, 0, 0, 0, 0);
    }

    static final Terms CASES_OF_12_MOQ_24 = new Terms(12, 24, 7, 0);
    static final Terms SINGLE_UNITS = new Terms(1, 0, 7, 0);

    @Test
    void projectedAvailableCountsOnOrderAndInTransitAgainstReservedAndBackordered() {
        // 30 + 10 + 5 - 12 - 3 = 30
        assertThat(new Position(30, 10, 5, 12, 3).projected()).isEqualTo(30);
    }

    @Test
    void reorderPointOrdersUpToTheLevelOnceAtOrBelowThePoint() {
        // projected 30 + 10 + 5 - 12 - 3 = 30 > 20: nothing
        ReplenishmentDecision above = ReplenishmentDecision.decide(reorderPoint(20, 100), new Position(30, 10, 5, 12, 3), DemandSignal.NONE,
                CASES_OF_12_MOQ_24);
        assertThat(above.proposes()).isFalse();
        assertThat(above.explanation()).contains("projected available 30", "above reorder point 20");

        // projected 15 + 10 + 5 - 12 - 3 = 15 ≤ 20: 100 - 15 = 85, 8 cases of 12 = 96
        ReplenishmentDecision below = ReplenishmentDecision.decide(reorderPoint(20, 100), new Position(15, 10, 5, 12, 3), DemandSignal.NONE,
                CASES_OF_12_MOQ_24);
        assertThat(below.projected()).isEqualTo(15);
        assertThat(below.need()).isEqualTo(85);
        assertThat(below.quantity()).isEqualTo(96);
        assertThat(below.explanation()).contains("order up to 100 needs 85", "whole cases of 12: 96", "propose 96");

        // exactly at the point: 100 - 20 = 80, 7 cases = 84
        assertThat(ReplenishmentDecision.decide(reorderPoint(20, 100), onHand(20), DemandSignal.NONE, CASES_OF_12_MOQ_24).quantity())
                .isEqualTo(84);
    }

    @Test
    void aReorderPointLeftOpenIsLeadTimeDemandPlusSafetyStock() {
        // d 10/day, σd 2, LT 9, σLT 0, 0.95: LT demand 90, SS ⌈1.644854 × √36⌉ = ⌈9.87⌉ = 10, point 100
        ReplenishmentPolicy p = policy(ReplenishmentMethod.REORDER_POINT, null, 200L, null, null, null, "0.95", null, false);
        Terms terms = new Terms(1, 0, 9, 0);
        ReplenishmentDecision at = ReplenishmentDecision.decide(p, onHand(100), new DemandSignal(10, 2, 90), terms);
        assertThat(at.safetyStock()).isEqualTo(10);
        assertThat(at.quantity()).isEqualTo(100);
        assertThat(at.explanation()).contains("reorder point 100 = lead-time demand 90 + safety stock 10");
        assertThat(ReplenishmentDecision.decide(p, onHand(101), new DemandSignal(10, 2, 90), terms).proposes()).isFalse();
    }

    @Test
    void minMaxOrdersUpToMaxOnlyBelowMin() {
        ReplenishmentPolicy p = policy(ReplenishmentMethod.MIN_MAX, null, null, 10L, 50L, null, null, null, false);
        Terms cases6 = new Terms(6, 0, 3, 0);
        assertThat(ReplenishmentDecision.decide(p, onHand(10), DemandSignal.NONE, cases6).proposes()).isFalse();
        // 50 - 9 = 41, 7 cases of 6 = 42
        ReplenishmentDecision d = ReplenishmentDecision.decide(p, onHand(9), DemandSignal.NONE, cases6);
        assertThat(d.need()).isEqualTo(41);
        assertThat(d.quantity()).isEqualTo(42);
        assertThat(d.explanation()).contains("below min 10: up to max 50 needs 41");
    }

    @Test
    void daysOfCoverKeepsWeightedDemandForTheDaysPlusSafetyStock() {
        // SS ⌈1.644854 × √(9 × 2² + 10² × 0.5²)⌉ = ⌈12.85⌉ = 13; cover 14 × 10 = 140; target 153
        // projected 60: need 93; MOQ 50 → 93; cases of 10 → 100
        ReplenishmentPolicy p = policy(ReplenishmentMethod.DAYS_OF_COVER, null, null, null, null, 14, "0.95", "0.5", false);
        Terms terms = new Terms(10, 50, 9, 4);
        ReplenishmentDecision d = ReplenishmentDecision.decide(p, onHand(60), new DemandSignal(10, 2, 90), terms);
        assertThat(d.safetyStock()).isEqualTo(13);
        assertThat(d.need()).isEqualTo(93);
        assertThat(d.quantity()).isEqualTo(100);
        assertThat(d.explanation()).contains("safety stock 13", "target 153", "needs 93", "propose 100");

        // with full pallets of 4 cases × 10 = 40 units: 100 → 120
        ReplenishmentPolicy palleted = policy(ReplenishmentMethod.DAYS_OF_COVER, null, null, null, null, 14, "0.95", "0.5", true);
        ReplenishmentDecision p2 = ReplenishmentDecision.decide(palleted, onHand(60), new DemandSignal(10, 2, 90), terms);
        assertThat(p2.quantity()).isEqualTo(120);
        assertThat(p2.explanation()).contains("whole pallets of 40 (4 cases): 120");

        assertThat(ReplenishmentDecision.decide(p, onHand(153), new DemandSignal(10, 2, 90), terms).proposes()).isFalse();
    }

    @Test
    void makeToOrderBuysTheBackorderedUnitsNotAlreadyComing() {
        ReplenishmentPolicy p = policy(ReplenishmentMethod.MAKE_TO_ORDER, null, null, null, null, null, null, null, false);
        // backordered 7 - on order 2 = 5, whatever else is on hand
        ReplenishmentDecision d = ReplenishmentDecision.decide(p, new Position(3, 2, 0, 3, 7), DemandSignal.NONE, SINGLE_UNITS);
        assertThat(d.quantity()).isEqualTo(5);
        assertThat(ReplenishmentDecision.decide(p, new Position(0, 7, 0, 0, 7), DemandSignal.NONE, SINGLE_UNITS).proposes()).isFalse();
    }

    @Test
    void noneNeverProposes() {
        ReplenishmentPolicy p = policy(ReplenishmentMethod.NONE, null, null, null, null, null, "0.99", null, true);
        ReplenishmentDecision d = ReplenishmentDecision.decide(p, new Position(0, 0, 0, 50, 50), new DemandSignal(100, 10, 90), SINGLE_UNITS);
        assertThat(d.proposes()).isFalse();
        assertThat(d.explanation()).contains("policy NONE");
    }

    @Test
    void aSmallNeedIsRaisedToTheMinimumOrderQuantityThenToWholeCases() {
        // 100 - 95 = 5 → MOQ 24 → already 2 cases of 12 → 24; with MOQ 25 → 36
        assertThat(ReplenishmentDecision.decide(reorderPoint(95, 100), onHand(95), DemandSignal.NONE, CASES_OF_12_MOQ_24).quantity())
                .isEqualTo(24);
        ReplenishmentDecision odd = ReplenishmentDecision.decide(reorderPoint(95, 100), onHand(95), DemandSignal.NONE, new Terms(12, 25, 7, 0));
        assertThat(odd.quantity()).isEqualTo(36);
        assertThat(odd.explanation()).contains("minimum order quantity 25", "whole cases of 12: 36");
    }

    @Test
    void palletRoundingWithoutAPalletSizeKeepsCasesAndSaysSo() {
        ReplenishmentPolicy p = policy(ReplenishmentMethod.MIN_MAX, null, null, 10L, 50L, null, null, null, true);
        ReplenishmentDecision d = ReplenishmentDecision.decide(p, onHand(0), DemandSignal.NONE, new Terms(6, 0, 3, 0));
        assertThat(d.quantity()).isEqualTo(54);
        assertThat(d.explanation()).contains("no pallet size");
    }
}
