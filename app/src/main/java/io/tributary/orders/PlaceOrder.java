package io.tributary.orders;

import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.List;

/** A validated order as a channel sends it. {@code externalId} is the channel's own order id. */
public record PlaceOrder(ChannelCode channel, String externalId, Instant placedAt, Currency currency, Customer customer,
                         Address shipTo, DeliveryMethod deliveryMethod, LocationCode pickupLocation, ServiceLevel serviceLevel,
                         PaymentStatus paymentStatus, boolean fraudFlag, List<Line> lines) {

    public record Customer(String email, String name) {
    }

    public record Address(String name, String line1, String line2, String city, String region, String postalCode, String country,
                          Double latitude, Double longitude) {
    }

    public record Line(String lineId, Sku sku, long quantity, BigDecimal unitPrice) {
    }
}
