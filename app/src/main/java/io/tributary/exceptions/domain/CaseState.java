package io.tributary.exceptions.domain;

import io.tributary.access.Actor;
import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionStatus;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Severity;
import io.tributary.shared.Forbidden;
import io.tributary.shared.InvalidTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * The mutable part of a case, loaded locked for one transition. Its business verbs check the move
 * against {@link ExceptionStatus#canMoveTo} and refuse an illegal one with {@code invalid-transition};
 * who may work a case (its owning role or an admin) is checked here too, because it depends on the
 * case and not on the URL.
 */
public record CaseState(UUID id, ExceptionType type, String entityType, String entityId, ExceptionStatus status, Severity severity, Role ownerRole,
                        String assignee, int escalationLevel, Instant dueAt, long version) {

    /** Whether {@code actor} may assign or resolve this case: ADMIN, or the case's owning role. */
    public boolean workableBy(Actor actor) {
        return actor.has(Role.ADMIN) || actor.has(ownerRole);
    }

    public void requireWorkableBy(Actor actor, String action) {
        if (!workableBy(actor)) {
            throw new Forbidden("Only " + ownerRole + " or ADMIN may " + action + " a " + type + " case.");
        }
    }

    public CaseState assignTo(String user) {
        move(ExceptionStatus.ASSIGNED, "assign");
        return new CaseState(id, type, entityType, entityId, ExceptionStatus.ASSIGNED, severity, ownerRole, user, escalationLevel, dueAt, version);
    }

    public CaseState resolve() {
        move(ExceptionStatus.RESOLVED, "resolve");
        return new CaseState(id, type, entityType, entityId, ExceptionStatus.RESOLVED, severity, ownerRole, assignee, escalationLevel, dueAt, version);
    }

    /** Escalates a due case; refuses one that is resolved or not yet due. */
    public EscalationPolicy.Escalation escalate(Instant now, Duration sla) {
        if (!EscalationPolicy.isDue(status, dueAt, now)) {
            throw new InvalidTransition("exception case", status, "escalate (not due until " + dueAt + ")");
        }
        return EscalationPolicy.escalate(escalationLevel, severity, now, sla);
    }

    private void move(ExceptionStatus next, String action) {
        if (!status.canMoveTo(next)) {
            throw new InvalidTransition("exception case", status, action);
        }
    }
}
