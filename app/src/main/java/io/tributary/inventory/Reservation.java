package io.tributary.inventory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A hold on available stock for one channel's order. Created all lines or none; while ACTIVE its
 * lines' quantities are part of the balances' {@code reserved}; it ends released, expired or
 * fulfilled (its stock consumed as a shipment). A kit line holds each component at its location.
 */
public record Reservation(UUID id, String reference, String channel, ReservationStatus status, Instant expiresAt,
                          Instant createdAt, String createdBy, List<Line> lines) {

    /** A requested line; {@code components} is non-empty for a kit. */
    public record Line(int line, String sku, String location, long quantity, boolean allowBackorder,
                       List<Component> components) {
    }

    public record Component(String sku, long quantity) {
    }
}
