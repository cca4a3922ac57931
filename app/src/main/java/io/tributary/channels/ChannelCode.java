package io.tributary.channels;

import io.tributary.shared.ValidationFailed;
import java.util.regex.Pattern;

/** A sales channel's natural key, e.g. {@code web-eu} or {@code AMAZON_DE}: 1 to 40 of A-Z, a-z, 0-9, '-', '_'. */
public record ChannelCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    public ChannelCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid channel code: " + value);
        }
    }

    public static boolean isValid(String value) {
        return value != null && PATTERN.matcher(value).matches();
    }

    /** Parses a code from client input, naming {@code field} when it is malformed. */
    public static ChannelCode parse(String value, String field) {
        if (!isValid(value)) {
            throw new ValidationFailed(field, value == null ? "is required" : "must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'");
        }
        return new ChannelCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
