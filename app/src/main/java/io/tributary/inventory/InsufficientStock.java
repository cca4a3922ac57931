package io.tributary.inventory;

import io.tributary.shared.DomainException;
import java.util.List;
import java.util.Map;

/**
 * Not enough available stock for the request: nothing was reserved, adjusted or consumed.
 * Carries the shortfall per line so the client can offer what there is.
 */
public class InsufficientStock extends DomainException {

    private final List<Shortfall> shortfalls;

    public InsufficientStock(List<Shortfall> shortfalls) {
        super("insufficient-stock", 409, describe(shortfalls), List.of(),
                Map.of("shortfalls", shortfalls.stream().map(Shortfall::asMap).toList()));
        this.shortfalls = List.copyOf(shortfalls);
    }

    public List<Shortfall> shortfalls() {
        return shortfalls;
    }

    private static String describe(List<Shortfall> s) {
        Shortfall first = s.get(0);
        return "Not enough stock of " + first.sku() + " at " + first.location() + ": requested " + first.requested()
                + ", available " + first.available() + (s.size() > 1 ? " (and " + (s.size() - 1) + " more lines)" : "") + ".";
    }

    /** One line that could not be satisfied; {@code line} is its index in the request. */
    public record Shortfall(int line, String sku, String location, long requested, long available) {

        public long missing() {
            return requested - Math.max(0, available);
        }

        Map<String, Object> asMap() {
            return Map.of("line", line, "sku", sku, "location", location, "requested", requested,
                    "available", available, "missing", missing());
        }
    }
}
