package io.tributary.catalog;

import io.tributary.shared.ValidationFailed;
import java.util.regex.Pattern;

/**
 * A stock keeping unit's code: 1 to 64 characters of A-Z, a-z, 0-9, '-', '_', '.', starting
 * with a letter or digit. Case-sensitive, as channels and suppliers send it.
 */
public record Sku(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public Sku {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid SKU: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Parses a SKU from client input, naming {@code field} when it is malformed. */
    public static Sku parse(String value, String field) {
        if (!isValid(value)) {
            throw new ValidationFailed(field, value == null ? "is required"
                    : "must be 1-64 characters of A-Z, a-z, 0-9, '.', '_' or '-', starting with a letter or digit");
        }
        return new Sku(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
