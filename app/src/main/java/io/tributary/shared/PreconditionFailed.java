package io.tributary.shared;

/** {@code If-Match} named a version that is no longer current (412). */
public class PreconditionFailed extends DomainException {

    public PreconditionFailed(String detail) {
        super("precondition-failed", 412, detail);
    }
}
