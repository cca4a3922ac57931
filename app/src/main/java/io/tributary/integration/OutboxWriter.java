package io.tributary.integration;

import io.tributary.integration.jobs.WebhookSender;
import io.tributary.integration.persistence.OutboxStore;
import io.tributary.integration.persistence.OutboxStore.NewEvent;
import io.tributary.shared.Ids;
import io.tributary.shared.events.ExternalEvent;
import java.lang.reflect.RecordComponent;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes every {@link ExternalEvent} to the outbox in the publisher's own transaction. The listener
 * runs synchronously where the event is published; inside a transaction it only collects the event,
 * and the transaction's events are written just before commit in one statement together with their
 * deliveries, so a hot path publishing many events pays one round trip. A rollback discards them with
 * the change; outside a transaction the event is written at once.
 */
@Component
class OutboxWriter {

    private static final Object BATCH_KEY = new Object();

    private final OutboxStore store;
    private final WebhookSender sender;
    private final JsonMapper json;
    private final Clock clock;

    OutboxWriter(OutboxStore store, WebhookSender sender, JsonMapper json, Clock clock) {
        this.store = store;
        this.sender = sender;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    public void on(ExternalEvent event) {
        NewEvent entry = entry(event);
        if (!TransactionSynchronizationManager.isSynchronizationActive() || !TransactionSynchronizationManager.isActualTransactionActive()) {
            if (store.insert(List.of(entry), clock.instant()) > 0) {
                sender.wake();
            }
            return;
        }
        Batch batch = (Batch) TransactionSynchronizationManager.getResource(BATCH_KEY);
        if (batch == null) {
            batch = new Batch();
            TransactionSynchronizationManager.bindResource(BATCH_KEY, batch);
            TransactionSynchronizationManager.registerSynchronization(batch);
        }
        batch.add(entry);
    }

    /** The event as stored: a new UUIDv7, the clock's time, and the record's components as the payload. */
    NewEvent entry(ExternalEvent event) {
        String type = event.eventType();
        if (type == null || type.isBlank() || event.aggregateType() == null || event.aggregateId() == null) {
            throw new IllegalArgumentException("An external event needs a type, an aggregate type and an aggregate id: " + event);
        }
        return new NewEvent(Ids.newId(), type, event.eventVersion(), event.aggregateType(), event.aggregateId(),
                clock.instant().truncatedTo(ChronoUnit.MICROS), json.writeValueAsString(payload(event)));
    }

    /**
     * The event's data: a record's components in declaration order (never the interface's
     * {@code eventType()} and friends, which describe the envelope, not the data).
     */
    JsonNode payload(ExternalEvent event) {
        if (event.getClass().isRecord()) {
            ObjectNode data = json.createObjectNode();
            for (RecordComponent c : event.getClass().getRecordComponents()) {
                Object value;
                try {
                    value = c.getAccessor().invoke(event);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("Cannot read " + c.getName() + " of " + event.getClass().getName(), e);
                }
                data.set(c.getName(), value == null ? data.nullNode() : json.valueToTree(value));
            }
            return data;
        }
        JsonNode tree = json.valueToTree(event);
        if (tree instanceof ObjectNode object) {
            object.remove(List.of("eventType", "eventVersion", "aggregateType", "aggregateId"));
        }
        return tree;
    }

    /** The events of one transaction, written just before it commits. */
    private final class Batch implements TransactionSynchronization {

        private final List<NewEvent> events = new ArrayList<>();
        private boolean written;
        private int deliveries;

        void add(NewEvent event) {
            if (written) {
                // Published by another synchronization's beforeCommit after ours ran: still inside the
                // transaction, so write it on its own.
                deliveries += store.insert(List.of(event), clock.instant());
            } else {
                events.add(event);
            }
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            deliveries += store.insert(events, clock.instant());
        }

        @Override
        public void suspend() {
            TransactionSynchronizationManager.unbindResourceIfPossible(BATCH_KEY);
        }

        @Override
        public void resume() {
            TransactionSynchronizationManager.bindResource(BATCH_KEY, this);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(BATCH_KEY);
            if (status == STATUS_COMMITTED && deliveries > 0) {
                sender.wake();
            }
        }
    }
}
