package io.tributary.integration.persistence;

import io.tributary.integration.DeliveryStatus;
import io.tributary.integration.WebhookDelivery;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of webhook deliveries: the sender's work queue (claimed with {@code for update skip locked}
 * under a lease), the outcome of each attempt, the subscription's delivery log and replays.
 */
@Repository
public class DeliveryStore {

    private final JdbcClient jdbc;

    DeliveryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A delivery claimed for one attempt, with everything needed to send it. */
    public record Claimed(long id, int attempt, UUID subscriptionId, URI url, String secret, UUID eventId,
                          String eventType, int eventVersion, Instant occurredAt, String aggregateType,
                          String aggregateId, String payload) {
    }

    /**
     * Claims up to {@code limit} due deliveries for one attempt each: counts the attempt and moves
     * {@code next_attempt_at} to {@code leaseUntil}, so nobody else takes them while this instance
     * sends (and somebody does once the lease passes, should this instance die). A delivery is due
     * only when no earlier delivery (lower event sequence) of the same aggregate to the same
     * subscription is still PENDING, and only while its subscription is active. Call in a short
     * transaction of its own and commit before sending.
     */
    public List<Claimed> claim(Instant now, Instant leaseUntil, int limit) {
        return jdbc.sql("""
                with due as (
                    select d.id from webhook_delivery d
                    join webhook_subscription s on s.id = d.subscription_id and s.active
                    where d.status = 'PENDING' and d.next_attempt_at <= :now
                      and not exists (select 1 from webhook_delivery p
                                      where p.subscription_id = d.subscription_id
                                        and p.aggregate_type = d.aggregate_type and p.aggregate_id = d.aggregate_id
                                        and p.status = 'PENDING'
                                        and (p.event_sequence, p.id) < (d.event_sequence, d.id))
                    order by d.next_attempt_at, d.id
                    limit :limit
                    for update of d skip locked)
                update webhook_delivery d
                set attempts = d.attempts + 1, next_attempt_at = :leaseUntil, last_attempt_at = :now
                from due, webhook_subscription s, outbox_event e
                where d.id = due.id and s.id = d.subscription_id and e.sequence = d.event_sequence
                returning d.id, d.attempts, s.id, s.url, s.secret, e.id, e.type, e.version, e.occurred_at,
                          e.aggregate_type, e.aggregate_id, e.payload::text""")
                .param("now", Timestamp.from(now)).param("leaseUntil", Timestamp.from(leaseUntil)).param("limit", limit)
                .query((rs, i) -> new Claimed(rs.getLong(1), rs.getInt(2), rs.getObject(3, UUID.class), URI.create(rs.getString(4)),
                        rs.getString(5), rs.getObject(6, UUID.class), rs.getString(7), rs.getInt(8), rs.getTimestamp(9).toInstant(),
                        rs.getString(10), rs.getString(11), rs.getString(12)))
                .list();
    }

    /**
     * Records a 2xx answer. Later deliveries of the aggregate that waited behind this one become due
     * at once. False when the delivery was no longer pending.
     */
    public boolean delivered(long id, int statusCode, Instant now) {
        int updated = jdbc.sql("""
                update webhook_delivery set status = 'DELIVERED', last_status_code = :code, last_error = null,
                       finished_at = :now, next_attempt_at = :now
                where id = :id and status = 'PENDING'""")
                .param("code", statusCode).param("now", Timestamp.from(now)).param("id", id)
                .update();
        if (updated == 1) {
            releaseSuccessors(id, now);
        }
        return updated == 1;
    }

    /**
     * Records a failed attempt and schedules the next one at {@code nextAttemptAt}. Deliveries of the
     * same aggregate that wait behind it are pushed to the same time, so the sender does not scan a
     * long blocked backlog on every poll while a subscriber is down. False when the attempt is stale
     * (the lease passed and another attempt was claimed) or the delivery is no longer pending.
     */
    public boolean failed(long id, int attempt, Integer statusCode, String error, Instant nextAttemptAt) {
        int updated = jdbc.sql("""
                update webhook_delivery set last_status_code = :code, last_error = :error, next_attempt_at = :next
                where id = :id and status = 'PENDING' and attempts = :attempt""")
                .param("code", statusCode).param("error", error).param("next", Timestamp.from(nextAttemptAt))
                .param("id", id).param("attempt", attempt)
                .update();
        if (updated == 1) {
            jdbc.sql("""
                    update webhook_delivery w set next_attempt_at = :next
                    from webhook_delivery h
                    where h.id = :id and w.subscription_id = h.subscription_id and w.aggregate_type = h.aggregate_type
                      and w.aggregate_id = h.aggregate_id and w.status = 'PENDING' and w.id <> h.id
                      and (w.event_sequence, w.id) > (h.event_sequence, h.id) and w.next_attempt_at < :next""")
                    .param("next", Timestamp.from(nextAttemptAt)).param("id", id)
                    .update();
        }
        return updated == 1;
    }

