package io.tributary.access.persistence;

import io.tributary.access.Role;
import java.sql.Array;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for users and API keys; the only place in the access module that touches its tables. */
@Repository
public class AccessStore {

    private final JdbcClient jdbc;

    AccessStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record UserRow(UUID id, String username, String passwordHash, Set<Role> roles, List<String> locations,
                          boolean enabled, Instant createdAt) {
    }

    public record KeyRow(UUID id, String name, String prefix, String tokenHash, Role role, String channel,
                         boolean enabled, Instant createdAt, String createdBy) {
    }

    /** Inserts a user unless the username exists; returns whether it was inserted. */
    public boolean insertUser(UUID id, String username, String hash, Set<Role> roles, List<String> locations,
                              Instant now, String by) {
        return jdbc.sql("""
                insert into app_user (id, username, password_hash, roles, locations, created_at, created_by)
                values (:id, :username, :hash, :roles, :locations, :now, :by)
                on conflict (username) do nothing""")
                .param("id", id).param("username", username).param("hash", hash)
                .param("roles", roles.stream().map(Enum::name).sorted().toArray(String[]::new))
                .param("locations", locations.toArray(String[]::new))
                .param("now", Timestamp.from(now)).param("by", by)
                .update() == 1;
    }

    public Optional<UserRow> user(String username) {
        return jdbc.sql("select id, username, password_hash, roles, locations, enabled, created_at from app_user where username = :u")
                .param("u", username)
                .query((rs, i) -> new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        roles(rs.getArray(4)), strings(rs.getArray(5)), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
                .optional();
    }

    public List<UserRow> users() {
        return jdbc.sql("select id, username, password_hash, roles, locations, enabled, created_at from app_user order by username")
                .query((rs, i) -> new UserRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                        roles(rs.getArray(4)), strings(rs.getArray(5)), rs.getBoolean(6), rs.getTimestamp(7).toInstant()))
                .list();
    }

    public void insertKey(KeyRow key) {
        jdbc.sql("""
                insert into api_key (id, name, prefix, token_hash, role, channel, created_at, created_by)
                values (:id, :name, :prefix, :hash, :role, :channel, :at, :by)""")
                .param("id", key.id()).param("name", key.name()).param("prefix", key.prefix())
                .param("hash", key.tokenHash()).param("role", key.role().name()).param("channel", key.channel())
                .param("at", Timestamp.from(key.createdAt())).param("by", key.createdBy())
                .update();
    }

    public Optional<KeyRow> keyByHash(String hash) {
        return jdbc.sql("select id, name, prefix, token_hash, role, channel, enabled, created_at, created_by from api_key where token_hash = :h")
                .param("h", hash).query(this::key).optional();
    }

    public List<KeyRow> keys() {
        return jdbc.sql("select id, name, prefix, token_hash, role, channel, enabled, created_at, created_by from api_key order by created_at")
                .query(this::key).list();
    }

    public boolean disableKey(UUID id) {
        return jdbc.sql("update api_key set enabled = false where id = :id").param("id", id).update() == 1;
    }

    private KeyRow key(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new KeyRow(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                Role.valueOf(rs.getString(5)), rs.getString(6), rs.getBoolean(7), rs.getTimestamp(8).toInstant(), rs.getString(9));
    }

    private static Set<Role> roles(Array array) throws java.sql.SQLException {
        return Arrays.stream((String[]) array.getArray()).map(Role::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
    }

    private static List<String> strings(Array array) throws java.sql.SQLException {
        return List.of((String[]) array.getArray());
    }
}
