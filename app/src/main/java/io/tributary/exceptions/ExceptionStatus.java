package io.tributary.exceptions;

/**
 * Where a case is in its life: OPEN when raised, ASSIGNED once a person has taken it (it may be
 * reassigned), RESOLVED when its cause has been dealt with. RESOLVED is final: a new problem with
 * the same entity raises a new case.
 */
public enum ExceptionStatus {
    OPEN, ASSIGNED, RESOLVED;

    /** Whether a case in this status may move to {@code next}. */
    public boolean canMoveTo(ExceptionStatus next) {
        return switch (this) {
            case OPEN -> next == ASSIGNED || next == RESOLVED;
            case ASSIGNED -> next == ASSIGNED || next == RESOLVED;
            case RESOLVED -> false;
        };
    }

    /** OPEN and ASSIGNED cases are still waiting for someone; they escalate when overdue. */
    public boolean unresolved() {
        return this != RESOLVED;
    }
}
