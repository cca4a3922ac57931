package io.tributary.integration.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.integration.Commands.Replay;
import io.tributary.integration.Commands.Subscribe;
import io.tributary.integration.DeliveryStatus;
import io.tributary.integration.WebhookDelivery;
import io.tributary.integration.WebhookSubscription;
import io.tributary.integration.Webhooks;
import io.tributary.integration.domain.SubscriptionRules;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Webhook subscriptions, their delivery log and replays; administrators only (see SecurityConfiguration). */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhookController {

    private final Webhooks webhooks;
    private final Idempotency idempotency;

    WebhookController(Webhooks webhooks, Idempotency idempotency) {
        this.webhooks = webhooks;
        this.idempotency = idempotency;
    }

    record SubscribeRequest(String url, List<String> events, String secret, String description) {
    }

    record ReplayRequest(String from) {
    }

    /** A subscription as the API shows it: never its secret. */
    record SubscriptionView(UUID id, String url, List<String> events, String description, boolean active,
                            Instant createdAt, String createdBy, Instant updatedAt) {
        static SubscriptionView of(WebhookSubscription s) {
            return new SubscriptionView(s.id(), s.url().toString(), s.events(), s.description(), s.active(),
                    s.createdAt(), s.createdBy(), s.updatedAt());
        }
    }

    @PostMapping
    ResponseEntity<Object> subscribe(@RequestBody SubscribeRequest body,
                                     @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        Subscribe command = command(body);
        return idempotency.run(actor.name(), key, "webhooks.create", body, () -> {
            WebhookSubscription made = webhooks.subscribe(command, actor);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/webhooks/" + made.id()))
                    .body(SubscriptionView.of(made));
        });
    }

    @GetMapping
    Page<SubscriptionView> list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Page<WebhookSubscription> page = webhooks.list(limit, cursor);
        return new Page<>(page.items().stream().map(SubscriptionView::of).toList(), page.nextCursor());
    }

    @GetMapping("/{id}")
    SubscriptionView get(@PathVariable UUID id) {
        return SubscriptionView.of(webhooks.get(id));
    }

    @PostMapping("/{id}/deactivate")
    ResponseEntity<Object> deactivate(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "webhooks.deactivate", id.toString(),
                () -> ResponseEntity.ok(SubscriptionView.of(webhooks.deactivate(id, actor))));
    }

    @PostMapping("/{id}/activate")
    ResponseEntity<Object> activate(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "webhooks.activate", id.toString(),
                () -> ResponseEntity.ok(SubscriptionView.of(webhooks.activate(id, actor))));
    }

    @GetMapping("/{id}/deliveries")
    Page<WebhookDelivery> deliveries(@PathVariable UUID id, @RequestParam(required = false) String status,
                                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return webhooks.deliveries(id, status(status), limit, cursor);
    }

    @PostMapping("/{id}/replay")
    ResponseEntity<Object> replay(@PathVariable UUID id, @RequestBody ReplayRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        Replay command = new Replay(instant(body.from()));
        return idempotency.run(actor.name(), key, "webhooks.replay:" + id, body,
                () -> ResponseEntity.status(HttpStatus.ACCEPTED).body(webhooks.replay(id, command)));
    }

    private static Subscribe command(SubscribeRequest body) {
        List<FieldError> errors = new ArrayList<>();
        URI url = SubscriptionRules.url(body.url(), errors);
        List<String> events = SubscriptionRules.events(body.events(), errors);
        SubscriptionRules.secret(body.secret(), errors);
        SubscriptionRules.description(body.description(), errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new Subscribe(url, events, body.secret(), body.description());
    }

    private static DeliveryStatus status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return DeliveryStatus.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ValidationFailed("status", "must be one of PENDING, DELIVERED, DEAD");
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationFailed("from", "is required");
        }
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("from", "must be an RFC 3339 timestamp such as 2026-01-31T09:00:00Z");
        }
    }
}
