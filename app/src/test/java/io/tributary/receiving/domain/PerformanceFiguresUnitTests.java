package io.tributary.receiving.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Sku;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierDelivery;
import io.tributary.receiving.SupplierPerformance;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PerformanceFiguresUnitTests {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    static final Instant SENT = DAY.atTime(9, 0).toInstant(ZoneOffset.UTC);

    static Instant on(int dayOffset) {
        return DAY.plusDays(dayOffset).atTime(15, 0).toInstant(ZoneOffset.UTC);
    }

    static SupplierDelivery line(long ordered, Long confirmed, Integer promisedOffset, SupplierDelivery.Receipt... receipts) {
        return new SupplierDelivery(UUID.randomUUID(), "PO-1", 1, new Sku("SKU-1"), ordered, confirmed, DAY.plusDays(5),
                promisedOffset == null ? null : DAY.plusDays(promisedOffset), SENT, List.of(receipts));
    }

    static SupplierPerformance figures(List<SupplierDelivery> lines, int receipts, int withDiscrepancies) {
        return PerformanceFigures.of(new SupplierCode("S"), 30, DAY, DAY.plusDays(29), lines, receipts, withDiscrepancies, ZoneOffset.UTC);
    }

    @Test
    void aLineIsOnTimeWhenTheReceiptThatCompletesItArrivesByThePromisedDate() {
        SupplierPerformance p = figures(List.of(
                // completed on day 3 by its second receipt, promised day 3: on time, lead time 3
                line(10, 10L, 3, new SupplierDelivery.Receipt(4, on(1)), new SupplierDelivery.Receipt(6, on(3))),
                // completed on day 8, promised day 6: late, lead time 8
                line(10, 10L, 6, new SupplierDelivery.Receipt(10, on(8))),
                // confirmed 6 of 10, completed on day 2: on time, lead time 2, fill 6 of 10
                line(10, 6L, 4, new SupplierDelivery.Receipt(6, on(2))),
                // never acknowledged: not in the on-time rate, open so no lead time
                line(5, null, null, new SupplierDelivery.Receipt(1, on(2))),
                // confirmed 0: nothing owed, left out of on-time and lead time
                line(5, 0L, 4)), 4, 1);

        assertThat(p.onTime()).isEqualTo(new SupplierPerformance.OnTime(3, 2, new java.math.BigDecimal("0.6667")));
        // lead times 3, 8, 2: mean 13/3 = 4.33, variance ((9-13)^2 + (24-13)^2 + (6-13)^2) / 27 = 186/27 = 6.89
        assertThat(p.leadTime().lines()).isEqualTo(3);
        assertThat(p.leadTime().meanDays()).isEqualByComparingTo("4.33");
        assertThat(p.leadTime().varianceDays()).isEqualByComparingTo("6.89");
        // fill: (10 + 10 + 6 + 1 + 0) of (10 + 10 + 10 + 5 + 5)
        assertThat(p.fillRate().ordered()).isEqualTo(40);
        assertThat(p.fillRate().received()).isEqualTo(27);
        assertThat(p.fillRate().rate()).isEqualByComparingTo("0.675");
        assertThat(p.discrepancies().rate()).isEqualByComparingTo("0.25");
    }

    @Test
    void overDeliveryDoesNotRaiseTheFillRateAboveWhatWasOrdered() {
        SupplierPerformance p = figures(List.of(line(10, 10L, 3, new SupplierDelivery.Receipt(15, on(1))),
                line(10, 10L, 3, new SupplierDelivery.Receipt(5, on(1)))), 0, 0);
        assertThat(p.fillRate().received()).isEqualTo(15);
        assertThat(p.fillRate().rate()).isEqualByComparingTo("0.75");
        assertThat(p.discrepancies().rate()).isNull();
    }

    @Test
    void nothingToMeasureGivesNoFigures() {
        SupplierPerformance p = figures(List.of(), 0, 0);
        assertThat(p.onTime().rate()).isNull();
        assertThat(p.leadTime().meanDays()).isNull();
        assertThat(p.leadTime().varianceDays()).isNull();
        assertThat(p.fillRate().rate()).isNull();
    }
}
