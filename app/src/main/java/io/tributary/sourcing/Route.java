package io.tributary.sourcing;

import java.time.Instant;
import java.util.List;

/**
 * A routing decision with its explanation: the shipments chosen (node and lines), what is
 * backordered, every node considered with its distance, cost and, when rejected, the rule that
 * excluded it, the rules in force and a one-sentence summary. Stored with the order and shown by
 * {@code GET /orders/{id}}.
 */
public record Route(Instant decidedAt, List<Shipment> shipments, List<Allocation> backordered, List<Candidate> candidates,
                    double totalCost, boolean promiseAtRisk, boolean refused, String summary, SourcingRules rules) {

    public record Allocation(String lineId, String sku, long quantity) {
    }

    public record Shipment(String location, List<Allocation> lines, double cost) {
    }

    /** One node's assessment; {@code excludedBy} names the rule that rejected it, null for a candidate. */
    public record Candidate(String location, Double distanceKm, boolean distanceEstimated, int transitDays, boolean meetsPromise,
                            Double cost, long fillableUnits, boolean fillsAll, String excludedBy, String detail) {
    }

    public boolean fillsEverything() {
        return backordered.isEmpty() && !refused;
    }
}
