package io.tributary.integration;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** What callers ask the {@link Webhooks} facade to do. */
public final class Commands {

    private Commands() {
    }

    /**
     * Subscribe {@code url} (http or https) to the event types matched by {@code events}; deliveries
     * are signed with {@code secret}.
     */
    public record Subscribe(URI url, List<String> events, String secret, String description) {
    }

    /** Send again every stored event of the subscription's types that occurred at or after {@code from}. */
    public record Replay(Instant from) {
    }

    /** How many deliveries a replay queued. */
    public record Replayed(java.util.UUID subscriptionId, Instant from, int queued) {
    }
}
