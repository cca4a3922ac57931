package io.tributary.network;

import io.tributary.shared.ValidationFailed;
import java.util.regex.Pattern;

/** A location's (node's) natural key, e.g. {@code DC-BER} or {@code store_042}: 1 to 40 of A-Z, a-z, 0-9, '-', '_'. */
public record LocationCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    public LocationCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid location code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Parses a code from client input, naming {@code field} when it is malformed. */
    public static LocationCode parse(String value, String field) {
        if (!isValid(value)) {
            throw new ValidationFailed(field, value == null ? "is required" : "must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'");
        }
        return new LocationCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
