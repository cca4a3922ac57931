package io.tributary.shared;

/** The addressed resource does not exist (404). Unknown references inside a body use {@link ValidationFailed}. */
public class NotFound extends DomainException {

    public NotFound(String what, String key) {
        super("not-found", 404, what + " '" + key + "' does not exist.");
    }
}
