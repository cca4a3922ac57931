package io.tributary.inventory;

import java.util.List;
import java.util.UUID;

/**
 * Domain events the inventory module publishes, written to the outbox in the transaction that
 * made the change. Consumers (webhooks, insights) dedupe by the event's document id and type.
 */
public final class Events {

    private Events() {
    }

    /** Stock of these SKUs changed at this location (any bucket). */
    public record InventoryChanged(UUID document, String location, List<String> skus, String cause) {
    }

    /** A reservation was created, released, expired or fulfilled. */
    public record ReservationChanged(UUID reservation, String channel, String reference, String status) {
    }

    /** A count waits for an inventory manager's decision. */
    public record CountAwaitingApproval(UUID count, String location, int linesHeld) {
    }
}
