package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class InventoryIntegrationTests extends IntegrationTest {

    @Test
    void adjustmentWritesAMovementAndTheNewBalance() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        JsonNode body = api.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 12,
                "reason", "RECEIVED", "note", "first delivery")).expect(201).json();
        assertThat(body.path("movement").path("quantity").asLong()).isEqualTo(12);
        assertThat(body.path("movement").path("actor").asString()).isEqualTo("user:admin");
        assertThat(body.path("movement").path("type").asString()).isEqualTo("ADJUSTMENT");
        assertThat(body.path("balance").path("onHand").asLong()).isEqualTo(12);
        assertThat(body.path("balance").path("available").asLong()).isEqualTo(12);

        JsonNode stock = api.get("/inventory/" + sku).expect(200).json();
        assertThat(stock.path("locations").get(0).path("location").asString()).isEqualTo(loc);
        assertThat(stock.path("totals").path("onHand").asLong()).isEqualTo(12);

        JsonNode movements = api.get("/inventory/" + sku + "/movements").expect(200).json();
        assertThat(movements.path("items")).hasSize(1);
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    @Test
    void reservationHoldsStockAndReleaseGivesItBack() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        String channel = f.channel(List.of(loc));
        f.stock(sku, loc, 5);

        JsonNode reservation = f.reserve(channel, sku, loc, 3).expect(201).json();
        assertThat(reservation.path("status").asString()).isEqualTo("ACTIVE");
        assertThat(available(api, channel, sku)).isEqualTo(2);

        Api.Response refused = f.reserve(channel, sku, loc, 3).expect(409);
        assertThat(refused.problemSlug()).isEqualTo("insufficient-stock");
        assertThat(refused.json().path("shortfalls").get(0).path("available").asLong()).isEqualTo(2);

        api.post("/reservations/" + reservation.path("id").asString() + "/release", null).expect(200);
        assertThat(available(api, channel, sku)).isEqualTo(5);
        assertThat(api.post("/reservations/" + reservation.path("id").asString() + "/release", null).expect(409).problemSlug())
                .isEqualTo("invalid-transition");
        assertThat(api.get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
    }

    static long available(Api api, String channel, String sku) {
        return api.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json()
                .path("items").get(0).path("available").asLong();
    }
}
