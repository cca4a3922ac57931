package io.tributary.fulfillment.persistence;

import io.tributary.fulfillment.FulfillmentStatus;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for the units a location sold: shipped by the day they left, open by the day they were ordered (UTC days). */
@Repository
public class JdbcSales {

    private static final String[] HOLDING = Arrays.stream(FulfillmentStatus.values()).filter(FulfillmentStatus::holdsStock)
            .map(Enum::name).toArray(String[]::new);

    private final JdbcClient jdbc;

    JdbcSales(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Units of a SKU that left the location (shipped or collected) in [from, to), by UTC day. */
    public Map<LocalDate, Long> shipped(String sku, String location, Instant from, Instant to) {
        return byDay("""
                select (f.shipped_at at time zone 'UTC')::date as day, sum(l.quantity) as units
                from fulfillment f join fulfillment_line l on l.fulfillment_id = f.id
                where f.location = :location and l.sku = :sku and f.shipped_at >= :from and f.shipped_at < :to
                group by 1""", sku, location, from, to);
    }

    /** Units of a SKU still held for orders at the location (not yet shipped or collected), by the UTC day the order was placed. */
    public Map<LocalDate, Long> open(String sku, String location, Instant from, Instant to) {
        return byDay("""
                select (f.order_placed_at at time zone 'UTC')::date as day, sum(l.quantity) as units
                from fulfillment f join fulfillment_line l on l.fulfillment_id = f.id
                where f.location = :location and l.sku = :sku and f.order_placed_at >= :from and f.order_placed_at < :to
                  and f.status = any(:holding)
                group by 1""", sku, location, from, to);
    }

    private Map<LocalDate, Long> byDay(String sql, String sku, String location, Instant from, Instant to) {
        Map<LocalDate, Long> units = new HashMap<>();
        jdbc.sql(sql).param("sku", sku).param("location", location).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
                .param("holding", HOLDING)
                .query(rs -> {
                    units.put(rs.getObject("day", LocalDate.class), rs.getLong("units"));
                });
        return units;
    }
}
