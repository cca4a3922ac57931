package io.tributary.inventory.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.inventory.persistence.LedgerQueries.StockGrid;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class StockGridUnitTests {

    @Test
    void readsPositionsAndSignedUnitsIntoTheItemsRow() {
        StockGrid grid = new StockGrid(2, 3);
        grid.fill(1, "3:-7,1:1000000000000");

        assertThat(grid.net(1, 0)).isEqualTo(1_000_000_000_000L);
        assertThat(grid.net(1, 1)).isZero();
        assertThat(grid.net(1, 2)).isEqualTo(-7);
        assertThat(grid.net(0, 0)).isZero();
    }

    @Test
    void readsSyncTimesInMicrosecondsForItemMinusOne() {
        StockGrid grid = new StockGrid(1, 2);
        grid.fill(-1, "2:1795569607123456");

        assertThat(grid.synced(0)).isNull();
        assertThat(grid.synced(1)).isEqualTo(Instant.parse("2026-11-25T01:20:07.123456Z"));
    }
}
