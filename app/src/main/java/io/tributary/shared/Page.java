package io.tributary.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a keyset-paginated list. The cursor is opaque to clients: the base64 of the last
 * key returned, so the next page starts strictly after it.
 */
public record Page<T>(List<T> items, String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    public static int limit(Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw new ValidationFailed("limit", "must be between 1 and " + MAX_LIMIT);
        }
        return requested;
    }

    public static String decodeCursor(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("cursor", "is not a cursor returned by this list");
        }
    }

    /** The id a cursor of an id-keyed list carries, or null for no cursor. */
    public static java.util.UUID decodeIdCursor(String cursor) {
        String decoded = decodeCursor(cursor);
        if (decoded == null) {
            return null;
        }
        try {
            return java.util.UUID.fromString(decoded);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("cursor", "is not a cursor returned by this list");
        }
    }

    public static String encodeCursor(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    /** Builds a page from up to {@code limit + 1} rows: the extra row only proves there is more. */
    public static <T> Page<T> of(List<T> rows, int limit, java.util.function.Function<T, String> key) {
        if (rows.size() <= limit) {
            return new Page<>(rows, null);
        }
        List<T> items = rows.subList(0, limit);
        return new Page<>(List.copyOf(items), encodeCursor(key.apply(items.get(limit - 1))));
    }
}
