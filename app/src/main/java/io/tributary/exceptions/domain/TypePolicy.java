package io.tributary.exceptions.domain;

import io.tributary.access.Role;
import io.tributary.exceptions.Severity;
import java.time.Duration;

/** What a type of case starts with: its severity, the role that owns it and its SLA. */
public record TypePolicy(Severity severity, Role ownerRole, Duration sla) {

    public TypePolicy {
        if (sla.isNegative() || sla.isZero()) {
            throw new IllegalArgumentException("an SLA must be positive");
        }
    }
}
