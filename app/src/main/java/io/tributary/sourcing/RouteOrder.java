package io.tributary.sourcing;

import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import java.util.List;
import java.util.Set;

/**
 * What routing needs to know of an order: its channel, how and how fast it is delivered, where
 * to (country, and coordinates when the channel sent them), and its lines.
 */
public record RouteOrder(ChannelCode channel, DeliveryMethod deliveryMethod, LocationCode pickupLocation,
                         ServiceLevel serviceLevel, String country, Double latitude, Double longitude, List<Line> lines,
                         Set<String> excludedLocations) {

    public RouteOrder {
        lines = List.copyOf(lines);
        excludedLocations = excludedLocations == null ? Set.of() : Set.copyOf(excludedLocations);
    }

    public RouteOrder(ChannelCode channel, DeliveryMethod deliveryMethod, LocationCode pickupLocation, ServiceLevel serviceLevel,
                      String country, Double latitude, Double longitude, List<Line> lines) {
        this(channel, deliveryMethod, pickupLocation, serviceLevel, country, latitude, longitude, lines, Set.of());
    }

    public record Line(String lineId, Sku sku, long quantity) {
    }
}
