package io.tributary.shared.web;

import java.util.Optional;
import java.util.function.LongPredicate;

/**
 * Versions as entity tags: the strong tag {@code "<version>"}. {@code If-Match} accepts a list of tags,
 * weak or strong (compared by version), or {@code *} for "any current version".
 */
public final class ETags {

    private ETags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Empty without an {@code If-Match}; otherwise a test of the stored version. */
    public static Optional<LongPredicate> ifMatch(String header) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        if (header.trim().equals("*")) {
            return Optional.of(v -> true);
        }
        java.util.Set<Long> versions = new java.util.HashSet<>();
        for (String tag : header.split(",")) {
            String t = tag.trim();
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")) {
                t = t.substring(1, t.length() - 1);
            }
            try {
                versions.add(Long.parseLong(t));
            } catch (NumberFormatException e) {
                // a tag we never issued matches no version
            }
        }
        return Optional.of(versions::contains);
    }
}
