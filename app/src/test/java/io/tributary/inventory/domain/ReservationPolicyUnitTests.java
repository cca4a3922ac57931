package io.tributary.inventory.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.inventory.InsufficientStock.Shortfall;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class ReservationPolicyUnitTests {

    static final StockKey A = new StockKey(UUID.fromString("00000000-0000-7000-8000-000000000001"), UUID.fromString("00000000-0000-7000-8000-0000000000aa"));
    static final StockKey B = new StockKey(UUID.fromString("00000000-0000-7000-8000-000000000002"), UUID.fromString("00000000-0000-7000-8000-0000000000aa"));

    static ReservationRequest.Row row(int line, StockKey key, long q, boolean backorder) {
        return new ReservationRequest.Row(line, 0, key, "S" + key.item().toString().substring(35), "L", q, null, null, 1, backorder);
    }

    static ReservationRequest.Row kitRow(int line, int component, StockKey key, long kits, long perKit) {
        return new ReservationRequest.Row(line, component, key, "C", "L", kits * perKit, "KIT", kits, perKit, false);
    }

    @Test
    void acceptsWhatFitsAndCountsItAgainstLaterRequests() {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, 5, 0, 0, 0, 0)));
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 3, false))))).isEmpty();
        List<Shortfall> refused = policy.decide(new ReservationRequest(List.of(row(0, A, 3, false))));
        assertThat(refused).singleElement().satisfies(s -> {
            assertThat(s.requested()).isEqualTo(3);
            assertThat(s.available()).isEqualTo(2);
        });
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 2, false))))).isEmpty();
        assertThat(policy.reservedDelta()).containsEntry(A, 5L);
    }

    @Test
    void twoLinesOnTheSameStockAreCheckedAgainstTheirSum() {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, 5, 0, 0, 0, 0)));
        List<Shortfall> refused = policy.decide(new ReservationRequest(List.of(row(0, A, 5, false), row(1, A, 5, false))));
        assertThat(refused).isNotEmpty();
        assertThat(policy.reservedDelta()).isEmpty();
    }

    @Test
    void aKitAndItsComponentInOneRequestAreCheckedTogether() {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, 5, 0, 0, 0, 0), B, new BalanceRow(B, 10, 0, 0, 0, 0)));
        // kit = 1 x A + 2 x B; 3 kits need 3 A, plus 3 more A on a plain line: 6 > 5
        List<Shortfall> refused = policy.decide(new ReservationRequest(List.of(kitRow(0, 0, A, 3, 1), kitRow(0, 1, B, 3, 2),
                row(1, A, 3, false))));
        assertThat(refused).extracting(Shortfall::line).contains(0, 1);
        assertThat(refused.stream().filter(s -> s.line() == 0).findFirst().orElseThrow().sku()).isEqualTo("KIT");
    }

    @Test
    void allLinesOrNone() {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, 5, 0, 0, 0, 0), B, new BalanceRow(B, 1, 0, 0, 0, 0)));
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 2, false), row(1, B, 2, false))))).hasSize(1);
        assertThat(policy.reservedDelta()).isEmpty();
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 5, false))))).isEmpty();
    }

    @Test
    void backorderLinesMayGoBelowZeroButOthersMayNot() {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, 2, 0, 0, 0, 0)));
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 5, true))))).isEmpty();
        assertThat(policy.decide(new ReservationRequest(List.of(row(0, A, 1, false))))).hasSize(1);
        assertThat(policy.reservedDelta()).containsEntry(A, 5L);
    }

    @Property
    void neverReservesMoreThanIsAvailable(@ForAll @IntRange(min = 0, max = 50) int onHand,
                                          @ForAll @Size(max = 40) List<@IntRange(min = 1, max = 7) Integer> requests) {
        ReservationPolicy policy = new ReservationPolicy(Map.of(A, new BalanceRow(A, onHand, 0, 0, 0, 0)));
        long accepted = 0;
        List<Integer> refusedSizes = new ArrayList<>();
        for (int q : requests) {
            if (policy.decide(new ReservationRequest(List.of(row(0, A, q, false)))).isEmpty()) {
                accepted += q;
            } else {
                refusedSizes.add(q);
                assertThat((long) q).isGreaterThan(onHand - accepted);
            }
        }
        assertThat(accepted).isLessThanOrEqualTo(onHand);
        assertThat(policy.reservedDelta().getOrDefault(A, 0L)).isEqualTo(accepted);
    }
}
