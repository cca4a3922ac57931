package io.tributary.orders.web;

import io.tributary.channels.ChannelCode;
import io.tributary.orders.PaymentStatus;
import io.tributary.orders.web.OrderController.AddressRequest;
import io.tributary.orders.web.OrderController.CustomerRequest;
import io.tributary.orders.web.OrderController.LineRequest;
import io.tributary.orders.web.OrderController.OrderRequest;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.math.BigInteger;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the body of a Shopify {@code orders/create} webhook into the same request {@code POST /orders}
 * takes, so that both pass one set of intake rules. Only the fields below are read; everything else
 * Shopify sends is ignored.
 *
 * <pre>
 * Shopify                                    order request
 * id                                         externalId (as a string)
 * created_at                                 placedAt
 * currency                                   currency
 * email, else customer.email                 customer.email
 * customer.first_name + last_name            customer.name
 * shipping_address.name, address1, address2, shipTo.name, line1, line2,
 *   city, province_code, zip, country_code,    city, region, postalCode, country,
 *   latitude, longitude                        latitude, longitude
 * line_items[i].id, sku, quantity, price     lines[i].lineId, sku, quantity, unitPrice
 * financial_status                           paymentStatus, see {@link #paymentStatus}
 * shipping_lines[].code and title            deliveryMethod and serviceLevel, see {@link #delivery}
 * note_attributes[name=pickup_location]      pickupLocation (a PICKUP order's store)
 * tags                                       fraudFlag, see {@link #fraudFlag}
 * </pre>
 *
 * Errors name the Shopify field ({@code line_items[1].sku}), never ours.
 */
final class ShopifyOrderMapper {

    /** The {@code note_attributes} entry that names the store a pickup order is collected from. */
    static final String PICKUP_ATTRIBUTE = "pickup_location";

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("externalId", "id"),
            Map.entry("placedAt", "created_at"),
            Map.entry("currency", "currency"),
            Map.entry("customer.email", "email"),
            Map.entry("customer.name", "customer"),
            Map.entry("shipTo", "shipping_address"),
            Map.entry("shipTo.name", "shipping_address.name"),
            Map.entry("shipTo.line1", "shipping_address.address1"),
            Map.entry("shipTo.line2", "shipping_address.address2"),
            Map.entry("shipTo.city", "shipping_address.city"),
            Map.entry("shipTo.region", "shipping_address.province_code"),
            Map.entry("shipTo.postalCode", "shipping_address.zip"),
            Map.entry("shipTo.country", "shipping_address.country_code"),
            Map.entry("shipTo.latitude", "shipping_address.latitude"),
            Map.entry("shipTo.longitude", "shipping_address.longitude"),
            Map.entry("deliveryMethod", "shipping_lines"),
            Map.entry("serviceLevel", "shipping_lines"),
            Map.entry("pickupLocation", "note_attributes." + PICKUP_ATTRIBUTE),
            Map.entry("paymentStatus", "financial_status"),
            Map.entry("fraudFlag", "tags"),
            Map.entry("lines", "line_items"));

    private static final Map<String, String> LINE_FIELDS = Map.of(
            "lineId", "id", "sku", "sku", "quantity", "quantity", "unitPrice", "price");

    // lines[3], lines[3].sku, and the bean validation path of a list element, lines[3].<list element>
    private static final Pattern LINE_PATH = Pattern.compile("lines\\[(\\d+)](?:\\.<list element>)?(?:\\.(\\w+))?");

    private ShopifyOrderMapper() {
    }

    /** How the customer receives a Shopify order. */
    record Delivery(DeliveryMethod method, ServiceLevel serviceLevel) {
    }

    /**
     * A Shopify order read into an order request. {@code errors} name required Shopify fields that
     * are missing or of the wrong type; the intake rules are applied afterwards, to the request.
     */
    record Mapped(OrderRequest request, List<FieldError> errors, Map<String, String> renamed) {

        /** The Shopify path of one of our request's field paths, for error messages. */
        String shopifyField(String ours) {
            String own = renamed.get(ours);
            if (own != null) {
                return own;
            }
            Matcher m = LINE_PATH.matcher(ours);
            if (m.matches()) {
                String base = "line_items[" + m.group(1) + "]";
                return m.group(2) == null ? base : base + "." + LINE_FIELDS.getOrDefault(m.group(2), m.group(2));
            }
            return FIELDS.getOrDefault(ours, ours);
        }

        /** True when the request can go through the intake rules (they need a currency and the lines). */
        boolean complete() {
            return request.currency() != null && request.lines() != null;
        }
    }

    static Mapped read(JsonNode order, ChannelCode channel) {
        Reader r = new Reader();
        String id = r.required(r.identifier(order.path("id"), "id"), "id");
        Instant placedAt = r.instant(order.path("created_at"), "created_at");
        String currency = r.required(r.text(order.path("currency"), "currency"), "currency");

        String email = r.text(order.path("email"), "email");
        JsonNode customer = order.path("customer");
        if (email == null) {
            email = r.text(customer.path("email"), "customer.email");
            if (email != null) {
                r.renamed.put("customer.email", "customer.email");
            }
        }
        String name = fullName(r.text(customer.path("first_name"), "customer.first_name"),
                r.text(customer.path("last_name"), "customer.last_name"));
        CustomerRequest customerRequest = email == null && name == null ? null : new CustomerRequest(email, name);

        Delivery delivery = r.delivery(order.path("shipping_lines"));
        String pickupLocation = delivery.method() == DeliveryMethod.PICKUP ? r.pickupLocation(order.path("note_attributes")) : null;
        AddressRequest shipTo = r.address(order.path("shipping_address"));
        if (delivery.method() == DeliveryMethod.SHIP && shipTo == null) {
            r.errors.add(new FieldError("shipping_address", "is required for an order that is shipped"));
        }

        List<LineRequest> lines = r.lines(order.path("line_items"));
        PaymentStatus payment = paymentStatus(r.text(order.path("financial_status"), "financial_status"));
        OrderRequest request = new OrderRequest(channel.value(), id, placedAt, currency, customerRequest, shipTo,
                delivery.method(), pickupLocation, delivery.serviceLevel(), payment, fraudFlag(order.path("tags")), lines);
        return new Mapped(request, List.copyOf(r.errors), Map.copyOf(r.renamed));
    }

    /**
     * Shopify's {@code financial_status} in our words: money taken ({@code paid}, {@code partially_paid})
     * is CAPTURED, {@code authorized} is AUTHORIZED, {@code pending} is PENDING; money that is gone or
     * will not come ({@code voided}, {@code refunded}, {@code partially_refunded}, {@code expired}) is
     * FAILED. A missing or unknown status is PENDING, so a person looks at the order before it is routed.
     */
    static PaymentStatus paymentStatus(String financialStatus) {
        if (financialStatus == null) {
            return PaymentStatus.PENDING;
        }
        return switch (financialStatus.trim().toLowerCase(Locale.ROOT)) {
            case "paid", "partially_paid" -> PaymentStatus.CAPTURED;
            case "authorized" -> PaymentStatus.AUTHORIZED;
            case "voided", "refunded", "partially_refunded", "expired" -> PaymentStatus.FAILED;
            default -> PaymentStatus.PENDING;
        };
    }

    /**
     * Delivery from the shipping lines' {@code code} and {@code title}, compared without case, spaces or
     * punctuation: a line that says pickup ("Pickup", "Pick-up in store", "Click &amp; Collect") makes the
     * order a PICKUP; otherwise it ships. The service level is the fastest any line names: "same day" is
     * SAME_DAY, "express", "overnight" or "next day" is EXPRESS, anything else STANDARD. No shipping
     * lines: shipped, STANDARD.
     */
    static Delivery delivery(List<String> shippingLineNames) {
        DeliveryMethod method = DeliveryMethod.SHIP;
        ServiceLevel level = ServiceLevel.STANDARD;
        for (String line : shippingLineNames) {
            String words = line.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
            if (words.contains("pickup") || words.contains("clickcollect") || words.contains("clickandcollect")) {
                method = DeliveryMethod.PICKUP;
            }
            if (words.contains("sameday")) {
                level = ServiceLevel.SAME_DAY;
            } else if (level == ServiceLevel.STANDARD
                    && (words.contains("express") || words.contains("overnight") || words.contains("nextday"))) {
                level = ServiceLevel.EXPRESS;
            }
        }
        return new Delivery(method, level);
    }

    /**
     * Shopify has no risk verdict in the order webhook; fraud tools and merchants tag risky orders.
     * The order is flagged when a tag mentions fraud ("fraud", "Fraud-Suspected") or is "high risk";
     * tags come as Shopify's comma-separated string or as an array.
     */
    static boolean fraudFlag(JsonNode tags) {
        List<String> all = new ArrayList<>();
        if (tags.isString()) {
            all.addAll(List.of(tags.stringValue().split(",")));
        } else if (tags.isArray()) {
            tags.values().forEach(t -> all.add(t.isString() ? t.stringValue() : ""));
        }
        return all.stream().map(t -> t.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""))
                .anyMatch(t -> t.contains("fraud") || t.equals("highrisk"));
    }

    private static String fullName(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim();
        return name.isEmpty() ? null : name;
    }

    /** Reads values at Shopify paths, collecting an error for each one of the wrong type. */
    private static final class Reader {
        final List<FieldError> errors = new ArrayList<>();
        final Map<String, String> renamed = new HashMap<>();

        void missing(String field) {
            errors.add(new FieldError(field, "is required"));
        }

        /** The value; when it is absent (and was not refused for its type already) the field is missing. */
        <T> T required(T value, String field) {
            if (value == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
                missing(field);
            }
            return value;
        }

        /** A string; blank counts as absent, as Shopify sends {@code ""} for fields it has no value for. */
        String text(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isString()) {
                errors.add(new FieldError(field, "must be a string"));
                return null;
            }
            return node.stringValue().isBlank() ? null : node.stringValue();
        }

        /** Shopify ids are integers; a string id is taken as it is. */
        String identifier(JsonNode node, String field) {
            if (node.isIntegralNumber()) {
                return node.bigIntegerValue().toString();
            }
            if (node.isNumber()) {
                errors.add(new FieldError(field, "must be an integer or a string"));
                return null;
            }
            return text(node, field);
        }

        Instant instant(JsonNode node, String field) {
            String value = text(node, field);
            if (value == null) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError(field, "must be an ISO 8601 timestamp with an offset"));
                return null;
            }
        }

        Long integer(JsonNode node, String field) {
            if (node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isIntegralNumber()) {
                errors.add(new FieldError(field, "must be an integer"));
                return null;
            }
            BigInteger value = node.bigIntegerValue();
            if (value.bitLength() > 63) {
                errors.add(new FieldError(field, "is out of range"));
                return null;
            }
            return value.longValue();
        }

        /** A price: Shopify sends decimal strings; a JSON number is read by its decimal text. */
        String decimal(JsonNode node, String field) {
            if (node.isNumber()) {
                return node.decimalValue().toPlainString();
            }
            return text(node, field);
        }

        /** A coordinate: a number, or a numeric string as some Shopify apps write them. */
        Double coordinate(JsonNode node, String field) {
            if (node.isNumber()) {
                return node.doubleValue();
            }
            String value = text(node, field);
            if (value == null) {
                return null;
            }
            try {
                return Double.valueOf(value);
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field, "must be a number"));
                return null;
            }
        }

        Delivery delivery(JsonNode shippingLines) {
            if (shippingLines.isMissingNode() || shippingLines.isNull()) {
                return ShopifyOrderMapper.delivery(List.of());
            }
            if (!shippingLines.isArray()) {
                errors.add(new FieldError("shipping_lines", "must be an array"));
                return ShopifyOrderMapper.delivery(List.of());
            }
            List<String> names = new ArrayList<>();
            for (int i = 0; i < shippingLines.size(); i++) {
                JsonNode line = shippingLines.path(i);
                String code = text(line.path("code"), "shipping_lines[" + i + "].code");
                String title = text(line.path("title"), "shipping_lines[" + i + "].title");
                names.add((code == null ? "" : code) + " " + (title == null ? "" : title));
            }
            return ShopifyOrderMapper.delivery(names);
        }

        String pickupLocation(JsonNode attributes) {
            if (attributes.isArray()) {
                for (int i = 0; i < attributes.size(); i++) {
                    JsonNode attribute = attributes.path(i);
                    if (PICKUP_ATTRIBUTE.equals(attribute.path("name").asString(null))) {
                        String path = "note_attributes[" + i + "].value";
                        renamed.put("pickupLocation", path);
                        return required(text(attribute.path("value"), path), path);
                    }
                }
            }
            errors.add(new FieldError("note_attributes." + PICKUP_ATTRIBUTE, "is required for a pickup order: the code of the store"));
            return null;
        }

        AddressRequest address(JsonNode a) {
            if (a.isMissingNode() || a.isNull()) {
                return null;
            }
            if (!a.isObject()) {
                errors.add(new FieldError("shipping_address", "must be an object"));
                return null;
            }
            String p = "shipping_address.";
            String name = text(a.path("name"), p + "name");
            if (name == null) {
                name = fullName(text(a.path("first_name"), p + "first_name"), text(a.path("last_name"), p + "last_name"));
            }
            return new AddressRequest(name, text(a.path("address1"), p + "address1"), text(a.path("address2"), p + "address2"),
                    text(a.path("city"), p + "city"), text(a.path("province_code"), p + "province_code"), text(a.path("zip"), p + "zip"),
                    text(a.path("country_code"), p + "country_code"), coordinate(a.path("latitude"), p + "latitude"),
                    coordinate(a.path("longitude"), p + "longitude"));
        }

        List<LineRequest> lines(JsonNode items) {
            if (items.isMissingNode() || items.isNull()) {
                missing("line_items");
                return null;
            }
            if (!items.isArray()) {
                errors.add(new FieldError("line_items", "must be an array"));
                return null;
            }
            List<LineRequest> lines = new ArrayList<>();
            for (int i = 0; i < items.size(); i++) {
                JsonNode item = items.path(i);
                String p = "line_items[" + i + "].";
                if (!item.isObject()) {
                    errors.add(new FieldError("line_items[" + i + "]", "must be an object"));
                    lines.add(new LineRequest(null, null, null, null));
                    continue;
                }
                String lineId = required(identifier(item.path("id"), p + "id"), p + "id");
                String sku = required(text(item.path("sku"), p + "sku"), p + "sku");
                Long quantity = required(integer(item.path("quantity"), p + "quantity"), p + "quantity");
                String price = required(decimal(item.path("price"), p + "price"), p + "price");
                lines.add(new LineRequest(lineId, sku, quantity, price));
            }
            return lines;
        }
    }
}
