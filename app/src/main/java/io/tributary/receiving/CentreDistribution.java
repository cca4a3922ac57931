package io.tributary.receiving;

import io.tributary.access.Actor;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.ConsolidatedOrder;
import io.tributary.procurement.Consolidations;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.receiving.persistence.JdbcReceipts;
import io.tributary.receiving.persistence.JdbcTransfers;
import io.tributary.receiving.persistence.JdbcTransfers.Head;
import io.tributary.shared.Ids;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The distribution plan of a consolidated purchase order becoming transfer orders (ADR 0018). When
 * a receipt against such an order takes good units into available stock at its consolidation centre,
 * procurement re-balances them over the plan's locations on their needs of that moment, and this
 * drafts one transfer per location that gets anything, from the centre, and tells procurement which
 * transfers carry which allotment. Procurement does not know transfers; receiving does not know how
 * needs are decided: each module keeps its own half.
 */
@Component
class CentreDistribution {

    private final Consolidations consolidations;
    private final JdbcTransfers transfers;
    private final JdbcReceipts receipts;

    CentreDistribution(Consolidations consolidations, JdbcTransfers transfers, JdbcReceipts receipts) {
        this.consolidations = consolidations;
        this.transfers = transfers;
        this.receipts = receipts;
    }

    /**
     * Drafts the transfers for the good units receipt {@code receipt} took into available stock at
     * the centre ({@code arrived}, per SKU); nothing when the order was not consolidated or nothing
     * whole-case is there to send. What is shared out is every good unit the order's receipts took
     * in less what earlier receipts already allotted, so loose units short of a case wait at the
     * centre for the next receipt instead of being lost to the plan.
     */
    void distribute(PurchaseOrder order, UUID receipt, Map<Sku, Long> arrived, Instant now, Actor actor) {
        if (arrived.values().stream().noneMatch(q -> q > 0)) {
            return;
        }
        List<ConsolidatedOrder.Distribution> earlier = consolidations.distributions(order.id());
        Map<Sku, Long> toShare = new LinkedHashMap<>();
        receipts.availableReceived(order.id()).forEach((sku, units) -> {
            if (arrived.getOrDefault(sku, 0L) > 0) {
                long allotted = earlier.stream().filter(d -> d.sku().equals(sku)).mapToLong(ConsolidatedOrder.Distribution::quantity).sum();
                toShare.put(sku, Math.max(0, units - allotted));
            }
        });
        Optional<List<ConsolidatedOrder.Allotment>> allotted = consolidations.rebalance(order.id(), toShare, incoming(earlier));
        if (allotted.isEmpty() || allotted.get().isEmpty()) {
            return;
        }
        Map<LocationCode, List<ConsolidatedOrder.Allotment>> byLocation = new TreeMap<>((a, b) -> a.value().compareTo(b.value()));
        allotted.get().forEach(a -> byLocation.computeIfAbsent(a.location(), k -> new ArrayList<>()).add(a));
        List<ConsolidatedOrder.Distribution> sent = new ArrayList<>();
        byLocation.forEach((location, allotments) -> {
            UUID id = Ids.newId();
            List<Transfer.Line> lines = new ArrayList<>();
            for (ConsolidatedOrder.Allotment a : allotments) {
                lines.add(new Transfer.Line(lines.size() + 1, a.sku(), a.quantity(), 0, a.quantity()));
                sent.add(new ConsolidatedOrder.Distribution(receipt, id, location, a.sku(), a.need(), a.quantity(), now));
            }
            transfers.insert(new Head(id, order.location(), location, TransferStatus.DRAFT,
                    "distribution of " + order.number() + ", receipt " + receipt, now, actor.name(), null, null), lines);
        });
        consolidations.recordDistributions(order.id(), sent);
    }

    /**
     * Units earlier receipts of the order allotted to each location that are still on DRAFT
     * transfers: not yet in transit, so only this tells the re-balance they are on their way.
     * Shipped ones are in the location's in-transit stock, received ones on hand, cancelled ones
     * back at the centre.
     */
    private Map<LocationCode, Map<Sku, Long>> incoming(List<ConsolidatedOrder.Distribution> earlier) {
        Map<LocationCode, Map<Sku, Long>> incoming = new LinkedHashMap<>();
        Set<UUID> seen = new HashSet<>();
        for (ConsolidatedOrder.Distribution d : earlier) {
            if (!seen.add(d.transfer())) {
                continue;
            }
            Optional<Head> h = transfers.head(d.transfer(), false);
            if (h.isPresent() && h.get().status() == TransferStatus.DRAFT) {
                for (Transfer.Line l : transfers.lines(d.transfer())) {
                    incoming.computeIfAbsent(h.get().to(), k -> new LinkedHashMap<>()).merge(l.sku(), l.quantity(), Long::sum);
                }
            }
        }
        return incoming;
    }
}
