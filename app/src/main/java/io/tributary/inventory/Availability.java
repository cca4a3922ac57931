package io.tributary.inventory;

import io.tributary.access.Actor;
import io.tributary.catalog.Catalog;
import io.tributary.catalog.Item;
import io.tributary.catalog.Sku;
import io.tributary.channels.Channel;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.Channels;
import io.tributary.inventory.Views.ChannelAvailability;
import io.tributary.inventory.Views.ItemAvailability;
import io.tributary.inventory.Views.LocationAvailability;
import io.tributary.inventory.domain.AvailabilityPolicy;
import io.tributary.inventory.persistence.LedgerQueries;
import io.tributary.inventory.persistence.LedgerQueries.StockGrid;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.Network;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Available to sell, per channel: what {@link AvailabilityPolicy} allows from the channel's
 * eligible locations (its list, or every active location that can SHIP), after reservations,
 * stale-node buffers and the channel's buffers. One query for all SKUs and locations of a call.
 */
@Service
public class Availability {

    /** The most SKUs one call may ask about. */
    public static final int MAX_SKUS = 500;

    private final Catalog catalog;
    private final Network network;
    private final Channels channels;
    private final LedgerQueries ledger;
    private final Clock clock;

    Availability(Catalog catalog, Network network, Channels channels, LedgerQueries ledger, Clock clock) {
        this.catalog = catalog;
        this.network = network;
        this.channels = channels;
        this.ledger = ledger;
        this.clock = clock;
    }

    /**
     * Sellable units of {@code requested} SKUs for a channel. One statement reads balances and sync
     * times together (one round trip, one snapshot), so no transaction is needed.
     */
    public ChannelAvailability forChannel(ChannelCode code, List<Sku> requested, Actor actor) {
        actor.requireChannel(code);
        Channel channel = channels.find(code).orElseThrow(() -> new ValidationFailed("channel", "channel '" + code + "' does not exist"));
        if (requested.isEmpty()) {
            throw new ValidationFailed("sku", "at least one sku is required");
        }
        if (requested.size() > MAX_SKUS) {
            throw new ValidationFailed("sku", "at most " + MAX_SKUS + " SKUs per call");
        }
        List<Sku> skus = List.copyOf(new LinkedHashSet<>(requested));
        Map<Sku, Item> items = catalog.findAll(skus);
        List<FieldError> errors = new ArrayList<>();
        for (Sku sku : skus) {
            if (!items.containsKey(sku)) {
                errors.add(new FieldError("sku", "SKU '" + sku + "' does not exist"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        List<Location> locations = eligible(channel);
        // Every stocked item the answer needs (kits by their components) gets a position in the grid.
        Map<UUID, Integer> position = new HashMap<>();
        List<UUID> stockItems = new ArrayList<>();
        for (Sku sku : skus) {
            Item item = items.get(sku);
            if (item.isKit()) {
                item.explodedComponents().forEach(c -> position.computeIfAbsent(c.itemId(), id -> add(stockItems, id)));
            } else {
                position.computeIfAbsent(item.id(), id -> add(stockItems, id));
            }
        }
        int n = locations.size();
        UUID[] locationIds = new UUID[n];
        for (int i = 0; i < n; i++) {
            locationIds[i] = locations.get(i).id();
        }
        StockGrid grid = ledger.stockGrid(stockItems.toArray(UUID[]::new), locationIds);
        Instant now = clock.instant();
        // Per location once, not per SKU and location.
        Balance.Confidence[] confidences = new Balance.Confidence[n];
        boolean[] stale = new boolean[n];
        int[] staleBuffer = new int[n];
        String[] codes = new String[n];
        for (int j = 0; j < n; j++) {
            Location location = locations.get(j);
            confidences[j] = Inventory.confidence(location, grid.synced(j), now);
            stale[j] = confidences[j] == Balance.Confidence.STALE;
            staleBuffer[j] = location.staleBufferPercent();
            codes[j] = location.code().value();
        }
        List<ItemAvailability> out = new ArrayList<>(skus.size());
        for (Sku sku : skus) {
            Item item = items.get(sku);
            List<Item.Component> components = item.isKit() ? item.explodedComponents() : List.of();
            int[] parts = new int[components.size()];
            for (int c = 0; c < parts.length; c++) {
                parts[c] = position.get(components.get(c).itemId());
            }
            int self = item.isKit() ? -1 : position.get(item.id());
            long total = 0;
            LocationAvailability[] perLocation = new LocationAvailability[n];
            for (int j = 0; j < n; j++) {
                long units;
                if (self >= 0) {
                    units = AvailabilityPolicy.atLocation(grid.net(self, j), 0, stale[j], staleBuffer[j]);
                } else {
                    units = Long.MAX_VALUE;
                    for (int c = 0; c < parts.length; c++) {
                        long componentUnits = AvailabilityPolicy.atLocation(grid.net(parts[c], j), 0, stale[j], staleBuffer[j]);
                        units = Math.min(units, AvailabilityPolicy.kitsFrom(componentUnits, components.get(c).quantity()));
                    }
                    if (parts.length == 0) {
                        units = 0;
                    }
                }
                total += units;
                perLocation[j] = new LocationAvailability(codes[j], units, confidences[j]);
            }
            out.add(new ItemAvailability(sku, AvailabilityPolicy.forChannel(total, channel.bufferUnits(), channel.bufferPercent()),
                    Arrays.asList(perLocation)));
        }
        return new ChannelAvailability(channel.code().value(), out);
    }

    private static Integer add(List<UUID> list, UUID id) {
        list.add(id);
        return list.size() - 1;
    }

    private List<Location> eligible(Channel channel) {
        if (channel.locations().isEmpty()) {
            return network.all().stream().filter(l -> l.active() && l.can(Capability.SHIP)).toList();
        }
        return channel.locations().stream().map(network::find).flatMap(java.util.Optional::stream).filter(Location::active).toList();
    }
}
