package io.tributary.inventory;

import io.tributary.shared.events.ExternalEvent;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Domain events the inventory module publishes, written to the outbox in the transaction that
 * made the change. Consumers (webhooks, insights) dedupe by the event's document id and type.
 */
public final class Events {

    private Events() {
    }

    /** Stock of these SKUs changed at this location (any bucket); published as {@code inventory.changed}. */
    public record InventoryChanged(UUID document, String location, List<String> skus, String cause) implements ExternalEvent {
        @Override
        public String eventType() {
            return "inventory.changed";
        }

        @Override
        public String aggregateType() {
            return "location";
        }

        @Override
        public String aggregateId() {
            return location;
        }
    }

    /**
     * A reservation was created (status ACTIVE), released, expired or fulfilled; published as
     * {@code reservation.created}, {@code reservation.released}, {@code reservation.expired} or
     * {@code reservation.fulfilled}.
     */
    public record ReservationChanged(UUID reservation, String channel, String reference, String status) implements ExternalEvent {
        @Override
        public String eventType() {
            return "ACTIVE".equals(status) ? "reservation.created" : "reservation." + status.toLowerCase(Locale.ROOT);
        }

        @Override
        public String aggregateType() {
            return "reservation";
        }

        @Override
        public String aggregateId() {
            return reservation.toString();
        }
    }

    /** A count waits for an inventory manager's decision; published as {@code count.awaiting_approval}. */
    public record CountAwaitingApproval(UUID count, String location, int linesHeld) implements ExternalEvent {
        @Override
        public String eventType() {
            return "count.awaiting_approval";
        }

        @Override
        public String aggregateType() {
            return "count";
        }

        @Override
        public String aggregateId() {
            return count.toString();
        }
    }
}
