package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.ProposalStatus;
import io.tributary.procurement.ReplenishmentMethod;
import io.tributary.procurement.ReplenishmentPolicy;
import io.tributary.procurement.ReplenishmentProposal;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for replenishment policies, runs and proposals, and the open purchase quantities a run nets against. */
@Repository
public class JdbcReplenishment {

    private static final String POLICY_COLUMNS = """
            sku, location, method, reorder_point, order_up_to, min_level, max_level, days_of_cover, service_level,
            lead_time_deviation_days, daily_demand, daily_demand_deviation, demand_uplift, round_to_pallets, version, updated_at,
            updated_by""";
    private static final String PROPOSAL_COLUMNS = """
            id, run_id, sku, location, supplier_code, method, projected, safety_stock, need, quantity, explanation, status,
            purchase_order_id, created_at, decided_at, decided_by, version""";

    private final JdbcClient jdbc;

    JdbcReplenishment(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<ReplenishmentPolicy> policy(Sku sku, LocationCode location, boolean lock) {
        return jdbc.sql("select " + POLICY_COLUMNS + " from replenishment_policy where sku = :sku and location = :location"
                        + (lock ? " for update" : ""))
                .param("sku", sku.value()).param("location", location.value()).query(JdbcReplenishment::policy).optional();
    }

    /** Every policy that may propose (all but NONE), in SKU and location order. */
    public List<ReplenishmentPolicy> activePolicies() {
        return jdbc.sql("select " + POLICY_COLUMNS + " from replenishment_policy where method <> 'NONE' order by sku, location")
                .query(JdbcReplenishment::policy).list();
    }

    /** Inserts or replaces a policy; the version counts the puts. */
    public void upsertPolicy(ReplenishmentPolicy p) {
        jdbc.sql("""
                        insert into replenishment_policy (sku, location, method, reorder_point, order_up_to, min_level, max_level,
                            days_of_cover, service_level, lead_time_deviation_days, daily_demand, daily_demand_deviation,
                            demand_uplift, round_to_pallets, version, updated_at, updated_by)
                        values (:sku, :location, :method, :reorderPoint, :orderUpTo, :min, :max, :days, :serviceLevel, :ltDeviation,
                                :demand, :demandDeviation, :uplift, :pallets, 1, :at, :by)
                        on conflict (sku, location) do update set method = excluded.method, reorder_point = excluded.reorder_point,
                            order_up_to = excluded.order_up_to, min_level = excluded.min_level, max_level = excluded.max_level,
                            days_of_cover = excluded.days_of_cover, service_level = excluded.service_level,
                            lead_time_deviation_days = excluded.lead_time_deviation_days, daily_demand = excluded.daily_demand,
                            daily_demand_deviation = excluded.daily_demand_deviation,
                            demand_uplift = excluded.demand_uplift, round_to_pallets = excluded.round_to_pallets,
                            version = replenishment_policy.version + 1, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .param("sku", p.sku().value()).param("location", p.location().value()).param("method", p.method().name())
                .param("reorderPoint", p.reorderPoint()).param("orderUpTo", p.orderUpTo()).param("min", p.min()).param("max", p.max())
                .param("days", p.daysOfCover()).param("serviceLevel", p.serviceLevel()).param("ltDeviation", p.leadTimeDeviationDays())
                .param("demand", p.dailyDemand()).param("demandDeviation", p.dailyDemandDeviation())
                .param("uplift", p.demandUplift()).param("pallets", p.roundToPallets())
                .param("at", Timestamp.from(p.updatedAt())).param("by", p.updatedBy())
                .update();
    }

    /** The policies that may propose (all but NONE) at these locations, in SKU and location order. */
    public List<ReplenishmentPolicy> activePoliciesAt(Collection<LocationCode> locations) {
        return jdbc.sql("select " + POLICY_COLUMNS + " from replenishment_policy where method <> 'NONE' and location = any(:locations)"
                        + " order by sku, location")
                .param("locations", locations.stream().map(LocationCode::value).toArray(String[]::new))
                .query(JdbcReplenishment::policy).list();
    }

    /** The primary supplier's terms for a SKU, if it has one. */
    public Optional<SupplierItem> primaryItem(Sku sku) {
        return jdbc.sql("select supplier_code from supplier_item where sku = :sku and is_primary").param("sku", sku.value())
                .query(String.class).optional().map(SupplierCode::new)
                .flatMap(code -> jdbc.sql("""
                                select supplier_code, sku, supplier_sku, unit_cost, case_pack, min_order_quantity, lead_time_days,
                                       is_primary, updated_at, updated_by
                                from supplier_item where supplier_code = :supplier and sku = :sku""")
                        .param("supplier", code.value()).param("sku", sku.value())
                        .query((rs, n) -> new SupplierItem(code, sku, rs.getString("supplier_sku"), Amounts.normalise(rs.getBigDecimal("unit_cost")),
                                rs.getLong("case_pack"), rs.getLong("min_order_quantity"), rs.getObject("lead_time_days", Integer.class),
                                true, rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by")))
                        .optional());
    }

    /**
     * Units of a SKU on open purchase orders to a location: every order from DRAFT to partly
     * received, at the supplier's confirmed quantity where it has confirmed one, and what the
     * distribution plans of open consolidated orders hold for the location. Units already received
     * are on hand, so they no longer count as on order.
     */
    public long onOrder(Sku sku, LocationCode location) {
        return onOrder(sku, location, null);
    }

    /**
     * {@link #onOrder(Sku, LocationCode)} without what the distribution plan of purchase order
     * {@code exceptPlanOf} holds for the location: the need of a location as its consolidated order's
     * goods arrive, before they are shared out (ADR 0018).
     */
    public long onOrder(Sku sku, LocationCode location, UUID exceptPlanOf) {
        return jdbc.sql("""
                        select coalesce(sum(greatest(coalesce(l.confirmed_quantity, l.quantity) - l.received_quantity, 0)), 0)
                            + (select coalesce(sum(d.quantity), 0)
                               from distribution_plan_line d join purchase_order o on o.id = d.purchase_order_id
                               where d.sku = :sku and d.location = :location and d.purchase_order_id is distinct from :except
                                 and o.status in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACKNOWLEDGED', 'PARTIALLY_RECEIVED'))
                        from purchase_order_line l join purchase_order o on o.id = l.purchase_order_id
                        where l.sku = :sku and o.location = :location
                          and o.status in ('DRAFT', 'PENDING_APPROVAL', 'APPROVED', 'SENT', 'ACKNOWLEDGED', 'PARTIALLY_RECEIVED')""")
                .param("sku", sku.value()).param("location", location.value()).param("except", exceptPlanOf, Types.OTHER)
                .query(Long.class).single();
    }

    public void insertRun(UUID id, Instant at, String by, int policies, int proposals) {
        jdbc.sql("insert into replenishment_run (id, started_at, started_by, policies, proposals) values (:id, :at, :by, :p, :n)")
                .param("id", id).param("at", Timestamp.from(at)).param("by", by).param("p", policies).param("n", proposals).update();
    }

    public void recordRun(UUID id, int proposals) {
        jdbc.sql("update replenishment_run set proposals = :n where id = :id").param("id", id).param("n", proposals).update();
    }

    /** Marks what is still open for these item-locations SUPERSEDED, before a run proposes afresh. */
    public void supersedeOpen(Sku sku, LocationCode location, Instant at, String by) {
        jdbc.sql("""
                        update replenishment_proposal set status = 'SUPERSEDED', decided_at = :at, decided_by = :by, version = version + 1
                        where sku = :sku and location = :location and status = 'OPEN'""")
                .param("sku", sku.value()).param("location", location.value()).param("at", Timestamp.from(at)).param("by", by).update();
    }

    public void insertProposal(ReplenishmentProposal p) {
        jdbc.sql("""
                        insert into replenishment_proposal (id, run_id, sku, location, supplier_code, method, projected, safety_stock, need,
                            quantity, explanation, status, created_at, version)
                        values (:id, :run, :sku, :location, :supplier, :method, :projected, :ss, :need, :quantity, :explanation, :status,
                                :at, 1)""")
                .param("id", p.id()).param("run", p.run()).param("sku", p.sku().value()).param("location", p.location().value())
                .param("supplier", p.supplier().value()).param("method", p.method().name()).param("projected", p.projected())
                .param("ss", p.safetyStock()).param("need", p.need()).param("quantity", p.quantity()).param("explanation", p.explanation())
                .param("status", p.status().name()).param("at", Timestamp.from(p.createdAt()))
                .update();
    }

    /** Proposals by id, locked, in id order (a deterministic lock order for bulk decisions). */
    public List<ReplenishmentProposal> lock(Collection<UUID> ids) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + " from replenishment_proposal where id = any(:ids) order by id for update")
                .param("ids", ids.toArray(UUID[]::new)).query(JdbcReplenishment::proposal).list();
    }

    public Optional<ReplenishmentProposal> proposal(UUID id) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + " from replenishment_proposal where id = :id")
                .param("id", id).query(JdbcReplenishment::proposal).optional();
    }

    /** Up to {@code rows} proposals, optionally of one status, oldest first after {@code after} (null: from the first). */
    public List<ReplenishmentProposal> page(ProposalStatus status, UUID after, int rows) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + """
                         from replenishment_proposal
                        where (cast(:status as text) is null or status = :status) and (cast(:after as uuid) is null or id > :after)
                        order by id limit :rows""")
                .param("status", status == null ? null : status.name()).param("after", after).param("rows", rows)
                .query(JdbcReplenishment::proposal).list();
    }

    public List<ReplenishmentProposal> ofRun(UUID run) {
        return jdbc.sql("select " + PROPOSAL_COLUMNS + " from replenishment_proposal where run_id = :run order by sku, location")
                .param("run", run).query(JdbcReplenishment::proposal).list();
    }

    /** Records a decision on an OPEN proposal: its new status, quantity and purchase order. */
    public void decide(UUID id, ProposalStatus status, long quantity, UUID purchaseOrder, Instant at, String by) {
        jdbc.sql("""
                        update replenishment_proposal set status = :status, quantity = :quantity, purchase_order_id = :po,
                            decided_at = :at, decided_by = :by, version = version + 1
                        where id = :id""")
                .param("id", id).param("status", status.name()).param("quantity", quantity).param("po", purchaseOrder)
                .param("at", status == ProposalStatus.OPEN ? null : Timestamp.from(at)).param("by", status == ProposalStatus.OPEN ? null : by)
                .update();
    }

    private static ReplenishmentPolicy policy(ResultSet rs, int n) throws SQLException {
        return new ReplenishmentPolicy(new Sku(rs.getString("sku")), new LocationCode(rs.getString("location")),
                ReplenishmentMethod.valueOf(rs.getString("method")), rs.getObject("reorder_point", Long.class),
                rs.getObject("order_up_to", Long.class), rs.getObject("min_level", Long.class), rs.getObject("max_level", Long.class),
                rs.getObject("days_of_cover", Integer.class), strip(rs.getBigDecimal("service_level")),
                strip(rs.getBigDecimal("lead_time_deviation_days")), strip(rs.getBigDecimal("daily_demand")),
                strip(rs.getBigDecimal("daily_demand_deviation")),
                strip(rs.getBigDecimal("demand_uplift")), rs.getBoolean("round_to_pallets"), rs.getLong("version"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }

    private static java.math.BigDecimal strip(java.math.BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros();
    }

    private static ReplenishmentProposal proposal(ResultSet rs, int n) throws SQLException {
        Timestamp decided = rs.getTimestamp("decided_at");
        return new ReplenishmentProposal(rs.getObject("id", UUID.class), rs.getObject("run_id", UUID.class), new Sku(rs.getString("sku")),
                new LocationCode(rs.getString("location")), new SupplierCode(rs.getString("supplier_code")),
                ReplenishmentMethod.valueOf(rs.getString("method")), rs.getLong("projected"), rs.getLong("safety_stock"), rs.getLong("need"),
                rs.getLong("quantity"), rs.getString("explanation"), ProposalStatus.valueOf(rs.getString("status")),
                rs.getObject("purchase_order_id", UUID.class), rs.getTimestamp("created_at").toInstant(),
                decided == null ? null : decided.toInstant(), rs.getString("decided_by"), rs.getLong("version"));
    }
}
