package io.tributary.support;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test-data builders over the REST API: unique items, locations, channels and stock. */
public final class Fixtures {

    private final Api api;

    public Fixtures(Api api) {
        this.api = api;
    }

    public String item() {
        String sku = Api.unique("SKU");
        item(sku, List.of());
        return sku;
    }

    /** A kit of {@code components}: pairs of SKU and units per kit. */
    public String kit(Object... skuAndQuantity) {
        String sku = Api.unique("KIT");
        List<Map<String, Object>> components = new java.util.ArrayList<>();
        for (int i = 0; i < skuAndQuantity.length; i += 2) {
            components.add(Map.of("sku", skuAndQuantity[i], "quantity", skuAndQuantity[i + 1]));
        }
        item(sku, components);
        return sku;
    }

    public void item(String sku, List<Map<String, Object>> components) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Item " + sku);
        body.put("unitsPerCase", 6);
        body.put("casesPerPallet", 40);
        body.put("inspectionRequired", false);
        body.put("lotTracked", false);
        body.put("components", components);
        api.put("/items/" + sku, body).expect(201);
    }

    public String location() {
        return location(null, 0);
    }

    /** A DC that ships; {@code staleAfter} (ISO duration or null) and its stale buffer. */
    public String location(String staleAfter, int staleBufferPercent) {
        String code = Api.unique("LOC");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Location " + code);
        body.put("type", "DC");
        body.put("country", "DE");
        body.put("postalCode", "10115");
        body.put("latitude", 52.52);
        body.put("longitude", 13.40);
        body.put("capabilities", List.of("SHIP", "RECEIVE", "TRANSFER"));
        body.put("dailyOrderCapacity", 1000);
        body.put("staleAfter", staleAfter);
        body.put("staleBufferPercent", staleBufferPercent);
        body.put("active", true);
        api.put("/locations/" + code, body).expect(201);
        return code;
    }

    /** A location of the given type at a point, with these capabilities and daily order capacity (null: unlimited). */
    public String node(String type, double latitude, double longitude, List<String> capabilities, Integer dailyOrderCapacity) {
        String code = Api.unique(type);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Node " + code);
        body.put("type", type);
        body.put("country", "DE");
        body.put("postalCode", "10115");
        body.put("latitude", latitude);
        body.put("longitude", longitude);
        body.put("capabilities", capabilities);
        body.put("dailyOrderCapacity", dailyOrderCapacity);
        body.put("staleBufferPercent", 0);
        body.put("active", true);
        api.put("/locations/" + code, body).expect(201);
        return code;
    }

    public String channel(List<String> locations) {
        return channel(locations, 0, 0);
    }

    public String channel(List<String> locations, long bufferUnits, int bufferPercent) {
        String code = Api.unique("CH");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Channel " + code);
        body.put("type", "STOREFRONT");
        body.put("locations", locations);
        body.put("bufferUnits", bufferUnits);
        body.put("bufferPercent", bufferPercent);
        api.put("/channels/" + code, body).expect(201);
        return code;
    }

    /** Adds stock by adjustment (reason RECEIVED). */
    public void stock(String sku, String location, long quantity) {
        api.post("/inventory/adjustments", Map.of("sku", sku, "location", location, "quantity", quantity, "reason", "RECEIVED"))
                .expect(201);
    }

    public Api.Response reserve(String channel, String sku, String location, long quantity) {
        return api.post("/reservations", Map.of("reference", Api.unique("order"), "channel", channel,
                "lines", List.of(Map.of("sku", sku, "location", location, "quantity", quantity))));
    }
}
