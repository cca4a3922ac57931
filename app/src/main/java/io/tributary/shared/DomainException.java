package io.tributary.shared;

import java.util.List;
import java.util.Map;

/**
 * A business refusal or a client error that the API maps to an RFC 9457 problem. The {@code slug}
 * is the stable last segment of the problem {@code type} URI; clients branch on it.
 */
public class DomainException extends RuntimeException {

    private final String slug;
    private final int status;
    private final List<FieldError> errors;
    private final Map<String, Object> properties;

    public DomainException(String slug, int status, String detail) {
        this(slug, status, detail, List.of(), Map.of());
    }

    public DomainException(String slug, int status, String detail, List<FieldError> errors, Map<String, Object> properties) {
        // A business refusal, not a fault: no stack trace (refusals are frequent under load, e.g. a flash sale).
        super(detail, null, false, false);
        this.slug = slug;
        this.status = status;
        this.errors = List.copyOf(errors);
        this.properties = Map.copyOf(properties);
    }

    public String slug() {
        return slug;
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One offending field of a request: a JSON path such as {@code lines[2].quantity}. */
    public record FieldError(String field, String message) {
    }
}
