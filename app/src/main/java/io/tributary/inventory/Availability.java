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
import io.tributary.inventory.domain.BalanceRow;
import io.tributary.inventory.domain.StockKey;
import io.tributary.inventory.persistence.LedgerQueries;
import io.tributary.inventory.persistence.StockStore;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.Network;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final StockStore stock;
    private final Clock clock;

    Availability(Catalog catalog, Network network, Channels channels, LedgerQueries ledger, StockStore stock, Clock clock) {
        this.catalog = catalog;
        this.network = network;
        this.channels = channels;
        this.ledger = ledger;
        this.stock = stock;
        this.clock = clock;
    }

    /**
     * Sellable units of {@code requested} SKUs for a channel. Runs without a transaction: two
     * single-statement reads (balances, then sync times) cost fewer round trips, and a sync time a
     * moment newer than the balances it qualifies changes nothing a buyer could see.
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
        Set<UUID> stockItems = new HashSet<>();
        for (Item item : items.values()) {
            if (item.isKit()) {
                item.explodedComponents().forEach(c -> stockItems.add(c.itemId()));
            } else {
                stockItems.add(item.id());
            }
        }
        UUID[] locationIds = locations.stream().map(Location::id).toArray(UUID[]::new);
        Map<StockKey, BalanceRow> rows = locations.isEmpty() ? Map.of() : ledger.balances(stockItems.toArray(UUID[]::new), java.util.Set.of(locationIds));
        Map<UUID, Instant> synced = stock.lastSynced(List.of(locationIds));
        Instant now = clock.instant();
        // Per location once, not per SKU and location.
        int n = locations.size();
        Balance.Confidence[] confidences = new Balance.Confidence[n];
        String[] codes = new String[n];
        for (int i = 0; i < n; i++) {
            Location location = locations.get(i);
            confidences[i] = Inventory.confidence(location, synced.get(location.id()), now);
            codes[i] = location.code().value();
        }
        List<ItemAvailability> out = new ArrayList<>(skus.size());
        for (Sku sku : skus) {
            Item item = items.get(sku);
            long total = 0;
            List<LocationAvailability> perLocation = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                Location location = locations.get(i);
                Balance.Confidence confidence = confidences[i];
                boolean stale = confidence == Balance.Confidence.STALE;
                long units;
                if (item.isKit()) {
                    List<long[]> parts = new ArrayList<>();
                    for (Item.Component c : item.explodedComponents()) {
                        BalanceRow row = rows.get(new StockKey(c.itemId(), location.id()));
                        long componentUnits = row == null ? 0
                                : AvailabilityPolicy.atLocation(row.onHand(), row.reserved(), stale, location.staleBufferPercent());
                        parts.add(new long[] {componentUnits, c.quantity()});
                    }
                    units = AvailabilityPolicy.kits(parts);
                } else {
                    BalanceRow row = rows.get(new StockKey(item.id(), location.id()));
                    units = row == null ? 0 : AvailabilityPolicy.atLocation(row.onHand(), row.reserved(), stale, location.staleBufferPercent());
                }
                total += units;
                perLocation.add(new LocationAvailability(codes[i], units, confidence));
            }
            out.add(new ItemAvailability(sku, AvailabilityPolicy.forChannel(total, channel.bufferUnits(), channel.bufferPercent()), perLocation));
        }
        return new ChannelAvailability(channel.code().value(), out);
    }

    private List<Location> eligible(Channel channel) {
        if (channel.locations().isEmpty()) {
            return network.all().stream().filter(l -> l.active() && l.can(Capability.SHIP)).toList();
        }
        return channel.locations().stream().map(network::find).flatMap(java.util.Optional::stream).filter(Location::active).toList();
    }
}
