package io.tributary.orders.web;

import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import io.tributary.orders.PlaceOrder;
import io.tributary.orders.web.OrderController.AddressRequest;
import io.tributary.orders.web.OrderController.LineRequest;
import io.tributary.orders.web.OrderController.OrderRequest;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * The intake rules every order request passes, whichever format it arrived in: currency, e-mail,
 * ship-to address, pickup location, line ids, SKUs, quantities and prices. A request that breaks
 * any of them is refused with every offending field named; {@code field} renames our field paths
 * ({@code lines[2].unitPrice}) into the sender's own when the request was translated from another
 * format.
 */
final class PlaceOrderMapper {

    /** Field paths as {@code POST /orders} names them. */
    static final UnaryOperator<String> OWN_FIELDS = UnaryOperator.identity();

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private PlaceOrderMapper() {
    }

    /** Validates a request that has passed its bean constraints and turns it into the intake command. */
    static PlaceOrder command(OrderRequest b, UnaryOperator<String> field) {
        List<FieldError> errors = new ArrayList<>();
        ChannelCode channel = ChannelCode.parse(b.channel(), field.apply("channel"));
        Currency currency = null;
        try {
            currency = Currency.getInstance(b.currency());
            if (!b.currency().equals(b.currency().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field.apply("currency"), "must be an ISO 4217 code such as EUR"));
        }
        if (b.customer() != null && b.customer().email() != null && !EMAIL.matcher(b.customer().email()).matches()) {
            errors.add(new FieldError(field.apply("customer.email"), "is not an e-mail address"));
        }
        PlaceOrder.Address shipTo = null;
        if (b.deliveryMethod() == DeliveryMethod.SHIP) {
            AddressRequest a = b.shipTo();
            if (a == null) {
                errors.add(new FieldError(field.apply("shipTo"), "is required when deliveryMethod is SHIP"));
            } else {
                required(errors, field.apply("shipTo.line1"), a.line1());
                required(errors, field.apply("shipTo.city"), a.city());
                required(errors, field.apply("shipTo.postalCode"), a.postalCode());
                if (a.country() == null || !COUNTRY.matcher(a.country()).matches()) {
                    errors.add(new FieldError(field.apply("shipTo.country"), "must be an ISO 3166-1 alpha-2 code such as DE"));
                }
                if ((a.latitude() == null) != (a.longitude() == null)) {
                    errors.add(new FieldError(field.apply(a.latitude() == null ? "shipTo.latitude" : "shipTo.longitude"),
                            "latitude and longitude come together"));
                }
                if (a.latitude() != null && (a.latitude() < -90 || a.latitude() > 90)) {
                    errors.add(new FieldError(field.apply("shipTo.latitude"), "must be between -90 and 90"));
                }
                if (a.longitude() != null && (a.longitude() < -180 || a.longitude() > 180)) {
                    errors.add(new FieldError(field.apply("shipTo.longitude"), "must be between -180 and 180"));
                }
                shipTo = new PlaceOrder.Address(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(),
                        a.latitude(), a.longitude());
            }
        }
        LocationCode pickup = null;
        if (b.deliveryMethod() == DeliveryMethod.PICKUP) {
            if (b.pickupLocation() == null) {
                errors.add(new FieldError(field.apply("pickupLocation"), "is required when deliveryMethod is PICKUP"));
            } else {
                pickup = LocationCode.parse(b.pickupLocation(), field.apply("pickupLocation"));
            }
        }
        List<PlaceOrder.Line> lines = new ArrayList<>();
        Set<String> lineIds = new HashSet<>();
        for (int i = 0; i < b.lines().size(); i++) {
            LineRequest l = b.lines().get(i);
            String p = "lines[" + i + "].";
            if (l.lineId() == null || l.lineId().isBlank() || l.lineId().length() > 100) {
                errors.add(new FieldError(field.apply(p + "lineId"), "is required (1 to 100 characters)"));
            } else if (!lineIds.add(l.lineId())) {
                errors.add(new FieldError(field.apply(p + "lineId"), "repeats line '" + l.lineId() + "'"));
            }
            if (l.sku() == null || !Sku.isValid(l.sku())) {
                errors.add(new FieldError(field.apply(p + "sku"), "is not a valid SKU"));
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > io.tributary.inventory.Commands.MAX_QUANTITY) {
                errors.add(new FieldError(field.apply(p + "quantity"), "must be between 1 and " + io.tributary.inventory.Commands.MAX_QUANTITY));
            }
            BigDecimal price = null;
            try {
                price = l.unitPrice() == null ? null : new BigDecimal(l.unitPrice());
            } catch (NumberFormatException e) {
                price = null;
            }
            if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 4) {
                errors.add(new FieldError(field.apply(p + "unitPrice"), "must be a decimal string such as \"12.50\", 0 or more, at most 4 decimals"));
            }
            if (errors.isEmpty()) {
                lines.add(new PlaceOrder.Line(l.lineId(), new Sku(l.sku()), l.quantity(), price));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        PlaceOrder.Customer customer = b.customer() == null ? null : new PlaceOrder.Customer(
                b.customer().email() == null ? null : b.customer().email().toLowerCase(Locale.ROOT), b.customer().name());
        return new PlaceOrder(channel, b.externalId(), b.placedAt(), currency, customer, shipTo, b.deliveryMethod(), pickup,
                b.serviceLevel() == null ? ServiceLevel.STANDARD : b.serviceLevel(), b.paymentStatus(), Boolean.TRUE.equals(b.fraudFlag()),
                lines);
    }

    private static void required(List<FieldError> errors, String field, String value) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "is required"));
        }
    }
}
