package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.ConsolidatedOrder;
import io.tributary.procurement.SupplierCode;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for consolidated purchase orders: the consolidation, its lines and its distribution plan. */
@Repository
public class JdbcConsolidations {

    private final JdbcClient jdbc;

    JdbcConsolidations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A consolidation as stored, without its purchase order. */
    public record Stored(UUID purchaseOrder, SupplierCode supplier, LocationCode consolidationCentre, List<ConsolidatedOrder.Line> lines,
                         List<ConsolidatedOrder.PlanLine> plan, ConsolidatedOrder.Savings savings, Instant createdAt, String createdBy) {
    }

    public void insert(Stored c) {
        ConsolidatedOrder.Savings s = c.savings();
        jdbc.sql("""
                        insert into consolidation (purchase_order_id, supplier_code, consolidation_centre, separate_purchase_orders,
                            separate_shipments, separate_pallets, pallets, separate_units, units, created_at, created_by)
                        values (:po, :supplier, :centre, :pos, :shipments, :separatePallets, :pallets, :separateUnits, :units, :at, :by)""")
                .param("po", c.purchaseOrder()).param("supplier", c.supplier().value()).param("centre", c.consolidationCentre().value())
                .param("pos", s.separatePurchaseOrders()).param("shipments", s.separateShipments())
                .param("separatePallets", s.separatePallets()).param("pallets", s.pallets()).param("separateUnits", s.separateUnits())
                .param("units", s.units()).param("at", Timestamp.from(c.createdAt())).param("by", c.createdBy())
                .update();
        for (ConsolidatedOrder.Line l : c.lines()) {
            jdbc.sql("""
                            insert into consolidation_line (purchase_order_id, sku, need, quantity, explanation)
                            values (:po, :sku, :need, :quantity, :explanation)""")
                    .param("po", c.purchaseOrder()).param("sku", l.sku().value()).param("need", l.need()).param("quantity", l.quantity())
                    .param("explanation", l.explanation()).update();
        }
        for (ConsolidatedOrder.PlanLine p : c.plan()) {
            jdbc.sql("""
                            insert into distribution_plan_line (purchase_order_id, sku, location, need, quantity)
                            values (:po, :sku, :location, :need, :quantity)""")
                    .param("po", c.purchaseOrder()).param("sku", p.sku().value()).param("location", p.location().value())
                    .param("need", p.need()).param("quantity", p.quantity()).update();
        }
    }

    public Optional<Stored> find(UUID purchaseOrder) {
        return jdbc.sql("""
                        select supplier_code, consolidation_centre, separate_purchase_orders, separate_shipments, separate_pallets, pallets,
                               separate_units, units, created_at, created_by
                        from consolidation where purchase_order_id = :po""")
                .param("po", purchaseOrder)
                .query((rs, n) -> new Stored(purchaseOrder, new SupplierCode(rs.getString("supplier_code")),
                        new LocationCode(rs.getString("consolidation_centre")), lines(purchaseOrder), plan(purchaseOrder),
                        new ConsolidatedOrder.Savings(rs.getInt("separate_purchase_orders"), 1, rs.getInt("separate_shipments"), 1,
                                rs.getLong("separate_pallets"), rs.getLong("pallets"), rs.getLong("separate_units"), rs.getLong("units")),
                        rs.getTimestamp("created_at").toInstant(), rs.getString("created_by")))
                .optional();
    }

    private List<ConsolidatedOrder.Line> lines(UUID purchaseOrder) {
        return jdbc.sql("select sku, need, quantity, explanation from consolidation_line where purchase_order_id = :po order by sku")
                .param("po", purchaseOrder)
                .query((rs, n) -> new ConsolidatedOrder.Line(new Sku(rs.getString("sku")), rs.getLong("need"), rs.getLong("quantity"),
                        rs.getString("explanation")))
                .list();
    }

    private List<ConsolidatedOrder.PlanLine> plan(UUID purchaseOrder) {
        return jdbc.sql("select location, sku, need, quantity from distribution_plan_line where purchase_order_id = :po order by location, sku")
                .param("po", purchaseOrder)
                .query((rs, n) -> new ConsolidatedOrder.PlanLine(new LocationCode(rs.getString("location")), new Sku(rs.getString("sku")),
                        rs.getLong("need"), rs.getLong("quantity")))
                .list();
    }

    public void insertDistributions(UUID purchaseOrder, List<ConsolidatedOrder.Distribution> sent) {
        for (ConsolidatedOrder.Distribution d : sent) {
            jdbc.sql("""
                            insert into distribution_transfer (purchase_order_id, receipt_id, transfer_id, location, sku, need, quantity, created_at)
                            values (:po, :receipt, :transfer, :location, :sku, :need, :quantity, :at)""")
                    .param("po", purchaseOrder).param("receipt", d.receipt()).param("transfer", d.transfer())
                    .param("location", d.location().value()).param("sku", d.sku().value()).param("need", d.need())
                    .param("quantity", d.quantity()).param("at", Timestamp.from(d.createdAt())).update();
        }
    }

    /** What the plan became so far, oldest receipt first. */
    public List<ConsolidatedOrder.Distribution> distributions(UUID purchaseOrder) {
        return jdbc.sql("""
                        select receipt_id, transfer_id, location, sku, need, quantity, created_at from distribution_transfer
                        where purchase_order_id = :po order by created_at, receipt_id, location, sku""")
                .param("po", purchaseOrder)
                .query((rs, n) -> new ConsolidatedOrder.Distribution(rs.getObject("receipt_id", UUID.class), rs.getObject("transfer_id", UUID.class),
                        new LocationCode(rs.getString("location")), new Sku(rs.getString("sku")), rs.getLong("need"), rs.getLong("quantity"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }
}
