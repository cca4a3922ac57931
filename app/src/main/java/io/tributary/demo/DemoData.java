package io.tributary.demo;

import io.tributary.access.Actor;
import io.tributary.catalog.CatalogService;
import io.tributary.catalog.PutItem;
import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.ChannelType;
import io.tributary.channels.ChannelsService;
import io.tributary.channels.PutChannel;
import io.tributary.inventory.AdjustmentReason;
import io.tributary.inventory.Commands.AdjustStock;
import io.tributary.inventory.Commands.ReconcileSnapshot;
import io.tributary.inventory.Commands.SnapshotLine;
import io.tributary.inventory.Inventory;
import io.tributary.inventory.StockStatus;
import io.tributary.network.Capability;
import io.tributary.network.LocationCode;
import io.tributary.network.LocationType;
import io.tributary.network.NetworkService;
import io.tributary.network.PutLocation;
import io.tributary.shared.Settings;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the demo dataset once per database, on the first start that asks for it. */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    private final boolean enabled;
    private final Settings settings;
    private final CatalogService catalog;
    private final NetworkService network;
    private final ChannelsService channels;
    private final Inventory inventory;
    private final Clock clock;

    DemoData(@Value("${tributary.demo-data:true}") boolean enabled, Settings settings, CatalogService catalog,
             NetworkService network, ChannelsService channels, Inventory inventory, Clock clock) {
        this.enabled = enabled;
        this.settings = settings;
        this.catalog = catalog;
        this.network = network;
        this.channels = channels;
        this.inventory = inventory;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || settings.get("demo-data").isPresent() || !catalog.list(null, 1).items().isEmpty()) {
            return;
        }
        if (!settings.claim("demo-data", clock.instant().toString())) {
            return;
        }
        log.info("Loading the demo dataset (set TRIBUTARY_DEMO_DATA=false to start empty)");
        location("DC-BER", "Berlin distribution centre", LocationType.DC, "DE", "10115", "52.520", "13.405", null, 0,
                Capability.SHIP, Capability.RECEIVE, Capability.TRANSFER);
        location("DC-AMS", "Amsterdam distribution centre", LocationType.DC, "NL", "1012", "52.370", "4.895", null, 0,
                Capability.SHIP, Capability.RECEIVE, Capability.TRANSFER);
        location("STORE-MUC", "Munich flagship store", LocationType.STORE, "DE", "80331", "48.137", "11.575", Duration.ofHours(4), 20,
                Capability.SHIP, Capability.PICKUP, Capability.RECEIVE);
        location("3PL-WAW", "Warsaw fulfilment partner", LocationType.THIRD_PARTY, "PL", "00-001", "52.229", "21.012",
                Duration.ofHours(12), 10, Capability.SHIP, Capability.RECEIVE);
        location("DROP-ACME", "Acme drop-ship supplier", LocationType.DROP_SHIP, "DE", "20095", "53.551", "9.993",
                Duration.ofDays(1), 50, Capability.SHIP);

        for (String[] item : new String[][] {
                {"TEE-BLK-M", "T-shirt black M"}, {"TEE-BLK-L", "T-shirt black L"}, {"TEE-WHT-M", "T-shirt white M"},
                {"MUG-LOGO", "Logo mug"}, {"CAP-NAVY", "Cap navy"}, {"BOTTLE-STEEL", "Steel bottle"}}) {
            catalog.put(new PutItem(new Sku(item[0]), item[1], 12, 40, false, false, List.of()), Optional.empty());
        }
        catalog.put(new PutItem(new Sku("GIFT-SET"), "Gift set: tee, mug and cap", 1, 60, false, false, List.of(
                new PutItem.ComponentLine(new Sku("TEE-BLK-M"), 1), new PutItem.ComponentLine(new Sku("MUG-LOGO"), 1),
                new PutItem.ComponentLine(new Sku("CAP-NAVY"), 1))), Optional.empty());

        channel("web-eu", "EU web shop", ChannelType.STOREFRONT, List.of(), 0, 0);
        channel("amazon-de", "Amazon Germany", ChannelType.MARKETPLACE, List.of("DC-BER", "3PL-WAW"), 5, 10);
        channel("pos-muc", "Munich store tills", ChannelType.POS, List.of("STORE-MUC"), 0, 0);
        channel("wholesale", "Wholesale", ChannelType.WHOLESALE, List.of("DC-BER", "DC-AMS"), 0, 0);

        Object[][] stock = {
                {"TEE-BLK-M", "DC-BER", 240}, {"TEE-BLK-L", "DC-BER", 180}, {"TEE-WHT-M", "DC-BER", 90}, {"MUG-LOGO", "DC-BER", 120},
                {"CAP-NAVY", "DC-BER", 60}, {"BOTTLE-STEEL", "DC-BER", 75}, {"TEE-BLK-M", "DC-AMS", 80}, {"MUG-LOGO", "DC-AMS", 40},
                {"TEE-BLK-M", "STORE-MUC", 12}, {"CAP-NAVY", "STORE-MUC", 8}, {"MUG-LOGO", "STORE-MUC", 6},
                {"BOTTLE-STEEL", "DROP-ACME", 500}};
        for (Object[] s : stock) {
            inventory.adjust(new AdjustStock(new Sku((String) s[0]), new LocationCode((String) s[1]), ((Integer) s[2]).longValue(),
                    StockStatus.AVAILABLE, AdjustmentReason.RECEIVED, "demo data", "DEMO"), Actor.SYSTEM);
        }
        inventory.reconcile(new ReconcileSnapshot(new LocationCode("3PL-WAW"), clock.instant(), List.of(
                new SnapshotLine(new Sku("TEE-BLK-L"), 150), new SnapshotLine(new Sku("TEE-WHT-M"), 70),
                new SnapshotLine(new Sku("CAP-NAVY"), 45))), Actor.SYSTEM);
        log.info("Demo dataset loaded: 5 locations, 7 items (1 kit), 4 channels");
    }

    private void location(String code, String name, LocationType type, String country, String postal, String lat, String lon,
                          Duration staleAfter, int staleBuffer, Capability... capabilities) {
        network.put(new PutLocation(new LocationCode(code), name, type, country, postal, new BigDecimal(lat), new BigDecimal(lon),
                EnumSet.of(capabilities[0], capabilities), 500, staleAfter, staleBuffer, true), Optional.empty());
    }

    private void channel(String code, String name, ChannelType type, List<String> locations, long bufferUnits, int bufferPercent) {
        channels.put(new PutChannel(new ChannelCode(code), name, type, locations.stream().map(LocationCode::new).toList(),
                bufferUnits, bufferPercent, Optional.empty()), Optional.empty());
    }
}