    /**
     * Parks a delivery whose last allowed attempt failed; the deliveries of its aggregate that waited
     * behind it become due at once. False when the attempt is stale or the delivery no longer pending.
     */
    public boolean park(long id, int attempt, Integer statusCode, String error, Instant now) {
        int updated = jdbc.sql("""
                update webhook_delivery set status = 'DEAD', last_status_code = :code, last_error = :error,
                       finished_at = :now, next_attempt_at = :now
                where id = :id and status = 'PENDING' and attempts = :attempt""")
                .param("code", statusCode).param("error", error).param("now", Timestamp.from(now))
                .param("id", id).param("attempt", attempt)
                .update();
        if (updated == 1) {
            releaseSuccessors(id, now);
        }
        return updated == 1;
    }

    private void releaseSuccessors(long id, Instant now) {
        // Only deliveries that never ran: a successor with attempts of its own keeps its backoff.
        jdbc.sql("""
                update webhook_delivery w set next_attempt_at = :now
                from webhook_delivery h
                where h.id = :id and w.subscription_id = h.subscription_id and w.aggregate_type = h.aggregate_type
                  and w.aggregate_id = h.aggregate_id and w.status = 'PENDING' and w.attempts = 0
                  and w.next_attempt_at > :now""")
                .param("now", Timestamp.from(now)).param("id", id)
                .update();
    }

    /** A subscription's deliveries, newest first, strictly before delivery {@code before} when given. */
    public List<WebhookDelivery> list(UUID subscriptionId, DeliveryStatus status, Long before, int limit) {
        return jdbc.sql("""
                select id, subscription_id, event_id, event_type, aggregate_type, aggregate_id, status, attempts,
                       next_attempt_at, last_attempt_at, last_status_code, last_error, replay, created_at, finished_at
                from webhook_delivery
                where subscription_id = :subscription
                  and (cast(:status as text) is null or status = :status)
                  and (cast(:before as bigint) is null or id < :before)
                order by id desc
                limit :limit""")
                .param("subscription", subscriptionId).param("status", status == null ? null : status.name())
                .param("before", before).param("limit", limit)
                .query(DeliveryStore::row).list();
    }

    /**
     * Queues a new delivery, in sequence order, of every stored event the subscription's patterns
     * match that occurred at or after {@code from}. Returns how many were queued.
     */
    public int replay(UUID subscriptionId, Instant from, Instant now) {
        return jdbc.sql("""
                insert into webhook_delivery (subscription_id, event_sequence, event_id, event_type, aggregate_type,
                                              aggregate_id, status, next_attempt_at, created_at, replay)
                select s.id, e.sequence, e.id, e.type, e.aggregate_type, e.aggregate_id, 'PENDING', :now, :now, true
                from webhook_subscription s
                join outbox_event e on e.occurred_at >= :from and webhook_matches(s.event_types, e.type)
                where s.id = :subscription
                order by e.sequence""")
                .param("subscription", subscriptionId).param("from", Timestamp.from(from)).param("now", Timestamp.from(now))
                .update();
    }

    /**
     * How many of the subscription's parked deliveries are still the last word on their event: no
     * later delivery of the same event (a replay) was queued to the subscription after it parked.
     */
    public long parkedNotQueuedAgain(UUID subscriptionId) {
        return jdbc.sql("""
                select count(*) from webhook_delivery d
                where d.subscription_id = :subscription and d.status = 'DEAD'
                  and not exists (select 1 from webhook_delivery r
                                  where r.subscription_id = d.subscription_id and r.event_id = d.event_id and r.id > d.id)""")
                .param("subscription", subscriptionId)
                .query(Long.class).single();
    }

    /** Deliveries still to be made, over all subscriptions. */
    public long backlog() {
        return jdbc.sql("select count(*) from webhook_delivery where status = 'PENDING'").query(Long.class).single();
    }

    private static WebhookDelivery row(ResultSet rs, int i) throws SQLException {
        DeliveryStatus status = DeliveryStatus.valueOf(rs.getString(7));
        return new WebhookDelivery(Long.toString(rs.getLong(1)), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                rs.getString(4), rs.getString(5), rs.getString(6), status, rs.getInt(8),
                status == DeliveryStatus.PENDING ? instant(rs.getTimestamp(9)) : null, instant(rs.getTimestamp(10)), (Integer) rs.getObject(11), rs.getString(12),
                rs.getBoolean(13), instant(rs.getTimestamp(14)), instant(rs.getTimestamp(15)));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
