package io.tributary.integration.domain;

import io.tributary.shared.DomainException.FieldError;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What makes a subscription acceptable; each broken rule names its field. */
public final class SubscriptionRules {

    public static final int MAX_URL = 2000;
    public static final int MAX_EVENTS = 100;
    public static final int MAX_SECRET = 500;
    public static final int MAX_DESCRIPTION = 500;

    private SubscriptionRules() {
    }

    /** Parses and checks a subscriber URL: absolute http or https with a host, no user info, no fragment. */
    public static URI url(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("url", "is required"));
            return null;
        }
        if (text.length() > MAX_URL) {
            errors.add(new FieldError("url", "must be at most " + MAX_URL + " characters"));
            return null;
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (java.net.URISyntaxException e) {
            errors.add(new FieldError("url", "is not a valid URL"));
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            errors.add(new FieldError("url", "must be an http or https URL"));
            return null;
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            errors.add(new FieldError("url", "must name a host"));
            return null;
        }
        if (uri.getRawUserInfo() != null) {
            errors.add(new FieldError("url", "must not carry credentials; deliveries are authenticated by their signature"));
            return null;
        }
        if (uri.getRawFragment() != null) {
            errors.add(new FieldError("url", "must not have a fragment"));
            return null;
        }
        return uri;
    }

    /** Checks the event type patterns and returns them without duplicates, in the order given. */
    public static List<String> events(List<String> events, List<FieldError> errors) {
        if (events == null || events.isEmpty()) {
            errors.add(new FieldError("events", "must name at least one event type or \"*\""));
            return List.of();
        }
        if (events.size() > MAX_EVENTS) {
            errors.add(new FieldError("events", "must name at most " + MAX_EVENTS + " event types"));
            return List.of();
        }
        List<String> result = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            String e = events.get(i);
            if (!EventTypePatterns.isValid(e)) {
                errors.add(new FieldError("events[" + i + "]",
                        "must be \"*\", an event type such as \"inventory.changed\" or a prefix such as \"reservation.*\""));
            } else if (!result.contains(e)) {
                result.add(e);
            }
        }
        return result;
    }

    public static void secret(String secret, List<FieldError> errors) {
        if (secret == null || secret.isBlank()) {
            errors.add(new FieldError("secret", "is required"));
        } else if (secret.length() > MAX_SECRET) {
            errors.add(new FieldError("secret", "must be at most " + MAX_SECRET + " characters"));
        }
    }

    public static void description(String description, List<FieldError> errors) {
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(new FieldError("description", "must be at most " + MAX_DESCRIPTION + " characters"));
        }
    }
}
