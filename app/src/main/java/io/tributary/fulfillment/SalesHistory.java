package io.tributary.fulfillment;

import io.tributary.catalog.Sku;
import io.tributary.fulfillment.persistence.JdbcSales;
import io.tributary.network.LocationCode;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * What a location sold of an item, day by day: the demand the location's stock served. A day's units
 * are those shipped (or collected) at the location that day, plus those still held there for orders
 * placed that day and not yet gone. Units an order holds nowhere yet (backordered, with no node
 * chosen) belong to no location and are not counted. Days are UTC days; the window ends today.
 */
@Service
public class SalesHistory {

    /** The longest history one call reads. */
    public static final int MAX_DAYS = 366;

    private final JdbcSales store;
    private final Clock clock;

    SalesHistory(JdbcSales store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /**
     * The daily units of {@code days} days, {@code from} the oldest to {@code to} (today), each array
     * oldest first; a day without sales is 0.
     */
    public record Daily(Sku sku, LocationCode location, LocalDate from, LocalDate to, long[] shipped, long[] open) {

        /** Shipped plus open units per day, oldest first. */
        public long[] units() {
            long[] u = new long[shipped.length];
            Arrays.setAll(u, i -> shipped[i] + open[i]);
            return u;
        }

        public long totalShipped() {
            return Arrays.stream(shipped).sum();
        }

        public long totalOpen() {
            return Arrays.stream(open).sum();
        }
    }

    /** The last {@code days} days (1 to {@link #MAX_DAYS}) of an item's sales at a location, today included. */
    public Daily daily(Sku sku, LocationCode location, int days) {
        if (days < 1 || days > MAX_DAYS) {
            throw new ValidationFailed("days", "must be between 1 and " + MAX_DAYS);
        }
        LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate from = to.minusDays(days - 1L);
        var start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
        var end = to.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return new Daily(sku, location, from, to,
                spread(store.shipped(sku.value(), location.value(), start, end), from, days),
                spread(store.open(sku.value(), location.value(), start, end), from, days));
    }

    private static long[] spread(Map<LocalDate, Long> byDay, LocalDate from, int days) {
        long[] units = new long[days];
        byDay.forEach((day, n) -> units[(int) (day.toEpochDay() - from.toEpochDay())] += n);
        return units;
    }
}
