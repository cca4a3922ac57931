package io.tributary.integration.persistence;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the outbox: writing a transaction's events with their deliveries, and retention. */
@Repository
public class OutboxStore {

    private final JdbcClient jdbc;

    OutboxStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An event to store; {@code payload} is the JSON text of its data. */
    public record NewEvent(UUID id, String type, int version, String aggregateType, String aggregateId,
                           Instant occurredAt, String payload) {
    }

    /**
     * Inserts the events in the given order, so their sequence numbers follow it, and one PENDING
     * delivery per event and active matching subscription, all in one statement (one round trip
     * whatever the number of events). Returns the number of deliveries created.
     */
    public int insert(List<NewEvent> events, Instant now) {
        if (events.isEmpty()) {
            return 0;
        }
        int n = events.size();
        UUID[] ids = new UUID[n];
        String[] types = new String[n];
        Integer[] versions = new Integer[n];
        String[] aggregateTypes = new String[n];
        String[] aggregateIds = new String[n];
        String[] occurred = new String[n];
        String[] payloads = new String[n];
        for (int i = 0; i < n; i++) {
            NewEvent e = events.get(i);
            ids[i] = e.id();
            types[i] = e.type();
            versions[i] = e.version();
            aggregateTypes[i] = e.aggregateType();
            aggregateIds[i] = e.aggregateId();
            occurred[i] = e.occurredAt().toString();
            payloads[i] = e.payload();
        }
        return jdbc.sql("""
                with e as (
                    insert into outbox_event (id, type, version, aggregate_type, aggregate_id, occurred_at, payload)
                    select t.id, t.type, t.version, t.aggregate_type, t.aggregate_id, t.occurred_at, t.payload::json
                    from unnest(:ids::uuid[], :types::text[], :versions::int[], :aggregateTypes::text[],
                                :aggregateIds::text[], :occurred::timestamptz[], :payloads::text[]) with ordinality
                         as t(id, type, version, aggregate_type, aggregate_id, occurred_at, payload, ord)
                    order by t.ord
                    returning sequence, id, type, aggregate_type, aggregate_id)
                insert into webhook_delivery (subscription_id, event_sequence, event_id, event_type, aggregate_type,
                                              aggregate_id, status, next_attempt_at, created_at)
                select s.id, e.sequence, e.id, e.type, e.aggregate_type, e.aggregate_id, 'PENDING', :now, :now
                from e join webhook_subscription s on s.active and webhook_matches(s.event_types, e.type)
                order by e.sequence, s.id""")
                .param("ids", ids).param("types", types).param("versions", versions)
                .param("aggregateTypes", aggregateTypes).param("aggregateIds", aggregateIds)
                .param("occurred", occurred).param("payloads", payloads)
                .param("now", Timestamp.from(now))
                .update();
    }

    /**
     * Deletes up to {@code batch} events that occurred before {@code cutoff} and that no PENDING
     * delivery still needs, with their finished deliveries. Returns how many events went.
     */
    public int deleteExpired(Instant cutoff, int batch) {
        return jdbc.sql("""
                delete from outbox_event where sequence in (
                    select e.sequence from outbox_event e
                    where e.occurred_at < :cutoff
                      and not exists (select 1 from webhook_delivery d
                                      where d.event_sequence = e.sequence and d.status = 'PENDING')
                    order by e.sequence
                    limit :batch
                    for update skip locked)""")
                .param("cutoff", Timestamp.from(cutoff)).param("batch", batch)
                .update();
    }
}
