package io.tributary.fulfillment;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SalesHistoryUnitTests {

    @Test
    void aDaysUnitsAreItsShippedPlusItsOpenUnits() {
        SalesHistory.Daily d = new SalesHistory.Daily(new Sku("SKU-1"), new LocationCode("DC-1"), LocalDate.of(2026, 1, 1),
                LocalDate.of(2026, 1, 4), new long[] {0, 3, 0, 6}, new long[] {1, 0, 0, 4});
        assertThat(d.units()).containsExactly(1, 3, 0, 10);
        assertThat(d.totalShipped()).isEqualTo(9);
        assertThat(d.totalOpen()).isEqualTo(5);
    }
}
