package io.tributary.exceptions.domain;

import io.tributary.exceptions.ExceptionStatus;
import io.tributary.exceptions.Severity;
import java.time.Duration;
import java.time.Instant;

/**
 * When and how an unresolved case escalates. A case is due when it is OPEN or ASSIGNED and its due
 * time is not after now. Escalating raises the level by one, the severity one step (CRITICAL
 * stays), and sets the next due time one SLA period after the escalation, so a job that was down
 * for hours escalates a case once when it comes back, not once per missed period.
 */
public final class EscalationPolicy {

    private EscalationPolicy() {
    }

    /** The outcome of one escalation. */
    public record Escalation(int level, Severity severity, Instant escalatedAt, Instant dueAt) {
    }

    public static boolean isDue(ExceptionStatus status, Instant dueAt, Instant now) {
        return status.unresolved() && !dueAt.isAfter(now);
    }

    public static Escalation escalate(int level, Severity severity, Instant now, Duration sla) {
        return new Escalation(level + 1, severity.raised(), now, now.plus(sla));
    }
}
