package io.tributary.exceptions;

import java.util.Map;

/**
 * Raise a case: {@code type} of problem with the entity {@code entityType}/{@code entityId} (e.g.
 * {@code order}/{@code 0190...}), a one-line {@code summary} for the queue and optional
 * {@code details}, a small JSON object (strings, numbers, booleans, lists, nested objects) that
 * helps whoever works the case. Raising again while a case for the same type and entity is
 * unresolved returns that case.
 */
public record RaiseException(ExceptionType type, String entityType, String entityId, String summary, Map<String, Object> details) {

    /** A case without details. */
    public RaiseException(ExceptionType type, String entityType, String entityId, String summary) {
        this(type, entityType, entityId, summary, null);
    }
}
