package io.tributary.exceptions;

import io.tributary.access.Role;
import io.tributary.shared.events.ExternalEvent;
import java.time.Instant;
import java.util.UUID;

/**
 * Events of the exception queue, published in the transaction that changed the case (aggregate
 * type {@code exception}, id the case id). The integration module delivers them to webhook
 * subscribers; alerting and insights consume them. Consumers dedupe by event id.
 */
public final class Events {

    private Events() {
    }

    /** What every event of a case shares: the case is the aggregate. */
    public interface CaseEvent extends ExternalEvent {
        UUID exception();

        @Override
        default String aggregateType() {
            return "exception";
        }

        @Override
        default String aggregateId() {
            return exception().toString();
        }
    }

    /** A new case was raised ({@code exception.raised}); a repeat of an open case publishes nothing. */
    public record ExceptionRaised(UUID exception, ExceptionType type, Severity severity, Role ownerRole, String entityType,
                                  String entityId, String summary, Instant raisedAt, Instant dueAt) implements CaseEvent {
        @Override
        public String eventType() {
            return "exception.raised";
        }
    }

    /** A case was assigned or reassigned to a user ({@code exception.assigned}). */
    public record ExceptionAssigned(UUID exception, ExceptionType type, String entityType, String entityId, String assignee,
                                    String assignedBy, Instant assignedAt) implements CaseEvent {
        @Override
        public String eventType() {
            return "exception.assigned";
        }
    }

    /** An unresolved case passed its due time and escalated ({@code exception.escalated}). */
    public record ExceptionEscalated(UUID exception, ExceptionType type, String entityType, String entityId, Role ownerRole,
                                     int escalationLevel, Severity severity, Instant escalatedAt, Instant dueAt)
            implements CaseEvent {
        @Override
        public String eventType() {
            return "exception.escalated";
        }
    }

    /** A case was resolved, by a person or because its cause was cleared elsewhere ({@code exception.resolved}). */
    public record ExceptionResolved(UUID exception, ExceptionType type, String entityType, String entityId, String action,
                                    String resolvedBy, Instant resolvedAt) implements CaseEvent {
        @Override
        public String eventType() {
            return "exception.resolved";
        }
    }
}
