package io.tributary.exceptions;

import io.tributary.access.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One case in the exception queue, as read. A case is raised (by a module, in the transaction of
 * the change that caused it) OPEN with its type's severity, owning role and due time; a person of
 * that role (or an admin) may assign it to a user and resolves it with a note and an action. While
 * unresolved past {@code dueAt} it escalates: {@code escalationLevel} rises, severity goes up one
 * step and a new due time is set. Raising the same type for the same entity again while the case is
 * unresolved counts an {@code occurrence} instead of creating a second case.
 *
 * @param overdue  unresolved and past {@code dueAt} at the time of reading
 * @param history  every transition, oldest first; present when one case is read, absent in lists
 */
public record ExceptionCase(UUID id, ExceptionType type, Severity severity, ExceptionStatus status, String entityType,
                            String entityId, Role ownerRole, String summary, Map<String, Object> details,
                            Instant raisedAt, String raisedBy, int occurrences, Instant lastRaisedAt, Instant dueAt,
                            boolean overdue, String assignee, Instant assignedAt, int escalationLevel, Instant escalatedAt,
                            String resolutionNote, String resolutionAction, String resolvedBy, Instant resolvedAt,
                            List<Transition> history) {

    /** What happened to a case: the kinds of entries in its history. */
    public enum Event { RAISED, RAISED_AGAIN, ASSIGNED, ESCALATED, RESOLVED }

    /**
     * One entry of a case's history: who did what, when, from which status to which, with a note
     * (the repeat's summary, the assignee, the escalation level, the resolution note).
     */
    public record Transition(Instant at, String actor, Event event, ExceptionStatus from, ExceptionStatus to, String note) {
    }
}
