package io.tributary.procurement;

import io.tributary.shared.ValidationFailed;
import java.util.regex.Pattern;

/** A supplier's natural key, e.g. {@code ACME} or {@code acme-eu}: 1 to 40 of A-Z, a-z, 0-9, '-', '_'. */
public record SupplierCode(@com.fasterxml.jackson.annotation.JsonValue String value) {

    private static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,39}");

    public SupplierCode {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new IllegalArgumentException("invalid supplier code: " + value);
        }
    }

    /** Parses a code from client input, naming {@code field} when it is malformed. */
    public static SupplierCode parse(String value, String field) {
        if (value == null || !PATTERN.matcher(value).matches()) {
            throw new ValidationFailed(field, value == null ? "is required" : "must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'");
        }
        return new SupplierCode(value);
    }

    @Override
    public String toString() {
        return value;
    }
}
