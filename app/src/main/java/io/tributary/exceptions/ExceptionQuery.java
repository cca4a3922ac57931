package io.tributary.exceptions;

import io.tributary.access.Role;

/**
 * Filters for listing cases; every filter is optional (null). {@code overdue} true keeps only
 * unresolved cases past their due time, false only those that are not. Results are ordered by due
 * time, then id (most urgent first), and paged with {@code limit} and the opaque {@code cursor}.
 */
public record ExceptionQuery(ExceptionStatus status, ExceptionType type, Role role, String entityType, String entityId,
                             Boolean overdue, Integer limit, String cursor) {

    /** No filter: the first page of all cases. */
    public static ExceptionQuery all() {
        return new ExceptionQuery(null, null, null, null, null, null, null, null);
    }
}
