package io.tributary.exceptions.persistence;

import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionCase;
import io.tributary.exceptions.ExceptionCase.Event;
import io.tributary.exceptions.ExceptionCase.Transition;
import io.tributary.exceptions.ExceptionStatus;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Severity;
import io.tributary.exceptions.domain.CaseState;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL for exception cases and their history; the only place in the module that touches its tables. */
@Repository
public class ExceptionStore {

    private static final String CASE_COLUMNS = """
            id, type, severity, status, entity_type, entity_id, owner_role, summary, details::text, raised_at, raised_by,
            occurrences, last_raised_at, due_at, assignee, assigned_at, escalation_level, escalated_at, resolution_note,
            resolution_action, resolved_by, resolved_at""";
    private static final String STATE_COLUMNS = "id, type, entity_type, entity_id, status, severity, owner_role, assignee, escalation_level, due_at, version";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    ExceptionStore(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** A case to insert, OPEN. */
    public record NewCase(UUID id, ExceptionType type, Severity severity, Role ownerRole, String entityType, String entityId,
                          String summary, Map<String, Object> details, Instant raisedAt, String raisedBy, Instant dueAt) {
    }

    /**
     * Inserts the case unless an unresolved one exists for its type and entity (the partial unique
     * index decides, across instances); true when inserted. A concurrent uncommitted insert of the
     * same key makes this wait for that transaction's outcome.
     */
    public boolean insertUnlessOpen(NewCase c) {
        return jdbc.sql("""
                insert into exception_case (id, type, severity, status, entity_type, entity_id, owner_role, summary, details,
                    raised_at, raised_by, last_raised_at, due_at)
                values (:id, :type, :severity, 'OPEN', :entityType, :entityId, :role, :summary, cast(:details as jsonb),
                    :raisedAt, :raisedBy, :raisedAt, :dueAt)
                on conflict (type, entity_type, entity_id) where status <> 'RESOLVED' do nothing""")
                .param("id", c.id()).param("type", c.type().name()).param("severity", c.severity().name())
                .param("entityType", c.entityType()).param("entityId", c.entityId()).param("role", c.ownerRole().name())
                .param("summary", c.summary()).param("details", c.details() == null ? null : json.writeValueAsString(c.details()))
                .param("raisedAt", Timestamp.from(c.raisedAt())).param("raisedBy", c.raisedBy()).param("dueAt", Timestamp.from(c.dueAt()))
                .update() == 1;
    }

    /** The unresolved case of this type and entity, locked; empty when there is none. */
    public Optional<CaseState> lockUnresolved(ExceptionType type, String entityType, String entityId) {
        return jdbc.sql("select " + STATE_COLUMNS + """
                 from exception_case where type = :type and entity_type = :entityType and entity_id = :entityId
                and status <> 'RESOLVED' for update""")
                .param("type", type.name()).param("entityType", entityType).param("entityId", entityId)
                .query(ExceptionStore::state).optional();
    }

    /** The case, locked for a transition. */
    public Optional<CaseState> lock(UUID id) {
        return jdbc.sql("select " + STATE_COLUMNS + " from exception_case where id = :id for update")
                .param("id", id).query(ExceptionStore::state).optional();
    }

    /** Locks up to {@code limit} unresolved cases due at {@code now}, skipping those another instance holds. */
    public List<CaseState> lockDue(Instant now, int limit) {
        return jdbc.sql("select " + STATE_COLUMNS + """
                 from exception_case where status <> 'RESOLVED' and due_at <= :now
                order by due_at, id limit :limit for update skip locked""")
                .param("now", Timestamp.from(now)).param("limit", limit)
                .query(ExceptionStore::state).list();
    }

    /** Counts one more occurrence of the cause of an unresolved case. */
    public void recordRepeat(CaseState s, Instant now) {
        expectOne(jdbc.sql("""
                update exception_case set occurrences = occurrences + 1, last_raised_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("now", Timestamp.from(now)).param("id", s.id()).param("version", s.version()).update(), s);
    }

    public void assign(CaseState s, String user, Instant now) {
        expectOne(jdbc.sql("""
                update exception_case set status = 'ASSIGNED', assignee = :user, assigned_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("user", user).param("now", Timestamp.from(now)).param("id", s.id()).param("version", s.version()).update(), s);
    }

    public void resolve(CaseState s, String note, String action, String by, Instant now) {
        expectOne(jdbc.sql("""
                update exception_case set status = 'RESOLVED', resolution_note = :note, resolution_action = :action,
                    resolved_by = :by, resolved_at = :now, version = version + 1
                where id = :id and version = :version""")
                .param("note", note).param("action", action).param("by", by).param("now", Timestamp.from(now))
                .param("id", s.id()).param("version", s.version()).update(), s);
    }

    public void escalate(CaseState s, int level, Severity severity, Instant at, Instant dueAt) {
        expectOne(jdbc.sql("""
                update exception_case set escalation_level = :level, severity = :severity, escalated_at = :at, due_at = :dueAt,
                    version = version + 1
                where id = :id and version = :version""")
                .param("level", level).param("severity", severity.name()).param("at", Timestamp.from(at))
                .param("dueAt", Timestamp.from(dueAt)).param("id", s.id()).param("version", s.version()).update(), s);
    }

    public void appendHistory(UUID id, Transition t) {
        jdbc.sql("""
                insert into exception_history (case_id, at, actor, event, from_status, to_status, note)
                values (:id, :at, :actor, :event, :from, :to, :note)""")
                .param("id", id).param("at", Timestamp.from(t.at())).param("actor", t.actor()).param("event", t.event().name())
                .param("from", t.from() == null ? null : t.from().name()).param("to", t.to().name()).param("note", t.note())
                .update();
    }

    public List<Transition> history(UUID id) {
        return jdbc.sql("select at, actor, event, from_status, to_status, note from exception_history where case_id = :id order by seq")
                .param("id", id)
                .query((rs, i) -> new Transition(rs.getTimestamp(1).toInstant(), rs.getString(2), Event.valueOf(rs.getString(3)),
                        rs.getString(4) == null ? null : ExceptionStatus.valueOf(rs.getString(4)),
                        ExceptionStatus.valueOf(rs.getString(5)), rs.getString(6)))
                .list();
    }

    /** The case as read, without history; {@code now} decides whether it is overdue. */
    public Optional<ExceptionCase> find(UUID id, Instant now) {
        return jdbc.sql("select " + CASE_COLUMNS + " from exception_case where id = :id")
                .param("id", id).query((rs, i) -> view(rs, now)).optional();
    }

    /** Filters of a list; nulls filter nothing. */
    public record Filter(ExceptionStatus status, ExceptionType type, Role role, String entityType, String entityId,
                         Boolean overdue) {
    }

    /** Cases matching {@code filter} ordered by (due time, id), strictly after the cursor key when given. */
    public List<ExceptionCase> list(Filter filter, Instant afterDue, UUID afterId, int limit, Instant now) {
        StringBuilder where = new StringBuilder("true");
        Map<String, Object> params = new LinkedHashMap<>();
        if (filter.status() != null) {
            where.append(" and status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.type() != null) {
            where.append(" and type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.role() != null) {
            where.append(" and owner_role = :role");
            params.put("role", filter.role().name());
        }
        if (filter.entityType() != null) {
            where.append(" and entity_type = :entityType");
            params.put("entityType", filter.entityType());
        }
        if (filter.entityId() != null) {
            where.append(" and entity_id = :entityId");
            params.put("entityId", filter.entityId());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and (status <> 'RESOLVED' and due_at <= :now)" : " and not (status <> 'RESOLVED' and due_at <= :now)");
        }
        if (afterDue != null) {
            where.append(" and (due_at, id) > (:afterDue, :afterId)");
            params.put("afterDue", Timestamp.from(afterDue));
            params.put("afterId", afterId);
        }
        params.put("now", Timestamp.from(now));
        params.put("limit", limit);
        return jdbc.sql("select " + CASE_COLUMNS + " from exception_case where " + where + " order by due_at, id limit :limit")
                .params(params).query((rs, i) -> view(rs, now)).list();
    }

    private static CaseState state(ResultSet rs, int i) throws SQLException {
        return new CaseState(rs.getObject(1, UUID.class), ExceptionType.valueOf(rs.getString(2)), rs.getString(3), rs.getString(4),
                ExceptionStatus.valueOf(rs.getString(5)), Severity.valueOf(rs.getString(6)), Role.valueOf(rs.getString(7)),
                rs.getString(8), rs.getInt(9), rs.getTimestamp(10).toInstant(), rs.getLong(11));
    }

    private ExceptionCase view(ResultSet rs, Instant now) throws SQLException {
        ExceptionStatus status = ExceptionStatus.valueOf(rs.getString(4));
        Instant dueAt = rs.getTimestamp(14).toInstant();
        String details = rs.getString(9);
        return new ExceptionCase(rs.getObject(1, UUID.class), ExceptionType.valueOf(rs.getString(2)), Severity.valueOf(rs.getString(3)),
                status, rs.getString(5), rs.getString(6), Role.valueOf(rs.getString(7)), rs.getString(8),
                details == null ? null : json.readValue(details, MAP), instant(rs, 10), rs.getString(11), rs.getInt(12),
                instant(rs, 13), dueAt, status.unresolved() && !dueAt.isAfter(now), rs.getString(15), instant(rs, 16), rs.getInt(17),
                instant(rs, 18), rs.getString(19), rs.getString(20), rs.getString(21), instant(rs, 22), null);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static void expectOne(int updated, CaseState s) {
        // Every transition runs on a row locked in this transaction, so a version mismatch is a bug, not a race.
        if (updated != 1) {
            throw new IllegalStateException("exception case " + s.id() + " changed underneath a locked transition");
        }
    }
}
