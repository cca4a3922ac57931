package io.tributary.channels.persistence;

import io.tributary.channels.Channel;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.ChannelDetails;
import io.tributary.channels.ChannelType;
import io.tributary.network.LocationCode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL for channels and their eligible locations; the only place in the channels module that touches its
 * tables. Locations are kept by code, not by a foreign key into the network's table, which this module
 * does not own. Updates are optimistic: {@code where id = ? and version = ?}.
 */
@Repository
public class JdbcChannels {

    private static final String COLUMNS = """
            id, code, name, type, buffer_units, buffer_percent, webhook_secret, version,
            created_at, created_by, updated_at, updated_by""";

    private final JdbcClient jdbc;

    JdbcChannels(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A channel as stored, with its webhook secret (null when none is set). */
    public record ChannelRow(ChannelDetails details, String webhookSecret) {
    }

    public Optional<ChannelRow> byCode(ChannelCode code) {
        List<ChannelRow> rows = jdbc.sql("select " + COLUMNS + " from channel where code = :code")
                .param("code", code.value()).query(JdbcChannels::row).list();
        return withLocations(rows).stream().findFirst();
    }

    /** Up to {@code rows} channels in code order, starting after {@code afterCode} (null: from the first). */
    public List<ChannelRow> page(String afterCode, int rows) {
        return withLocations(jdbc.sql("select " + COLUMNS + " from channel where (cast(:after as text) is null or code > :after) order by code limit :rows")
                .param("after", afterCode).param("rows", rows).query(JdbcChannels::row).list());
    }

    /** Inserts a new channel; false when its code exists already (a concurrent create won). */
    public boolean insert(ChannelRow row) {
        ChannelDetails d = row.details();
        Channel c = d.channel();
        boolean inserted = jdbc.sql("""
                insert into channel (id, code, name, type, buffer_units, buffer_percent, webhook_secret, version,
                                     created_at, created_by, updated_at, updated_by)
                values (:id, :code, :name, :type, :bufferUnits, :bufferPercent, :secret, :version,
                        :createdAt, :createdBy, :updatedAt, :updatedBy)
                on conflict (code) do nothing""")
                .param("id", c.id()).param("code", c.code().value()).param("name", c.name()).param("type", c.type().name())
                .param("bufferUnits", c.bufferUnits()).param("bufferPercent", c.bufferPercent())
                .param("secret", row.webhookSecret()).param("version", c.version())
                .param("createdAt", Timestamp.from(d.createdAt())).param("createdBy", d.createdBy())
                .param("updatedAt", Timestamp.from(d.updatedAt())).param("updatedBy", d.updatedBy())
                .update() == 1;
        if (inserted) {
            insertLocations(c.id(), c.locations());
        }
        return inserted;
    }

    /** Writes {@code row} (with its new version) if the stored row is still at {@code expectedVersion}. */
    public boolean update(ChannelRow row, long expectedVersion) {
        ChannelDetails d = row.details();
        Channel c = d.channel();
        boolean updated = jdbc.sql("""
                update channel set name = :name, type = :type, buffer_units = :bufferUnits, buffer_percent = :bufferPercent,
                                   webhook_secret = :secret, version = :version, updated_at = :updatedAt, updated_by = :updatedBy
                where id = :id and version = :expected""")
                .param("id", c.id()).param("name", c.name()).param("type", c.type().name())
                .param("bufferUnits", c.bufferUnits()).param("bufferPercent", c.bufferPercent())
                .param("secret", row.webhookSecret()).param("version", c.version()).param("expected", expectedVersion)
                .param("updatedAt", Timestamp.from(d.updatedAt())).param("updatedBy", d.updatedBy())
                .update() == 1;
        if (updated) {
            jdbc.sql("delete from channel_location where channel_id = :id").param("id", c.id()).update();
            insertLocations(c.id(), c.locations());
        }
        return updated;
    }

    private void insertLocations(UUID channel, List<LocationCode> locations) {
        int position = 0;
        for (LocationCode code : locations) {
            jdbc.sql("insert into channel_location (channel_id, position, location_code) values (:channel, :position, :code)")
                    .param("channel", channel).param("position", position++).param("code", code.value()).update();
        }
    }

    private List<ChannelRow> withLocations(List<ChannelRow> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<LocationCode>> locations = new HashMap<>();
        Collection<UUID> ids = rows.stream().map(r -> r.details().channel().id()).toList();
        jdbc.sql("select channel_id, location_code from channel_location where channel_id in (:ids) order by channel_id, position")
                .param("ids", ids)
                .query((rs, i) -> locations.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                        .add(new LocationCode(rs.getString(2)))).list();
        return rows.stream().map(r -> {
            ChannelDetails d = r.details();
            Channel c = d.channel();
            Channel full = new Channel(c.id(), c.code(), c.name(), c.type(), List.copyOf(locations.getOrDefault(c.id(), List.of())),
                    c.bufferUnits(), c.bufferPercent(), c.version());
            return new ChannelRow(new ChannelDetails(full, d.webhookSecretSet(), d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy()),
                    r.webhookSecret());
        }).toList();
    }

    private static ChannelRow row(ResultSet rs, int i) throws SQLException {
        Channel channel = new Channel(rs.getObject("id", UUID.class), new ChannelCode(rs.getString("code")), rs.getString("name"),
                ChannelType.valueOf(rs.getString("type")), List.of(), rs.getLong("buffer_units"), rs.getInt("buffer_percent"),
                rs.getLong("version"));
        String secret = rs.getString("webhook_secret");
        Instant created = rs.getTimestamp("created_at").toInstant();
        Instant updated = rs.getTimestamp("updated_at").toInstant();
        return new ChannelRow(new ChannelDetails(channel, secret != null, created, rs.getString("created_by"), updated,
                rs.getString("updated_by")), secret);
    }
}
