package io.tributary.procurement.persistence;

import io.tributary.catalog.Sku;
import io.tributary.procurement.Supplier;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierItem;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for suppliers and their item terms. Supplier updates are optimistic: {@code where code = ? and version = ?}. */
@Repository
public class JdbcSuppliers {

    private static final String COLUMNS = """
            code, name, currency, lead_time_days, min_order_value, min_order_quantity, payment_terms, incoterms, edi_id, version,
            created_at, created_by, updated_at, updated_by""";
    private static final String ITEM_COLUMNS = """
            supplier_code, sku, supplier_sku, unit_cost, case_pack, min_order_quantity, lead_time_days, is_primary, updated_at, updated_by""";

    private final JdbcClient jdbc;

    JdbcSuppliers(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Supplier> find(SupplierCode code, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from supplier where code = :code" + (lock ? " for update" : ""))
                .param("code", code.value()).query(JdbcSuppliers::supplier).optional();
    }

    /** Up to {@code rows} suppliers in code order after {@code afterCode} (null: from the first). */
    public List<Supplier> page(String afterCode, int rows) {
        return jdbc.sql("select " + COLUMNS + " from supplier where (cast(:after as text) is null or code > :after) order by code limit :rows")
                .param("after", afterCode).param("rows", rows).query(JdbcSuppliers::supplier).list();
    }

    /** Inserts a new supplier; false when the code exists already (a concurrent create won). */
    public boolean insert(Supplier s) {
        return jdbc.sql("""
                        insert into supplier (code, name, currency, lead_time_days, min_order_value, min_order_quantity, payment_terms,
                                              incoterms, edi_id, version, created_at, created_by, updated_at, updated_by)
                        values (:code, :name, :currency, :leadTime, :minValue, :minQuantity, :paymentTerms, :incoterms, :ediId, :version,
                                :createdAt, :createdBy, :updatedAt, :updatedBy)
                        on conflict (code) do nothing""")
                .param("code", s.code().value()).param("name", s.name()).param("currency", s.currency().getCurrencyCode())
                .param("leadTime", s.leadTimeDays()).param("minValue", s.minOrderValue()).param("minQuantity", s.minOrderQuantity())
                .param("paymentTerms", s.paymentTerms()).param("incoterms", s.incoterms()).param("ediId", s.ediId()).param("version", s.version())
                .param("createdAt", Timestamp.from(s.createdAt())).param("createdBy", s.createdBy())
                .param("updatedAt", Timestamp.from(s.updatedAt())).param("updatedBy", s.updatedBy())
                .update() == 1;
    }

    /** Writes {@code s} (with its new version) if the stored row is still at {@code expectedVersion}. */
    public boolean update(Supplier s, long expectedVersion) {
        return jdbc.sql("""
                        update supplier set name = :name, currency = :currency, lead_time_days = :leadTime, min_order_value = :minValue,
                                            min_order_quantity = :minQuantity, payment_terms = :paymentTerms, incoterms = :incoterms, edi_id = :ediId,
                                            version = :version, updated_at = :updatedAt, updated_by = :updatedBy
                        where code = :code and version = :expected""")
                .param("code", s.code().value()).param("name", s.name()).param("currency", s.currency().getCurrencyCode())
                .param("leadTime", s.leadTimeDays()).param("minValue", s.minOrderValue()).param("minQuantity", s.minOrderQuantity())
                .param("paymentTerms", s.paymentTerms()).param("incoterms", s.incoterms()).param("ediId", s.ediId()).param("version", s.version())
                .param("updatedAt", Timestamp.from(s.updatedAt())).param("updatedBy", s.updatedBy()).param("expected", expectedVersion)
                .update() == 1;
    }

    public Optional<SupplierItem> item(SupplierCode supplier, Sku sku) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from supplier_item where supplier_code = :supplier and sku = :sku")
                .param("supplier", supplier.value()).param("sku", sku.value()).query(JdbcSuppliers::item).optional();
    }

    public List<SupplierItem> items(SupplierCode supplier) {
        return jdbc.sql("select " + ITEM_COLUMNS + " from supplier_item where supplier_code = :supplier order by sku")
                .param("supplier", supplier.value()).query(JdbcSuppliers::item).list();
    }

    /**
     * Serialises changes to the primary supplier of one SKU for the rest of the transaction, so that
     * two suppliers made primary at once end with exactly one.
     */
    public void lockPrimaryOf(Sku sku) {
        jdbc.sql("select pg_advisory_xact_lock(hashtextextended('supplier-item-primary:' || :sku, 0))")
                .param("sku", sku.value()).query().singleValue();
    }

    /** Takes the primary flag of {@code sku} from every supplier but {@code keep}. */
    public void clearPrimary(Sku sku, SupplierCode keep) {
        jdbc.sql("update supplier_item set is_primary = false where sku = :sku and supplier_code <> :keep and is_primary")
                .param("sku", sku.value()).param("keep", keep.value()).update();
    }

    /** Inserts or replaces one supplier's terms for one item; true when it created them. */
    public boolean upsertItem(SupplierItem i) {
        return jdbc.sql("""
                        insert into supplier_item (supplier_code, sku, supplier_sku, unit_cost, case_pack, min_order_quantity,
                                                   lead_time_days, is_primary, updated_at, updated_by)
                        values (:supplier, :sku, :supplierSku, :unitCost, :casePack, :moq, :leadTime, :primary, :at, :by)
                        on conflict (supplier_code, sku) do update set supplier_sku = excluded.supplier_sku,
                            unit_cost = excluded.unit_cost, case_pack = excluded.case_pack, min_order_quantity = excluded.min_order_quantity,
                            lead_time_days = excluded.lead_time_days, is_primary = excluded.is_primary,
                            updated_at = excluded.updated_at, updated_by = excluded.updated_by
                        returning (xmax = 0) as created""")
                .param("supplier", i.supplier().value()).param("sku", i.sku().value()).param("supplierSku", i.supplierSku())
                .param("unitCost", i.unitCost()).param("casePack", i.casePack()).param("moq", i.minOrderQuantity())
                .param("leadTime", i.leadTimeDays()).param("primary", i.primary()).param("at", Timestamp.from(i.updatedAt()))
                .param("by", i.updatedBy())
                .query(Boolean.class).single();
    }

    private static Supplier supplier(ResultSet rs, int n) throws SQLException {
        Long minQuantity = rs.getObject("min_order_quantity", Long.class);
        return new Supplier(new SupplierCode(rs.getString("code")), rs.getString("name"), Currency.getInstance(rs.getString("currency")),
                rs.getInt("lead_time_days"), Amounts.normalise(rs.getBigDecimal("min_order_value")), minQuantity,
                rs.getString("payment_terms"), rs.getString("incoterms"), rs.getString("edi_id"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"), rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"));
    }

    private static SupplierItem item(ResultSet rs, int n) throws SQLException {
        Integer lead = rs.getObject("lead_time_days", Integer.class);
        return new SupplierItem(new SupplierCode(rs.getString("supplier_code")), new Sku(rs.getString("sku")), rs.getString("supplier_sku"),
                Amounts.normalise(rs.getBigDecimal("unit_cost")), rs.getLong("case_pack"), rs.getLong("min_order_quantity"), lead,
                rs.getBoolean("is_primary"), rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
