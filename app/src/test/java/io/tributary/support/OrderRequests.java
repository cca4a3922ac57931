package io.tributary.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of {@code POST /orders} for tests: a Berlin customer, shipped, with a unique external id. */
public final class OrderRequests {

    private OrderRequests() {
    }

    /** A SHIP order of {@code channel}; {@code email} null means a new customer each time. */
    public static Map<String, Object> order(String channel, String payment, String serviceLevel, String email,
                                            List<Map<String, Object>> lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("channel", channel);
        body.put("externalId", Api.unique("ext"));
        body.put("currency", "EUR");
        body.put("customer", Map.of("email", email != null ? email : Api.unique("c") + "@example.com", "name", "Ada"));
        body.put("shipTo", Map.of("name", "Ada", "line1", "Unter den Linden 1", "city", "Berlin", "postalCode", "10117",
                "country", "DE", "latitude", 52.517, "longitude", 13.389));
        body.put("deliveryMethod", "SHIP");
        body.put("serviceLevel", serviceLevel);
        body.put("paymentStatus", payment);
        body.put("lines", lines);
        return body;
    }

    /** A line at 10.00 a unit. */
    public static Map<String, Object> line(String id, String sku, long quantity) {
        return Map.of("lineId", id, "sku", sku, "quantity", quantity, "unitPrice", "10.00");
    }
}
