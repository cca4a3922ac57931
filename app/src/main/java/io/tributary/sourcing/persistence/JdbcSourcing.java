package io.tributary.sourcing.persistence;

import io.tributary.sourcing.BackorderPolicy;
import io.tributary.sourcing.SourcingRules;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the sourcing module: rules per channel, node load per day, stored routing decisions. */
@Repository
public class JdbcSourcing {

    private final JdbcClient jdbc;

    JdbcSourcing(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<SourcingRules> rules(String channel) {
        return jdbc.sql("""
                select shipment_cost, cost_per_km, split_penalty, never_split, prefer_stores_same_day, store_preference,
                       store_reserve_units, backorder_policy, same_day_max_km, standard_days, domestic_km, international_km
                from sourcing_rule where channel = :c""")
                .param("c", channel)
                .query((rs, i) -> new SourcingRules(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getBoolean(4),
                        rs.getBoolean(5), rs.getDouble(6), rs.getLong(7), BackorderPolicy.valueOf(rs.getString(8)), rs.getInt(9),
                        rs.getInt(10), rs.getInt(11), rs.getInt(12)))
                .optional();
    }

    public void putRules(String channel, SourcingRules r, String actor, Instant now) {
        jdbc.sql("""
                insert into sourcing_rule (channel, shipment_cost, cost_per_km, split_penalty, never_split, prefer_stores_same_day,
                    store_preference, store_reserve_units, backorder_policy, same_day_max_km, standard_days, domestic_km,
                    international_km, updated_at, updated_by)
                values (:c, :a, :b, :d, :e, :f, :g, :h, :i, :j, :k, :l, :m, :now, :actor)
                on conflict (channel) do update set shipment_cost = excluded.shipment_cost, cost_per_km = excluded.cost_per_km,
                    split_penalty = excluded.split_penalty, never_split = excluded.never_split,
                    prefer_stores_same_day = excluded.prefer_stores_same_day, store_preference = excluded.store_preference,
                    store_reserve_units = excluded.store_reserve_units, backorder_policy = excluded.backorder_policy,
                    same_day_max_km = excluded.same_day_max_km, standard_days = excluded.standard_days,
                    domestic_km = excluded.domestic_km, international_km = excluded.international_km,
                    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("c", channel).param("a", r.shipmentCost()).param("b", r.costPerKm()).param("d", r.splitPenalty())
                .param("e", r.neverSplit()).param("f", r.preferStoresForSameDay()).param("g", r.storePreference())
                .param("h", r.storeReserveUnits()).param("i", r.backorderPolicy().name()).param("j", r.sameDayMaxKm())
                .param("k", r.standardDays()).param("l", r.domesticKm()).param("m", r.internationalKm())
                .param("now", Timestamp.from(now)).param("actor", actor)
                .update();
    }

    /** Orders already routed to each location on {@code day}. */
    public Map<String, Integer> load(Collection<String> locations, LocalDate day) {
        Map<String, Integer> out = new HashMap<>();
        jdbc.sql("select location, orders from node_day_load where day = :d and location = any(:l::text[])")
                .param("d", day).param("l", locations.toArray(String[]::new))
                .query(rs -> {
                    out.put(rs.getString(1), rs.getInt(2));
                });
        return out;
    }

    /** Takes one order slot of a location's day if fewer than {@code capacity} are taken; false when full. */
    public boolean take(String location, LocalDate day, int capacity) {
        return jdbc.sql("""
                insert into node_day_load as n (location, day, orders) select :l, :d, 1 where :cap > 0
                on conflict (location, day) do update set orders = n.orders + 1 where n.orders < :cap
                returning orders""")
                .param("l", location).param("d", day).param("cap", capacity)
                .query(Integer.class).optional().isPresent();
    }

    public void recordDecision(UUID id, UUID order, Instant at, String routeJson) {
        jdbc.sql("insert into routing_decision (id, order_id, decided_at, route) values (:id, :o, :at, :r::jsonb)")
                .param("id", id).param("o", order).param("at", Timestamp.from(at)).param("r", routeJson)
                .update();
    }

    public List<String> decisions(UUID order) {
        return jdbc.sql("select route::text from routing_decision where order_id = :o order by decided_at, id")
                .param("o", order).query(String.class).list();
    }

    public java.util.Optional<String> latestDecision(UUID order) {
        return jdbc.sql("select route::text from routing_decision where order_id = :o order by decided_at desc, id desc limit 1")
                .param("o", order).query(String.class).optional();
    }
}
