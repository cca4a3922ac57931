package io.tributary.integration.persistence;

import io.tributary.integration.WebhookSubscription;
import java.net.URI;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of webhook subscriptions. */
@Repository
public class SubscriptionStore {

    private static final String COLUMNS = "id, url, event_types, description, active, created_at, created_by, updated_at";

    private final JdbcClient jdbc;

    SubscriptionStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(WebhookSubscription s, String secret) {
        jdbc.sql("""
                insert into webhook_subscription (id, url, event_types, secret, description, active, created_at, created_by, updated_at)
                values (:id, :url, :events::text[], :secret, :description, :active, :createdAt, :createdBy, :updatedAt)""")
                .param("id", s.id()).param("url", s.url().toString())
                .param("events", s.events().toArray(String[]::new)).param("secret", secret)
                .param("description", s.description()).param("active", s.active())
                .param("createdAt", Timestamp.from(s.createdAt())).param("createdBy", s.createdBy())
                .param("updatedAt", Timestamp.from(s.updatedAt()))
                .update();
    }

    public Optional<WebhookSubscription> find(UUID id, boolean lock) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(SubscriptionStore::row).optional();
    }

    /** Subscriptions in id (creation) order, strictly after {@code after} when given; up to {@code limit} rows. */
    public List<WebhookSubscription> list(UUID after, int limit) {
        return jdbc.sql("select " + COLUMNS + " from webhook_subscription where (cast(:after as uuid) is null or id > :after) order by id limit :limit")
                .param("after", after).param("limit", limit)
                .query(SubscriptionStore::row).list();
    }

    public void setActive(UUID id, boolean active, Instant now) {
        jdbc.sql("update webhook_subscription set active = :active, updated_at = :now, version = version + 1 where id = :id")
                .param("active", active).param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    private static WebhookSubscription row(ResultSet rs, int i) throws SQLException {
        Array events = rs.getArray(3);
        return new WebhookSubscription(rs.getObject(1, UUID.class), URI.create(rs.getString(2)),
                List.copyOf(Arrays.asList((String[]) events.getArray())), rs.getString(4), rs.getBoolean(5),
                rs.getTimestamp(6).toInstant(), rs.getString(7), rs.getTimestamp(8).toInstant());
    }
}
