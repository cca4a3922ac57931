package io.tributary.shared;

/** A state machine was asked for a move its current state does not allow. Never a silent no-op. */
public class InvalidTransition extends DomainException {

    public InvalidTransition(String what, Object from, String action) {
        super("invalid-transition", 409, "Cannot " + action + " " + what + " in status " + from + ".");
    }
}
