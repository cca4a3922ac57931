package io.tributary.shared;

import java.util.List;

/** The request is well-formed JSON but breaks a rule; each offending field is named. */
public class ValidationFailed extends DomainException {

    public ValidationFailed(List<FieldError> errors) {
        super("validation-failed", 400, summary(errors), errors, java.util.Map.of());
    }

    public ValidationFailed(String field, String message) {
        this(List.of(new FieldError(field, message)));
    }

    private static String summary(List<FieldError> errors) {
        if (errors.isEmpty()) {
            return "The request is invalid.";
        }
        FieldError first = errors.get(0);
        return first.field() + ": " + first.message() + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
    }
}
