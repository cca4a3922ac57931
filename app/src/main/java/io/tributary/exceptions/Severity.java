package io.tributary.exceptions;

/**
 * How urgent a case is, from LOW to CRITICAL. A case starts at its type's default severity and
 * rises one step each time it escalates; CRITICAL is the ceiling.
 */
public enum Severity {
    LOW, MEDIUM, HIGH, CRITICAL;

    /** The next step up; CRITICAL stays CRITICAL. */
    public Severity raised() {
        return switch (this) {
            case LOW -> MEDIUM;
            case MEDIUM -> HIGH;
            case HIGH, CRITICAL -> CRITICAL;
        };
    }
}
