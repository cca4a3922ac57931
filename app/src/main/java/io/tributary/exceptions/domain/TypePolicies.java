package io.tributary.exceptions.domain;

import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Severity;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The policy of every exception type: the defaults declared on {@link ExceptionType}, with the
 * operator's overrides applied. An override naming an unknown type or an invalid value stops the
 * application at start-up rather than being ignored.
 */
public final class TypePolicies {

    private final Map<ExceptionType, TypePolicy> policies;

    private TypePolicies(Map<ExceptionType, TypePolicy> policies) {
        this.policies = policies;
    }

    /** The defaults of every type, unchanged. */
    public static TypePolicies defaults() {
        return of(Map.of(), Map.of(), Map.of());
    }

    /**
     * Defaults overridden per type name: SLAs (positive durations), severities and owning roles
     * (enum names). Names are matched ignoring case, with {@code -} and {@code .} read as {@code _}.
     */
    public static TypePolicies of(Map<String, Duration> slas, Map<String, String> severities, Map<String, String> roles) {
        Map<ExceptionType, TypePolicy> policies = new EnumMap<>(ExceptionType.class);
        for (ExceptionType type : ExceptionType.values()) {
            policies.put(type, new TypePolicy(type.defaultSeverity(), type.defaultRole(), type.defaultSla()));
        }
        slas.forEach((name, sla) -> {
            ExceptionType type = type(name, "sla");
            if (sla == null || sla.isNegative() || sla.isZero()) {
                throw new IllegalArgumentException("tributary.exceptions.sla." + name + " must be a positive duration");
            }
            TypePolicy p = policies.get(type);
            policies.put(type, new TypePolicy(p.severity(), p.ownerRole(), sla));
        });
        severities.forEach((name, value) -> {
            ExceptionType type = type(name, "severity");
            TypePolicy p = policies.get(type);
            policies.put(type, new TypePolicy(constant(Severity.class, value, "severity." + name), p.ownerRole(), p.sla()));
        });
        roles.forEach((name, value) -> {
            ExceptionType type = type(name, "role");
            Role role = constant(Role.class, value, "role." + name);
            if (role == Role.CHANNEL) {
                throw new IllegalArgumentException("tributary.exceptions.role." + name + " cannot be CHANNEL: channel keys do not work cases");
            }
            TypePolicy p = policies.get(type);
            policies.put(type, new TypePolicy(p.severity(), role, p.sla()));
        });
        return new TypePolicies(Map.copyOf(policies));
    }

    public TypePolicy of(ExceptionType type) {
        return policies.get(type);
    }

    private static ExceptionType type(String name, String setting) {
        return constant(ExceptionType.class, name, setting + "." + name + " (unknown exception type)");
    }

    private static <E extends Enum<E>> E constant(Class<E> enumType, String value, String setting) {
        String normalised = value == null ? "" : value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
        try {
            return Enum.valueOf(enumType, normalised);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("tributary.exceptions." + setting + ": '" + value + "' is not one of "
                    + java.util.Arrays.toString(enumType.getEnumConstants()));
        }
    }
}
