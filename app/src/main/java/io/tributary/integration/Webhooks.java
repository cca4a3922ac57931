package io.tributary.integration;

import io.tributary.access.Actor;
import io.tributary.integration.Commands.Replay;
import io.tributary.integration.Commands.Replayed;
import io.tributary.integration.Commands.Subscribe;
import io.tributary.integration.domain.SubscriptionRules;
import io.tributary.integration.jobs.WebhookSender;
import io.tributary.integration.persistence.DeliveryStore;
import io.tributary.integration.persistence.SubscriptionStore;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.InvalidTransition;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Webhook subscriptions and their deliveries. A subscription receives every external event of its
 * types committed after it was created, signed with its secret, at least once and in order per
 * aggregate; failed deliveries are retried with backoff and parked after the last attempt
 * ({@link WebhookDeliveryParked}). A replay sends stored events again under their original ids.
 */
@Service
public class Webhooks {

    private final SubscriptionStore subscriptions;
    private final DeliveryStore deliveries;
    private final WebhookSender sender;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Webhooks(SubscriptionStore subscriptions, DeliveryStore deliveries, WebhookSender sender, ApplicationEventPublisher events,
             Clock clock) {
        this.subscriptions = subscriptions;
        this.deliveries = deliveries;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    /** Creates an active subscription; 400 naming each bad field. */
    @Transactional
    public WebhookSubscription subscribe(Subscribe command, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        if (command.url() == null) {
            errors.add(new FieldError("url", "is required"));
        } else {
            SubscriptionRules.url(command.url().toString(), errors);
        }
        List<String> events = SubscriptionRules.events(command.events(), errors);
        SubscriptionRules.secret(command.secret(), errors);
        SubscriptionRules.description(command.description(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        WebhookSubscription s = new WebhookSubscription(Ids.newId(), command.url(), events,
                blankToNull(command.description()), true, now, actor.name(), now);
        subscriptions.insert(s, command.secret());
        return s;
    }

    @Transactional(readOnly = true)
    public WebhookSubscription get(UUID id) {
        return subscriptions.find(id, false).orElseThrow(() -> new NotFound("Webhook subscription", id.toString()));
    }

    /** Subscriptions in creation order, {@code limit} (default 50, max 500) at a time. */
    @Transactional(readOnly = true)
    public Page<WebhookSubscription> list(Integer limit, String cursor) {
        int n = Page.limit(limit);
        String after = Page.decodeCursor(cursor);
        UUID afterId;
        try {
            afterId = after == null ? null : UUID.fromString(after);
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("cursor", "is not a cursor returned by this list");
        }
        return Page.of(subscriptions.list(afterId, n + 1), n, s -> s.id().toString());
    }

    /** Stops deliveries; pending ones wait, nothing is lost. 409 when already inactive. */
    @Transactional
    public WebhookSubscription deactivate(UUID id, Actor actor) {
        return setActive(id, false);
    }

    /** Resumes deliveries, starting with those that waited. 409 when already active. */
    @Transactional
    public WebhookSubscription activate(UUID id, Actor actor) {
        return setActive(id, true);
    }

    private WebhookSubscription setActive(UUID id, boolean active) {
        WebhookSubscription s = subscriptions.find(id, true).orElseThrow(() -> new NotFound("Webhook subscription", id.toString()));
        if (s.active() == active) {
            throw new InvalidTransition("webhook subscription", s.active() ? "ACTIVE" : "INACTIVE", active ? "activate" : "deactivate");
        }
        subscriptions.setActive(id, active, clock.instant());
        if (active) {
            afterCommit(sender::wake);
        }
        return get(id);
    }

    /** A subscription's deliveries, newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public Page<WebhookDelivery> deliveries(UUID id, DeliveryStatus status, Integer limit, String cursor) {
        get(id);
        int n = Page.limit(limit);
        String before = Page.decodeCursor(cursor);
        Long beforeId;
        try {
            beforeId = before == null ? null : Long.valueOf(before);
        } catch (NumberFormatException e) {
            throw new ValidationFailed("cursor", "is not a cursor returned by this list");
        }
        return Page.of(deliveries.list(id, status, beforeId, n + 1), n, WebhookDelivery::id);
    }

    /**
     * Queues a new delivery of every stored event of the subscription's types that occurred at or
     * after {@code from}, under the events' original ids, in their original order, and publishes
     * {@link WebhookEventsReplayed} (a replay that queues every parked delivery again clears the
     * subscription's parked-webhook case). 409 when the subscription is inactive.
     */
    @Transactional
    public Replayed replay(UUID id, Replay command) {
        if (command.from() == null) {
            throw new ValidationFailed("from", "is required");
        }
        WebhookSubscription s = subscriptions.find(id, true).orElseThrow(() -> new NotFound("Webhook subscription", id.toString()));
        if (!s.active()) {
            throw new InvalidTransition("webhook subscription", "INACTIVE", "replay events to");
        }
        int queued = deliveries.replay(id, command.from(), clock.instant());
        events.publishEvent(new WebhookEventsReplayed(id, command.from(), queued, deliveries.parkedNotQueuedAgain(id)));
        if (queued > 0) {
            afterCommit(sender::wake);
        }
        return new Replayed(id, command.from(), queued);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
