package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.procurement.domain.Acknowledgement.Confirmed;
import io.tributary.procurement.domain.Acknowledgement.Ordered;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AcknowledgementUnitTests {

    static final LocalDate JUNE_10 = LocalDate.of(2026, 6, 10);
    final List<Ordered> ordered = List.of(new Ordered(1, 100, JUNE_10), new Ordered(2, 40, JUNE_10));

    @Test
    void anAcknowledgementAsOrderedOrSilentOnALineChangesNothing() {
        assertThat(Acknowledgement.changes(ordered, Map.of())).isEmpty();
        assertThat(Acknowledgement.changes(ordered, Map.of(1, new Confirmed(100L, JUNE_10), 2, new Confirmed(null, null)))).isEmpty();
    }

    @Test
    void anotherQuantityOrAnotherDateInEitherDirectionIsAChange() {
        var changes = Acknowledgement.changes(ordered, Map.of(1, new Confirmed(80L, null), 2, new Confirmed(null, JUNE_10.minusDays(1))));
        assertThat(changes).hasSize(2);
        assertThat(changes.get(0).quantityChanged()).isTrue();
        assertThat(changes.get(0).dateChanged()).isFalse();
        assertThat(changes.get(0).confirmedQuantity()).isEqualTo(80);
        assertThat(changes.get(1).quantityChanged()).isFalse();
        assertThat(changes.get(1).dateChanged()).isTrue();
        assertThat(changes.get(1).promisedDate()).isEqualTo(LocalDate.of(2026, 6, 9));
    }

    @Test
    void theTotalIsRoundedOnceToTheCurrency() {
        // 3 x 3.3333 = 9.9999 and 1 x 0.0049: 10.0048 -> 10.00 EUR; 10 JPY stays whole
        var amounts = List.of(OrderAmounts.lineAmount(3, new BigDecimal("3.3333")), OrderAmounts.lineAmount(1, new BigDecimal("0.0049")));
        assertThat(OrderAmounts.total(amounts, Currency.getInstance("EUR"))).isEqualByComparingTo("10.00").hasScaleOf(2);
        assertThat(OrderAmounts.total(List.of(new BigDecimal("1234.5")), Currency.getInstance("JPY"))).isEqualTo(new BigDecimal("1235"));
    }
}
