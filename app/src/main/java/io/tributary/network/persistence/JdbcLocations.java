package io.tributary.network.persistence;

import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.LocationDetails;
import io.tributary.network.LocationType;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for locations; the only place in the network module that touches its table. Updates are
 * optimistic: {@code where id = ? and version = ?}.
 */
@Repository
public class JdbcLocations {

    private static final String COLUMNS = """
            id, code, name, type, country, postal_code, latitude, longitude, capabilities, daily_order_capacity,
            stale_after_seconds, stale_buffer_percent, active, version, created_at, created_by, updated_at, updated_by""";

    private final JdbcClient jdbc;

    JdbcLocations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<LocationDetails> byCode(LocationCode code) {
        return jdbc.sql("select " + COLUMNS + " from location where code = :code").param("code", code.value())
                .query(JdbcLocations::row).optional();
    }

    public Optional<LocationDetails> byId(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from location where id = :id").param("id", id)
                .query(JdbcLocations::row).optional();
    }

    public List<LocationDetails> all() {
        return jdbc.sql("select " + COLUMNS + " from location order by code").query(JdbcLocations::row).list();
    }

    /** Up to {@code rows} locations in code order, starting after {@code afterCode} (null: from the first). */
    public List<LocationDetails> page(String afterCode, int rows) {
        return jdbc.sql("select " + COLUMNS + " from location where (cast(:after as text) is null or code > :after) order by code limit :rows")
                .param("after", afterCode).param("rows", rows)
                .query(JdbcLocations::row).list();
    }

    /** Inserts a new location; false when its code exists already (a concurrent create won). */
    public boolean insert(LocationDetails d) {
        Location l = d.location();
        return bind(jdbc.sql("""
                insert into location (id, code, name, type, country, postal_code, latitude, longitude, capabilities,
                                      daily_order_capacity, stale_after_seconds, stale_buffer_percent, active, version,
                                      created_at, created_by, updated_at, updated_by)
                values (:id, :code, :name, :type, :country, :postalCode, :latitude, :longitude, :capabilities,
                        :capacity, :staleAfter, :staleBuffer, :active, :version, :createdAt, :createdBy, :updatedAt, :updatedBy)
                on conflict (code) do nothing"""), d)
                .param("code", l.code().value())
                .param("createdAt", Timestamp.from(d.createdAt())).param("createdBy", d.createdBy())
                .update() == 1;
    }

    /** Writes {@code d} (with its new version) if the stored row is still at {@code expectedVersion}. */
    public boolean update(LocationDetails d, long expectedVersion) {
        return bind(jdbc.sql("""
                update location set name = :name, type = :type, country = :country, postal_code = :postalCode,
                                    latitude = :latitude, longitude = :longitude, capabilities = :capabilities,
                                    daily_order_capacity = :capacity, stale_after_seconds = :staleAfter,
                                    stale_buffer_percent = :staleBuffer, active = :active, version = :version,
                                    updated_at = :updatedAt, updated_by = :updatedBy
                where id = :id and version = :expected"""), d)
                .param("expected", expectedVersion)
                .update() == 1;
    }

    private static JdbcClient.StatementSpec bind(JdbcClient.StatementSpec sql, LocationDetails d) {
        Location l = d.location();
        return sql.param("id", l.id()).param("name", l.name()).param("type", l.type().name())
                .param("country", l.country()).param("postalCode", l.postalCode())
                .param("latitude", l.latitude()).param("longitude", l.longitude())
                .param("capabilities", l.capabilities().stream().sorted().map(Enum::name).toArray(String[]::new))
                .param("capacity", l.dailyOrderCapacity())
                .param("staleAfter", l.staleAfter() == null ? null : l.staleAfter().toSeconds())
                .param("staleBuffer", l.staleBufferPercent()).param("active", l.active()).param("version", l.version())
                .param("updatedAt", Timestamp.from(d.updatedAt())).param("updatedBy", d.updatedBy());
    }

    private static LocationDetails row(ResultSet rs, int i) throws SQLException {
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        for (String c : (String[]) rs.getArray("capabilities").getArray()) {
            capabilities.add(Capability.valueOf(c));
        }
        long staleAfter = rs.getLong("stale_after_seconds");
        Duration stale = rs.wasNull() ? null : Duration.ofSeconds(staleAfter);
        Location location = new Location(rs.getObject("id", UUID.class), new LocationCode(rs.getString("code")),
                rs.getString("name"), LocationType.valueOf(rs.getString("type")), rs.getString("country"),
                rs.getString("postal_code"), rs.getBigDecimal("latitude"), rs.getBigDecimal("longitude"),
                Collections.unmodifiableSet(capabilities), rs.getObject("daily_order_capacity", Integer.class), stale,
                rs.getInt("stale_buffer_percent"), rs.getBoolean("active"), rs.getLong("version"));
        return new LocationDetails(location, rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
                rs.getTimestamp("updated_at").toInstant(), rs.getString("updated_by"));
    }
}
