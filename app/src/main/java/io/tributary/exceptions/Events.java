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

    /** A new case was raised ({@code exception.raised}); a repeat of an open case publishes nothing. */
    public record ExceptionRaised(UUID exception, ExceptionType type, Severity severity, Role ownerRole, String entityType,
                                  String entityId, String summary, Instant raisedAt, Instant dueAt) implements ExternalEvent {
        @Override
        public String eventType() {
            return "exception.raised";
        }

        @Override
        public String aggregateType() {
            return "exception";
        }

        @Override
        public String aggregateId() {
            return exception.toString();
        }
    }

    /** A case was assigned or reassigned to a user ({@code exception.assigned}). */
    public record ExceptionAssigned(UUID exception, ExceptionType type, String entityType, String entityId, String assignee,
                                    String assignedBy, Instant assignedAt) implements ExternalEvent {
        @Override
        public String eventType() {
            return "exception.assigned";
        }

        @Override
        public String aggregateType() {
            return "exception";
        }

        @Override
        public String aggregateId() {
            return exception.toString();
        }
    }

    /** An unresolved case passed its due time and escalated ({@code exception.escalated}). */
    public record ExceptionEscalated(UUID exception, ExceptionType type, String entityType, String entityId, Role ownerRole,
                                     int escalationLevel, Severity severity, Instant escalatedAt, Instant dueAt)
            implements ExternalEvent {
        @Override
        public String eventType() {
            return "exception.escalated";
        }

        @Override
        public String aggregateType() {
            return "exception";
        }

        @Override
        public String aggregateId() {
            return exception.toString();
        }
    }

    /** A case was resolved, by a person or because its cause was cleared elsewhere ({@code exception.resolved}). */
    public record ExceptionResolved(UUID exception, ExceptionType type, String entityType, String entityId, String action,
                                    String resolvedBy, Instant resolvedAt) implements ExternalEvent {
        @Override
        public String eventType() {
            return "exception.resolved";
        }

        @Override
        public String aggregateType() {
            return "exception";
        }

        @Override
        public String aggregateId() {
            return exception.toString();
        }
    }
}
