package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.domain.Consolidation.Line;
import io.tributary.procurement.domain.Consolidation.Need;
import io.tributary.procurement.domain.Consolidation.Savings;
import io.tributary.procurement.domain.Consolidation.Share;
import io.tributary.procurement.domain.ReplenishmentDecision.Terms;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Consolidated quantities and their distribution plans, by hand and as properties. */
class ConsolidationUnitTests {

    static final Sku SKU = new Sku("SKU-1");

    static LocationCode dc(int i) {
        return new LocationCode(String.format("DC%02d", i));
    }

    static Map<String, Long> byLocation(List<Share> plan) {
        return plan.stream().collect(Collectors.toMap(s -> s.location().value(), Share::quantity));
    }

    static long sum(List<Share> plan) {
        return plan.stream().mapToLong(Share::quantity).sum();
    }

    /** What a location would buy by itself with these terms (the replenishment rounding). */
    static long own(long need, boolean pallets, Terms terms) {
        return need == 0 ? 0 : ReplenishmentDecision.round(need, pallets, terms, new ArrayList<>());
    }

    @Test
    void fortyTwoDistributionCentresSumIntoOneOrderAndComeBackOutWithNoCaseLostOrInvented() {
        // cases of 12, 10 cases a pallet (120 units), rounded to pallets
        Terms terms = new Terms(12, 0, 7, 10);
        List<Need> needs = new ArrayList<>();
        for (int i = 1; i <= 40; i++) {
            needs.add(new Need(dc(i), 30, own(30, true, terms)));
        }
        needs.add(new Need(dc(41), 50, own(50, true, terms)));
        needs.add(new Need(dc(42), 7, own(7, true, terms)));

        Line line = Consolidation.consolidate(SKU, needs, true, terms);

        // 40 × 30 + 50 + 7 = 1257; ⌈1257 / 12⌉ = 105 cases = 1260; ⌈1260 / 120⌉ = 11 pallets = 1320 = 110 cases
        assertThat(line.need()).isEqualTo(1257);
        assertThat(line.quantity()).isEqualTo(1320);
        assertThat(line.explanation()).contains("summed need 1257 of 42 locations", "whole cases of 12: 1260",
                "whole pallets of 120 (10 cases): 1320", "split as 110 cases of 12");
        // exact shares of 110 cases: 30 → 3300/1257 = 2 r 786; 50 → 5500/1257 = 4 r 472; 7 → 770/1257 = 0 r 770.
        // The floors hand out 40 × 2 + 4 + 0 = 84 cases; the 26 left go to the largest remainders, 786,
        // which the 40 thirty-unit DCs share: DC01 to DC26 in list order.
        Map<String, Long> plan = byLocation(line.plan());
        assertThat(line.plan()).hasSize(42);
        for (int i = 1; i <= 26; i++) {
            assertThat(plan.get(dc(i).value())).as("DC %d", i).isEqualTo(36);
        }
        for (int i = 27; i <= 40; i++) {
            assertThat(plan.get(dc(i).value())).as("DC %d", i).isEqualTo(24);
        }
        assertThat(plan.get("DC41")).isEqualTo(48);
        assertThat(plan.get("DC42")).isZero();
        // 26 × 36 + 14 × 24 + 48 + 0 = 936 + 336 + 48 = 1320: every case of the order is planned, none twice
        assertThat(sum(line.plan())).isEqualTo(line.quantity());

        // one order per DC: each rounds its own need to a full pallet of 120: 42 orders, 42 pallets, 5040 units
        Savings savings = Savings.of(List.of(line));
        assertThat(savings).isEqualTo(new Savings(42, 1, 42, 1, 42, 11, 5040, 1320));
    }

    @Test
    void withoutPalletsTheSummedNeedIsRoundedToCasesAndTheMinimumOnce() {
        Terms terms = new Terms(6, 24, 7, 0);
        List<Need> needs = List.of(new Need(dc(1), 5, own(5, false, terms)), new Need(dc(2), 10, own(10, false, terms)),
                new Need(dc(3), 0, 0), new Need(dc(4), 13, own(13, false, terms)));

        Line line = Consolidation.consolidate(SKU, needs, false, terms);

        // 5 + 10 + 13 = 28 ≥ MOQ 24; ⌈28 / 6⌉ = 5 cases = 30.
        // shares of 5 cases: 25/28 = 0 r 25, 50/28 = 1 r 22, 0, 65/28 = 2 r 9; 3 handed out, 2 left: DC1 (25), DC2 (22)
        assertThat(line.quantity()).isEqualTo(30);
        assertThat(byLocation(line.plan())).containsExactlyInAnyOrderEntriesOf(Map.of("DC01", 6L, "DC02", 12L, "DC03", 0L, "DC04", 12L));
        // alone each is raised to the MOQ 24: 3 × 24 = 72 units; no pallet size, so no pallets counted
        assertThat(Savings.of(List.of(line))).isEqualTo(new Savings(3, 1, 3, 1, 0, 0, 72, 30));
    }

