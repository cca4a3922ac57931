package io.tributary.shared;

/** The caller is authenticated but may not touch this object, e.g. another channel's reservation. */
public class Forbidden extends DomainException {

    public Forbidden(String detail) {
        super("forbidden", 403, detail);
    }
}
