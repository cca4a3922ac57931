package io.tributary.exceptions;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.integration.WebhookDeliveryParked;
import io.tributary.integration.WebhookEventsReplayed;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns the integration module's parked webhook deliveries into {@link ExceptionType#WEBHOOK_PARKED}
 * cases and clears them when a replay sends the parked events again. The integration module only
 * publishes events; it knows nothing of the queue.
 *
 * <p>The case's entity is the subscription ({@code webhook_subscription}), not the single delivery:
 * a subscriber that is down parks one delivery per event, and the queue should show one problem
 * whose occurrences count them (each repeat with its delivery in the case's history). Keying by
 * delivery would also feed itself: every new case publishes {@code exception.raised}, which is
 * delivered to the same dead subscriber, parks, and raises the next case (one more per subscriber
 * that is down, for ever). With one open case per subscription a repeat publishes nothing.
 *
 * <p>Both listeners are plain synchronous {@code @EventListener}s, so they run inside the
 * publisher's transaction: the case is raised in the very transaction that marks the delivery DEAD
 * (and resolved in the one that queues the replay), and commits or rolls back with it. An after-commit
 * listener ({@code @ApplicationModuleListener}) would leave a window between the park's commit and
 * the raise in which a crash loses the case until the publication registry's redelivery job runs,
 * and a redelivered raise could double-count. If raising fails, the park rolls back too and the
 * sender parks the delivery again once its lease has passed.
 */
@Component
class ParkedWebhooks {

    static final String ENTITY_TYPE = "webhook_subscription";
    private static final int MAX_SUMMARY = 500;

    private final Exceptions exceptions;

    ParkedWebhooks(Exceptions exceptions) {
        this.exceptions = exceptions;
    }

    @EventListener
    void on(WebhookDeliveryParked parked) {
        String summary = "Webhook " + parked.url() + ": " + parked.eventType() + " event " + parked.eventId()
                + " parked after " + parked.attempts() + " attempts (delivery " + parked.deliveryId() + "): " + parked.lastError();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("url", parked.url().toString());
        details.put("deliveryId", parked.deliveryId());
        details.put("eventId", parked.eventId().toString());
        details.put("eventType", parked.eventType());
        details.put("attempts", parked.attempts());
        if (parked.lastStatusCode() != null) {
            details.put("lastStatusCode", parked.lastStatusCode());
        }
        details.put("lastError", parked.lastError());
        details.put("parkedAt", parked.parkedAt().toString());
        exceptions.raise(new RaiseException(ExceptionType.WEBHOOK_PARKED, ENTITY_TYPE, parked.subscriptionId().toString(),
                oneLine(summary), details), Actor.SYSTEM);
    }

    @EventListener
    void on(WebhookEventsReplayed replayed) {
        if (replayed.parkedLeft() > 0) {
            // Some parked event lies before the replay's start: the case stays until it is sent again too.
            return;
        }
        exceptions.resolveFor(ExceptionType.WEBHOOK_PARKED, ENTITY_TYPE, replayed.subscriptionId().toString(), "REPLAYED",
                "Every parked delivery was queued again by a replay from " + replayed.from() + ".", CurrentActor.get());
    }

    /** The subscriber's error text may span lines and be long; the queue's summary is one line of at most 500 characters. */
    static String oneLine(String text) {
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() <= MAX_SUMMARY ? flat : flat.substring(0, MAX_SUMMARY - 3) + "...";
    }
}