    @Test
    void equalRemaindersGoToTheLargerNeedThenToTheEarlierLocation() {
        // 4 cases over needs 3, 1, 1, 3 (total 8): exact 1.5, 0.5, 0.5, 1.5; floors 1, 0, 0, 1; 2 left, remainders all equal:
        // the larger needs first, DC1 before DC4
        List<Share> plan = Consolidation.split(4, 1, List.of(new Need(dc(1), 3, 0), new Need(dc(2), 1, 0), new Need(dc(3), 1, 0),
                new Need(dc(4), 3, 0)));
        assertThat(plan).extracting(Share::quantity).containsExactly(2L, 0L, 0L, 2L);
        // one case left among equals goes to the first listed
        assertThat(Consolidation.split(1, 1, List.of(new Need(dc(1), 2, 0), new Need(dc(2), 2, 0))))
                .extracting(Share::quantity).containsExactly(1L, 0L);
    }

    @Test
    void nothingNeededOrdersNothing() {
        Line line = Consolidation.consolidate(SKU, List.of(new Need(dc(1), 0, 0), new Need(dc(2), 0, 0)), true, new Terms(6, 12, 7, 10));
        assertThat(line.orders()).isFalse();
        assertThat(line.plan()).isEmpty();
        assertThat(Savings.of(List.of(line))).isEqualTo(new Savings(0, 0, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aLocationListedTwiceIsRefused() {
        assertThatThrownBy(() -> Consolidation.split(12, 6, List.of(new Need(dc(1), 1, 0), new Need(dc(1), 2, 0))))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aShortArrivalIsRebalancedOnTodaysNeedsInWholeCasesNeverMoreThanArrived() {
        List<Share> planned = List.of(new Share(dc(1), 30, 36), new Share(dc(2), 10, 12), new Share(dc(3), 20, 24));
        // 62 units arrive: 10 whole cases of 6 (2 loose units stay at the centre); needs now 0, 40, 20:
        // exact 0, 6.67, 3.33 → floors 0, 6, 3, the one left to DC2 (remainder 40 of 60 against 20)
        List<Share> now = Consolidation.rebalance(62, 6, planned, List.of(new Need(dc(1), 0, 0), new Need(dc(2), 40, 0),
                new Need(dc(3), 20, 0)));
        assertThat(now).extracting(Share::quantity).containsExactly(0L, 42L, 18L);
        assertThat(sum(now)).isEqualTo(60);
    }

    @Test
    void whenNoOneNeedsAnythingAtReceiptThePlanItselfIsTheWeight() {
        List<Share> planned = List.of(new Share(dc(1), 30, 36), new Share(dc(2), 10, 12), new Share(dc(3), 20, 24));
        // 72 units = 12 cases by planned 36 : 12 : 24 (72): exactly 6, 2, 4 cases
        List<Share> now = Consolidation.rebalance(72, 6, planned, List.of(new Need(dc(1), 0, 0), new Need(dc(2), 0, 0),
                new Need(dc(3), 0, 0)));
        assertThat(now).extracting(Share::quantity).containsExactly(36L, 12L, 24L);
        assertThat(now).extracting(Share::need).containsExactly(30L, 10L, 20L);
    }

    @Property
    void theOrderCoversTheSummedNeedAndThePlanHandsOutExactlyItInWholeCases(
            @ForAll @Size(min = 1, max = 50) List<@LongRange(min = 0, max = 500) Long> amounts,
            @ForAll @IntRange(min = 1, max = 24) int casePack, @ForAll @IntRange(min = 0, max = 120) int moq,
            @ForAll @IntRange(min = 0, max = 12) int casesPerPallet, @ForAll boolean pallets) {
        Terms terms = new Terms(casePack, moq, 7, casesPerPallet);
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            needs.add(new Need(dc(i), amounts.get(i), own(amounts.get(i), pallets, terms)));
        }
        Line line = Consolidation.consolidate(SKU, needs, pallets, terms);
        long total = amounts.stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            assertThat(line.quantity()).isZero();
            return;
        }
        assertThat(line.quantity()).isGreaterThanOrEqualTo(Math.max(total, moq));
        assertThat(line.quantity() % casePack).isZero();
        assertThat(sum(line.plan())).isEqualTo(line.quantity());
        List<Share> plan = line.plan();
        for (int i = 0; i < plan.size(); i++) {
            Share s = plan.get(i);
            assertThat(s.quantity() % casePack).isZero();
            // |share − quantity × need / total| < one case, compared in whole numbers
            assertThat(Math.abs(s.quantity() * total - line.quantity() * s.need())).isLessThan((long) casePack * total);
            for (Share other : plan) {
                if (s.need() > other.need()) {
                    assertThat(s.quantity()).isGreaterThanOrEqualTo(other.quantity());
                }
            }
        }
        assertThat(Savings.of(List.of(line)).units()).isLessThanOrEqualTo(Savings.of(List.of(line)).separateUnits());
    }

    @Property
    void anyArrivalIsSplitIntoItsWholeCasesAndNoMore(@ForAll @Size(min = 1, max = 42) List<@LongRange(min = 0, max = 1000) Long> amounts,
                                                     @ForAll @LongRange(min = 0, max = 100_000) long arrived,
                                                     @ForAll @IntRange(min = 1, max = 48) int casePack) {
        List<Need> needs = new ArrayList<>();
        for (int i = 0; i < amounts.size(); i++) {
            needs.add(new Need(dc(i), amounts.get(i), 0));
        }
        long planned = sum(Consolidation.split(arrived, casePack, needs));
        if (amounts.stream().allMatch(a -> a == 0)) {
            assertThat(planned).isZero();
        } else {
            assertThat(planned).isLessThanOrEqualTo(arrived).isEqualTo(arrived / casePack * casePack);
        }
    }
}
