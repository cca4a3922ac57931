package io.tributary.catalog.persistence;

import io.tributary.catalog.Item.Component;
import io.tributary.catalog.Sku;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for items and their kit components; the only place in the catalog that touches its tables.
 * Updates are optimistic: {@code where id = ? and version = ?}, reporting whether the row was still
 * at the expected version.
 */
@Repository
public class JdbcItems {

    private static final String COLUMNS = """
            id, sku, name, units_per_case, cases_per_pallet, inspection_required, lot_tracked, version,
            created_at, created_by, updated_at, updated_by""";

    /** Key of the transaction-scoped advisory lock that serialises changes to kit structures. */
    private static final int LOCK_SPACE = 0x54524942; // "TRIB"
    private static final int KIT_STRUCTURE_LOCK = 1;

    private final JdbcClient jdbc;

    JdbcItems(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One row of {@code item}. */
    public record ItemRow(UUID id, Sku sku, String name, int unitsPerCase, int casesPerPallet,
                          boolean inspectionRequired, boolean lotTracked, long version,
                          Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {
    }

    public Optional<ItemRow> bySku(Sku sku) {
        return jdbc.sql("select " + COLUMNS + " from item where sku = :sku").param("sku", sku.value())
                .query(JdbcItems::row).optional();
    }

    public Optional<ItemRow> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from item where id = :id").param("id", id)
                .query(JdbcItems::row).optional();
    }

    public List<ItemRow> bySkus(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from item where sku in (:skus)")
                .param("skus", skus.stream().map(Sku::value).distinct().toList())
                .query(JdbcItems::row).list();
    }

    /** Up to {@code rows} items in SKU order, starting after {@code afterSku} (null: from the first). */
    public List<ItemRow> page(String afterSku, int rows) {
        return jdbc.sql("select " + COLUMNS + " from item where (cast(:after as text) is null or sku > :after) order by sku limit :rows")
                .param("after", afterSku).param("rows", rows)
                .query(JdbcItems::row).list();
    }

    /** Ids of the SKUs that exist. */
    public Map<Sku, UUID> idsOf(Collection<Sku> skus) {
        if (skus.isEmpty()) {
            return Map.of();
        }
        Map<Sku, UUID> ids = new HashMap<>();
        jdbc.sql("select sku, id from item where sku in (:skus)")
                .param("skus", skus.stream().map(Sku::value).distinct().toList())
                .query((rs, i) -> ids.put(new Sku(rs.getString(1)), rs.getObject(2, UUID.class))).list();
        return ids;
    }

    /** The direct components of each of {@code kits}, in their stored order; stocked items are absent. */
    public Map<UUID, List<Component>> componentsOf(Collection<UUID> kits) {
        if (kits.isEmpty()) {
            return Map.of();
        }
        return edges(jdbc.sql("""
                select c.kit_id, c.component_id, i.sku, c.quantity
                from item_component c join item i on i.id = c.component_id
                where c.kit_id in (:kits)
                order by c.kit_id, c.position""").param("kits", List.copyOf(new HashSet<>(kits))));
    }

    /**
     * The whole bill of materials below {@code roots}: the direct components of every kit reachable
     * from them (roots included). Terminates on any structure, cyclic or not.
     */
    public Map<UUID, List<Component>> structureBelow(Collection<UUID> roots) {
        if (roots.isEmpty()) {
            return Map.of();
        }
        return edges(jdbc.sql("""
                with recursive reach(id) as (
                    select id from item where id in (:roots)
                    union
                    select c.component_id from item_component c join reach r on c.kit_id = r.id
                )
                select c.kit_id, c.component_id, i.sku, c.quantity
                from item_component c join reach r on c.kit_id = r.id join item i on i.id = c.component_id
                order by c.kit_id, c.position""").param("roots", List.copyOf(new HashSet<>(roots))));
    }

    /** Every kit that contains {@code item}, directly or through other kits. */
    public Set<UUID> kitsContaining(UUID item) {
        return new HashSet<>(jdbc.sql("""
                with recursive up(id) as (
                    select kit_id from item_component where component_id = :item
                    union
                    select c.kit_id from item_component c join up u on c.component_id = u.id
                )
                select id from up""").param("item", item).query(UUID.class).list());
    }

    /**
     * Serialises, across all instances, the transactions that add kit components, so two concurrent
     * changes cannot each pass the cycle check and together make a cycle.
     */
    public void lockKitStructure() {
        jdbc.sql("select pg_advisory_xact_lock(:space, :key)").param("space", LOCK_SPACE).param("key", KIT_STRUCTURE_LOCK)
                .query((rs, i) -> 1).list();
    }

    /** Inserts a new item; false when its SKU exists already (a concurrent create won). */
    public boolean insert(ItemRow item) {
        return jdbc.sql("""
                insert into item (id, sku, name, units_per_case, cases_per_pallet, inspection_required, lot_tracked,
                                  version, created_at, created_by, updated_at, updated_by)
                values (:id, :sku, :name, :upc, :cpp, :insp, :lot, :version, :createdAt, :createdBy, :updatedAt, :updatedBy)
                on conflict (sku) do nothing""")
                .param("id", item.id()).param("sku", item.sku().value()).param("name", item.name())
                .param("upc", item.unitsPerCase()).param("cpp", item.casesPerPallet())
                .param("insp", item.inspectionRequired()).param("lot", item.lotTracked())
                .param("version", item.version())
                .param("createdAt", Timestamp.from(item.createdAt())).param("createdBy", item.createdBy())
                .param("updatedAt", Timestamp.from(item.updatedAt())).param("updatedBy", item.updatedBy())
                .update() == 1;
    }

    /** Writes {@code item} (with its new version) if the stored row is still at {@code expectedVersion}. */
    public boolean update(ItemRow item, long expectedVersion) {
        return jdbc.sql("""
                update item set name = :name, units_per_case = :upc, cases_per_pallet = :cpp,
                                inspection_required = :insp, lot_tracked = :lot, version = :version,
                                updated_at = :updatedAt, updated_by = :updatedBy
                where id = :id and version = :expected""")
                .param("id", item.id()).param("name", item.name())
                .param("upc", item.unitsPerCase()).param("cpp", item.casesPerPallet())
                .param("insp", item.inspectionRequired()).param("lot", item.lotTracked())
                .param("version", item.version()).param("expected", expectedVersion)
                .param("updatedAt", Timestamp.from(item.updatedAt())).param("updatedBy", item.updatedBy())
                .update() == 1;
    }

    /** Replaces the components of {@code kit}; call only after locking the item's row (by updating it). */
    public void replaceComponents(UUID kit, List<Component> components) {
        jdbc.sql("delete from item_component where kit_id = :kit").param("kit", kit).update();
        int position = 0;
        for (Component c : components) {
            jdbc.sql("insert into item_component (kit_id, component_id, quantity, position) values (:kit, :component, :quantity, :position)")
                    .param("kit", kit).param("component", c.itemId()).param("quantity", c.quantity()).param("position", position++)
                    .update();
        }
    }

    private Map<UUID, List<Component>> edges(JdbcClient.StatementSpec statement) {
        Map<UUID, List<Component>> bom = new LinkedHashMap<>();
        statement.query((rs, i) -> bom.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                .add(new Component(rs.getObject(2, UUID.class), new Sku(rs.getString(3)), rs.getLong(4)))).list();
        bom.replaceAll((k, v) -> List.copyOf(v));
        return bom;
    }

    private static ItemRow row(ResultSet rs, int i) throws SQLException {
        return new ItemRow(rs.getObject("id", UUID.class), new Sku(rs.getString("sku")), rs.getString("name"),
                rs.getInt("units_per_case"), rs.getInt("cases_per_pallet"), rs.getBoolean("inspection_required"),
                rs.getBoolean("lot_tracked"), rs.getLong("version"),
                rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
