package io.tributary.exceptions.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionCase;
import io.tributary.exceptions.ExceptionQuery;
import io.tributary.exceptions.ExceptionStatus;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Exceptions;
import io.tributary.shared.Page;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exception queue over HTTP: list and read cases, assign and resolve them. Cases are raised by
 * the modules whose changes cause them, never through this API. Who may list is a URL rule; who may
 * assign or resolve a given case (its owning role or ADMIN) is checked by the facade.
 */
@RestController
@RequestMapping("/api/v1/exceptions")
class ExceptionController {

    private final Exceptions exceptions;
    private final Idempotency idempotency;

    ExceptionController(Exceptions exceptions, Idempotency idempotency) {
        this.exceptions = exceptions;
        this.idempotency = idempotency;
    }

    record AssignRequest(@NotNull @Size(min = 1, max = 100) String user) {
    }

    record ResolveRequest(@NotBlank @Size(max = 2000) String note, @Size(max = 100) String action) {
    }

    /** What an idempotent POST is keyed on: the case and the body together. */
    record Keyed(UUID id, Object body) {
    }

    @GetMapping
    Page<ExceptionCase> list(@RequestParam(required = false) ExceptionStatus status, @RequestParam(required = false) ExceptionType type,
                             @RequestParam(required = false) Role role, @RequestParam(required = false) String entityType,
                             @RequestParam(required = false) String entityId, @RequestParam(required = false) Boolean overdue,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return exceptions.list(new ExceptionQuery(status, type, role, entityType, entityId, overdue, limit, cursor));
    }

    @GetMapping("/{id}")
    ExceptionCase get(@PathVariable UUID id) {
        return exceptions.get(id);
    }

    @PostMapping("/{id}/assign")
    ResponseEntity<Object> assign(@PathVariable UUID id, @Valid @RequestBody AssignRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "exceptions.assign", new Keyed(id, body),
                () -> ResponseEntity.ok(exceptions.assign(id, body.user(), actor)));
    }

    @PostMapping("/{id}/resolve")
    ResponseEntity<Object> resolve(@PathVariable UUID id, @Valid @RequestBody ResolveRequest body,
                                   @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "exceptions.resolve", new Keyed(id, body),
                () -> ResponseEntity.ok(exceptions.resolve(id, body.note(), body.action(), actor)));
    }
}
