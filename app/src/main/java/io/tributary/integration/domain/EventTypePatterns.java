package io.tributary.integration.domain;

import java.util.regex.Pattern;

/**
 * The event types a subscription may name: {@code "*"} for everything, an exact type
 * ({@code inventory.changed}: dotted lower-case words) or a prefix ending in {@code .*}
 * ({@code reservation.*} matches {@code reservation.created}). The database function
 * {@code webhook_matches} applies the same rule when events are written and replayed.
 */
public final class EventTypePatterns {

    private static final Pattern VALID = Pattern.compile("\\*|[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*(\\.\\*)?");

    private EventTypePatterns() {
    }

    public static boolean isValid(String pattern) {
        return pattern != null && pattern.length() <= 200 && VALID.matcher(pattern).matches();
    }

    /** Whether {@code pattern} selects events of {@code type}. */
    public static boolean matches(String pattern, String type) {
        if (pattern.equals("*") || pattern.equals(type)) {
            return true;
        }
        return pattern.endsWith(".*") && type.startsWith(pattern.substring(0, pattern.length() - 1));
    }
}
