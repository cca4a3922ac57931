package io.tributary.exceptions;

import io.tributary.access.Access;
import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionCase.Event;
import io.tributary.exceptions.ExceptionCase.Transition;
import io.tributary.exceptions.domain.CaseState;
import io.tributary.exceptions.domain.EscalationPolicy.Escalation;
import io.tributary.exceptions.domain.TypePolicies;
import io.tributary.exceptions.domain.TypePolicy;
import io.tributary.exceptions.persistence.ExceptionStore;
import io.tributary.exceptions.persistence.ExceptionStore.Filter;
import io.tributary.exceptions.persistence.ExceptionStore.NewCase;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The exception queue's facade. Other modules call {@link #raise} and {@link #resolveFor} inside
 * their own transaction, so a case exists exactly when the change that caused it commits (and
 * disappears with it on rollback). People work cases through {@link #assign} and {@link #resolve};
 * the escalation job calls {@link #escalateDue}. Every transition is appended to the case's history
 * and published as an {@link io.tributary.shared.events.ExternalEvent} in the same transaction.
 *
 * <p>Raising is idempotent per (type, entity type, entity id) while a case is unresolved: the
 * database's partial unique index decides, so concurrent raises on any number of instances end in
 * one case whose {@code occurrences} counts them.
 */
@Service
public class Exceptions {

    static final int MAX_DETAILS_CHARS = 8_192;
    private static final Pattern ENTITY_TYPE = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    private static final int RAISE_ATTEMPTS = 5;

    private final ExceptionStore store;
    private final Access access;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final JsonMapper json;
    private final TypePolicies policies;

    Exceptions(ExceptionStore store, Access access, ApplicationEventPublisher events, Clock clock, JsonMapper json,
               Environment environment) {
        this.store = store;
        this.access = access;
        this.events = events;
        this.clock = clock;
        this.json = json;
        this.policies = policies(environment);
    }

    static TypePolicies policies(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<String, Duration> slas = binder.bind("tributary.exceptions.sla", Bindable.mapOf(String.class, Duration.class)).orElse(Map.of());
        Map<String, String> severities = binder.bind("tributary.exceptions.severity", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        Map<String, String> roles = binder.bind("tributary.exceptions.role", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
        return TypePolicies.of(slas, severities, roles);
    }

    /** The severity, owning role and SLA that new cases of {@code type} get, overrides applied. */
    public TypePolicy policy(ExceptionType type) {
        return policies.of(type);
    }

    /** Raises a case as the actor of the current request ({@code system} outside one). */
    @Transactional
    public ExceptionCase raise(RaiseException command) {
        return raise(command, CurrentActor.get());
    }

    /**
     * Raises a case, or, while one for the same type and entity is unresolved, returns that case
     * with one more occurrence recorded in its history. Publishes {@code exception.raised} for a new
     * case only. Throws {@link ValidationFailed} naming the field of a bad command.
     */
    @Transactional
    public ExceptionCase raise(RaiseException command, Actor actor) {
        validate(command);
        Instant now = now();
        TypePolicy policy = policies.of(command.type());
        String entityType = command.entityType();
        String entityId = command.entityId().strip();
        String summary = command.summary().strip();
        for (int attempt = 0; attempt < RAISE_ATTEMPTS; attempt++) {
            NewCase fresh = new NewCase(Ids.newId(), command.type(), policy.severity(), policy.ownerRole(), entityType, entityId,
                    summary, command.details(), now, actor.name(), now.plus(policy.sla()));
            if (store.insertUnlessOpen(fresh)) {
                store.appendHistory(fresh.id(), new Transition(now, actor.name(), Event.RAISED, null, ExceptionStatus.OPEN, summary));
                events.publishEvent(new Events.ExceptionRaised(fresh.id(), fresh.type(), fresh.severity(), fresh.ownerRole(),
                        entityType, entityId, summary, now, fresh.dueAt()));
                return view(fresh.id(), now);
            }
            Optional<CaseState> open = store.lockUnresolved(command.type(), entityType, entityId);
            if (open.isPresent()) {
                CaseState s = open.get();
                store.recordRepeat(s, now);
                store.appendHistory(s.id(), new Transition(now, actor.name(), Event.RAISED_AGAIN, s.status(), s.status(), summary));
                return view(s.id(), now);
            }
            // The unresolved case was resolved between our insert and our read: the next insert can succeed.
        }
        throw new IllegalStateException("could not raise or join a " + command.type() + " case for " + entityType + "/" + entityId);
    }

    /**
     * Resolves the unresolved case of this type for this entity, if there is one: used when the cause
     * was cleared elsewhere (an order's hold released through the orders API, a parked webhook
     * replayed). The calling module has already authorized {@code actor} for that change, so no role
     * check is made here. Empty when no case was open.
     */
    @Transactional
    public Optional<ExceptionCase> resolveFor(ExceptionType type, String entityType, String entityId, String action, String note,
                                              Actor actor) {
        if (type == null || entityType == null || entityId == null) {
            throw new IllegalArgumentException("type, entityType and entityId are required");
        }
        List<FieldError> errors = new ArrayList<>();
        checkResolution(note, action, false, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Optional<CaseState> open = store.lockUnresolved(type, entityType, entityId.strip());
        if (open.isEmpty()) {
            return Optional.empty();
        }
        String text = note == null || note.isBlank() ? "The cause was cleared." : note.strip();
        return Optional.of(doResolve(open.get(), text, blankToNull(action), actor));
    }

    /**
     * Assigns (or reassigns) a case to {@code user}, who must exist, be enabled and hold the case's
     * owning role or ADMIN. Only the owning role or ADMIN may assign; a resolved case cannot be.
     */
    @Transactional
    public ExceptionCase assign(UUID id, String user, Actor actor) {
        if (user == null || user.isBlank()) {
            throw new ValidationFailed("user", "must not be blank");
        }
        CaseState s = store.lock(id).orElseThrow(() -> new NotFound("Exception", id.toString()));
        s.requireWorkableBy(actor, "assign");
        CaseState assigned = s.assignTo(user.strip());
        Access.User person = access.user(user.strip())
                .orElseThrow(() -> new ValidationFailed("user", "user '" + user.strip() + "' does not exist"));
        if (!person.enabled()) {
            throw new ValidationFailed("user", "user '" + person.username() + "' is disabled");
        }
        if (!person.roles().contains(Role.ADMIN) && !person.roles().contains(s.ownerRole())) {
            throw new ValidationFailed("user", "user '" + person.username() + "' does not hold role " + s.ownerRole()
                    + " and could not work this case");
        }
        Instant now = now();
        store.assign(s, person.username(), now);
        store.appendHistory(s.id(), new Transition(now, actor.name(), Event.ASSIGNED, s.status(), assigned.status(),
                "assigned to " + person.username()));
        events.publishEvent(new Events.ExceptionAssigned(s.id(), s.type(), s.entityType(), s.entityId(), person.username(), actor.name(), now));
        return get(id);
    }

    /**
     * Resolves a case with a required note and an optional action (free text such as RELEASED,
     * CANCELLED, REROUTED, WRITTEN_OFF). Only the owning role or ADMIN may resolve; resolving a
     * resolved case is an {@code invalid-transition}.
     */
    @Transactional
    public ExceptionCase resolve(UUID id, String note, String action, Actor actor) {
        List<FieldError> errors = new ArrayList<>();
        checkResolution(note, action, true, errors);
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        CaseState s = store.lock(id).orElseThrow(() -> new NotFound("Exception", id.toString()));
        s.requireWorkableBy(actor, "resolve");
        return doResolve(s, note.strip(), blankToNull(action), actor);
    }

    private ExceptionCase doResolve(CaseState s, String note, String action, Actor actor) {
        CaseState resolved = s.resolve();
        Instant now = now();
        store.resolve(s, note, action, actor.name(), now);
        store.appendHistory(s.id(), new Transition(now, actor.name(), Event.RESOLVED, s.status(), resolved.status(),
                action == null ? note : action + ": " + note));
        events.publishEvent(new Events.ExceptionResolved(s.id(), s.type(), s.entityType(), s.entityId(), action, actor.name(), now));
        return get(s.id());
    }

    /**
     * Escalates up to {@code limit} unresolved cases due at {@code now}: level up, severity one step
     * up, due again one SLA after {@code now}; each recorded and published. Cases locked by another
     * instance are skipped (that instance escalates them). Returns how many were escalated.
     */
    @Transactional
    public int escalateDue(Instant now, int limit) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        List<CaseState> due = store.lockDue(at, limit);
        for (CaseState s : due) {
            Escalation e = s.escalate(at, policies.of(s.type()).sla());
            store.escalate(s, e.level(), e.severity(), e.escalatedAt(), e.dueAt());
            store.appendHistory(s.id(), new Transition(at, Actor.SYSTEM.name(), Event.ESCALATED, s.status(), s.status(),
                    "escalation level " + e.level() + ", severity " + s.severity() + " -> " + e.severity() + ", due " + e.dueAt()));
            events.publishEvent(new Events.ExceptionEscalated(s.id(), s.type(), s.entityType(), s.entityId(), s.ownerRole(), e.level(), e.severity(),
                    at, e.dueAt()));
        }
        return due.size();
    }

    /** One case with its full history; {@link NotFound} when there is none. */
    @Transactional(readOnly = true)
    public ExceptionCase get(UUID id) {
        return view(id, now());
    }

    /** The unresolved case of this type for this entity, if any (without history). */
    @Transactional(readOnly = true)
    public Optional<ExceptionCase> unresolvedFor(ExceptionType type, String entityType, String entityId) {
        List<ExceptionCase> rows = store.list(new Filter(null, type, null, entityType, entityId, null), null, null, 50, now());
        return rows.stream().filter(c -> c.status().unresolved()).findFirst();
    }

    /** A page of cases matching {@code query}, ordered by due time then id. */
    @Transactional(readOnly = true)
    public Page<ExceptionCase> list(ExceptionQuery query) {
        int limit = Page.limit(query.limit());
        Instant afterDue = null;
        UUID afterId = null;
        String cursor = Page.decodeCursor(query.cursor());
        if (cursor != null) {
            int comma = cursor.indexOf(',');
            try {
                afterDue = Instant.parse(cursor.substring(0, comma));
                afterId = UUID.fromString(cursor.substring(comma + 1));
            } catch (RuntimeException e) {
                throw new ValidationFailed("cursor", "is not a cursor returned by this list");
            }
        }
        if (query.entityType() != null && !ENTITY_TYPE.matcher(query.entityType()).matches()) {
            throw new ValidationFailed("entityType", "must be lower-case letters, digits and underscores, e.g. purchase_order");
        }
        Filter filter = new Filter(query.status(), query.type(), query.role(), query.entityType(), blankToNull(query.entityId()),
                query.overdue());
        List<ExceptionCase> rows = store.list(filter, afterDue, afterId, limit + 1, now());
        return Page.of(rows, limit, c -> c.dueAt() + "," + c.id());
    }

    private ExceptionCase view(UUID id, Instant now) {
        ExceptionCase c = store.find(id, now).orElseThrow(() -> new NotFound("Exception", id.toString()));
        return new ExceptionCase(c.id(), c.type(), c.severity(), c.status(), c.entityType(), c.entityId(), c.ownerRole(), c.summary(),
                c.details(), c.raisedAt(), c.raisedBy(), c.occurrences(), c.lastRaisedAt(), c.dueAt(), c.overdue(), c.assignee(),
                c.assignedAt(), c.escalationLevel(), c.escalatedAt(), c.resolutionNote(), c.resolutionAction(), c.resolvedBy(),
                c.resolvedAt(), store.history(id));
    }

    private void validate(RaiseException command) {
        List<FieldError> errors = new ArrayList<>();
        if (command.type() == null) {
            errors.add(new FieldError("type", "is required"));
        }
        if (command.entityType() == null || !ENTITY_TYPE.matcher(command.entityType()).matches()) {
            errors.add(new FieldError("entityType", "must be lower-case letters, digits and underscores, e.g. purchase_order"));
        }
        if (command.entityId() == null || command.entityId().isBlank() || command.entityId().length() > 200) {
            errors.add(new FieldError("entityId", "must be 1 to 200 characters"));
        }
        if (command.summary() == null || command.summary().isBlank() || command.summary().length() > 500) {
            errors.add(new FieldError("summary", "must be 1 to 500 characters"));
        } else if (command.summary().strip().contains("\n") || command.summary().contains("\r")) {
            errors.add(new FieldError("summary", "must be one line"));
        }
        if (command.details() != null) {
            String text;
            try {
                text = json.writeValueAsString(command.details());
            } catch (RuntimeException e) {
                text = null;
                errors.add(new FieldError("details", "must be a JSON object of plain values"));
            }
            if (text != null && text.length() > MAX_DETAILS_CHARS) {
                errors.add(new FieldError("details", "must be at most " + MAX_DETAILS_CHARS + " characters as JSON"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private static void checkResolution(String note, String action, boolean noteRequired, List<FieldError> errors) {
        if (noteRequired && (note == null || note.isBlank())) {
            errors.add(new FieldError("note", "is required"));
        } else if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (action != null && action.strip().length() > 100) {
            errors.add(new FieldError("action", "must be at most 100 characters"));
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Instant now() {
        // The database keeps microseconds: cursors and comparisons must use the same precision.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
