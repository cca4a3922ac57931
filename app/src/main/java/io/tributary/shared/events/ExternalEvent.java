package io.tributary.shared.events;

/**
 * A domain event that also leaves the system. A module publishes it with Spring's
 * {@code ApplicationEventPublisher} inside the transaction that made the change; the integration
 * module writes it to its outbox in that same transaction (so it exists exactly when the change
 * does) and delivers it to webhook subscribers afterwards, at least once and in order per
 * aggregate. The payload delivered as {@code data} is the event record's own components as JSON,
 * so an implementing record must hold only JSON-friendly values and say nothing secret.
 */
public interface ExternalEvent {

    /** Dotted noun and past-tense verb, e.g. {@code order.received}, {@code inventory.changed}. */
    String eventType();

    /** Version of the payload's shape; raised only on an incompatible change. */
    default int eventVersion() {
        return 1;
    }

    /** Kind of the aggregate the event is about, e.g. {@code order}, {@code location}. */
    String aggregateType();

    /** Id of that aggregate; deliveries keep the order of events per (type, id). */
    String aggregateId();
}
