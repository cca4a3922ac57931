package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Bad requests are 4xx problems naming the field, and write nothing. */
class BadInputIntegrationTests extends IntegrationTest {

    private Api api;
    private String sku;
    private String loc;
    private String channel;

    @BeforeEach
    void data() {
        api = admin();
        Fixtures f = new Fixtures(api);
        sku = f.item();
        loc = f.location();
        channel = f.channel(List.of(loc));
    }

    // ------------------------------------------------------------------ adjustments

    @Test
    void malformedJsonAdjustmentIsABadRequest() {
        Api.Response r = adjust("{\"sku\": \"" + sku + "\", \"location\": ");
        problem(r, 400);
        r = adjust("{\"sku\": \"" + sku + "\"} trailing");
        problem(r, 400);
        nothingWritten();
    }

    @Test
    void wrongTypesForQuantityAreRefusedNamingQuantity() {
        for (String quantity : List.of("\"5\"", "1.5", "true", "[1]", "{}")) {
            Api.Response r = adjust(adjustment(quantity, "\"RECEIVED\"", null));
            problem(r, 400);
            assertThat(r.errorFields()).as(quantity + ": " + r.body()).containsExactly("quantity");
        }
        nothingWritten();
    }

    @Test
    void missingAdjustmentFieldsAreEachNamed() {
        Api.Response r = adjust("{}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("sku", "location", "quantity", "reason");
        r = adjust("{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"reason\": \"FOUND\"}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("quantity");
        nothingWritten();
    }

    @Test
    void unknownEnumsAreRefusedNamingTheField() {
        Api.Response r = adjust(adjustment("5", "\"RECEIVED\"", "\"BROKEN\""));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("status");
        r = adjust(adjustment("5", "\"X\"", null));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("reason");
        r = adjust(adjustment("5", "\"RECEIVED\"", "\"IN_TRANSIT\""));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("status");
        nothingWritten();
    }

    @Test
    void unknownSkuOrLocationIsRefusedNamingIt() {
        Api.Response r = adjust("{\"sku\": \"" + Api.unique("NOPE") + "\", \"location\": \"" + loc + "\", \"quantity\": 5, \"reason\": \"FOUND\"}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("sku");
        r = adjust("{\"sku\": \"" + sku + "\", \"location\": \"" + Api.unique("NOLOC") + "\", \"quantity\": 5, \"reason\": \"FOUND\"}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("location");
        r = adjust("{\"sku\": \"bad sku!\", \"location\": \"" + loc + "\", \"quantity\": 5, \"reason\": \"FOUND\"}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("sku");
        nothingWritten();
    }

    @Test
    void zeroOrHugeQuantitiesAreRefusedNamingQuantity() {
        for (String quantity : List.of("0", "1000000000000", "-1000000000000", "99999999999999999999", "9223372036854775807")) {
            Api.Response r = adjust(adjustment(quantity, "\"RECEIVED\"", null));
            problem(r, 400);
            assertThat(r.errorFields()).as(quantity + ": " + r.body()).containsExactly("quantity");
        }
        nothingWritten();
    }

    @Test
    void removingMoreThanThereIsIsRefused() {
        Api.Response r = adjust(adjustment("-1", "\"DAMAGED\"", null));
        problem(r, 409);
        assertThat(r.problemSlug()).isEqualTo("insufficient-stock");
        nothingWritten();
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() {
        String note = "x".repeat(1_100_000);
        Api.Response r = adjust("{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"quantity\": 5, \"reason\": \"FOUND\", \"note\": \""
                + note + "\"}");
        problem(r, 413);
        Api.Response reservation = api.send("POST", "/reservations", "{\"reference\": \"" + note + "\"}", "application/json");
        problem(reservation, 413);
        nothingWritten();
    }

    @Test
    void plainTextIsAnUnsupportedMediaType() {
        Api.Response r = api.send("POST", "/inventory/adjustments", adjustment("5", "\"RECEIVED\"", null), "text/plain");
        problem(r, 415);
        r = api.send("POST", "/reservations", reservation("{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"quantity\": 1}"),
                "text/plain");
        problem(r, 415);
        nothingWritten();
    }

    // ------------------------------------------------------------------ reservations

    @Test
    void malformedJsonReservationIsABadRequest() {
        new Fixtures(api).stock(sku, loc, 5);
        problem(reserve("{\"reference\": "), 400);
        problem(reserve("[]"), 400);
        problem(reserve("not json"), 400);
        nothingReserved();
    }

    @Test
    void wrongTypesInAReservationLineAreRefusedNamingTheLine() {
        new Fixtures(api).stock(sku, loc, 5);
        for (String quantity : List.of("\"5\"", "1.5", "true")) {
            Api.Response r = reserve(reservation(line(sku, loc, quantity)));
            problem(r, 400);
            assertThat(r.errorFields()).as(quantity + ": " + r.body()).containsExactly("lines[0].quantity");
        }
        Api.Response r = reserve(reservation("{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"quantity\": 1, \"allowBackorder\": \"yes\"}"));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("lines[0].allowBackorder");
        r = reserve("{\"reference\": \"o\", \"channel\": \"" + channel + "\", \"expiresAt\": \"tomorrow\", \"lines\": [" + line(sku, loc, "1") + "]}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("expiresAt");
        nothingReserved();
    }

    @Test
    void missingReservationFieldsAreEachNamed() {
        new Fixtures(api).stock(sku, loc, 5);
        Api.Response r = reserve("{}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("reference", "channel", "lines");
        r = reserve(reservation("{}"));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactlyInAnyOrder("lines[0].sku", "lines[0].location", "lines[0].quantity");
        r = reserve("{\"reference\": \"o\", \"channel\": \"" + channel + "\", \"lines\": []}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("lines");
        nothingReserved();
    }

    @Test
    void unknownSkuLocationOrChannelInAReservationIsNamed() {
        new Fixtures(api).stock(sku, loc, 5);
        Api.Response r = reserve(reservation(line(Api.unique("NOPE"), loc, "1")));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("lines[0].sku");
        r = reserve(reservation(line(sku, Api.unique("NOLOC"), "1")));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("lines[0].location");
        r = reserve("{\"reference\": \"o\", \"channel\": \"" + Api.unique("NOCH") + "\", \"lines\": [" + line(sku, loc, "1") + "]}");
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("channel");
        nothingReserved();
    }

    @Test
    void zeroNegativeOrHugeReservationQuantitiesAreNamed() {
        new Fixtures(api).stock(sku, loc, 5);
        for (String quantity : List.of("0", "-1", "1000000000000", "99999999999999999999")) {
            Api.Response r = reserve(reservation(line(sku, loc, quantity)));
            problem(r, 400);
            assertThat(r.errorFields()).as(quantity + ": " + r.body()).containsExactly("lines[0].quantity");
        }
        nothingReserved();
    }

    @Test
    void aHugeKitQuantityIsRefusedNotOverflowed() {
        new Fixtures(api).stock(sku, loc, 5);
        Fixtures f = new Fixtures(api);
        String kit = f.kit(sku, 1000);
        Api.Response r = reserve(reservation(line(kit, loc, "999999999")));
        problem(r, 400);
        assertThat(r.errorFields()).containsExactly("lines[0].quantity");
        nothingReserved();
    }

    // ------------------------------------------------------------------ helpers

    private Api.Response adjust(String body) {
        return api.send("POST", "/inventory/adjustments", body, "application/json");
    }

    private Api.Response reserve(String body) {
        return api.send("POST", "/reservations", body, "application/json");
    }

    private String adjustment(String quantity, String reason, String status) {
        return "{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"quantity\": " + quantity + ", \"reason\": " + reason
                + (status == null ? "" : ", \"status\": " + status) + "}";
    }

    private String reservation(String line) {
        return "{\"reference\": \"" + Api.unique("order") + "\", \"channel\": \"" + channel + "\", \"lines\": [" + line + "]}";
    }

    private static String line(String sku, String loc, String quantity) {
        return "{\"sku\": \"" + sku + "\", \"location\": \"" + loc + "\", \"quantity\": " + quantity + "}";
    }

    private static void problem(Api.Response r, int status) {
        r.expect(status);
        assertThat(r.header("Content-Type")).as(r.body()).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.path("type").asString()).as(r.body()).startsWith("https://");
        assertThat(p.path("title").asString()).as(r.body()).isNotBlank();
        assertThat(p.path("status").asInt()).as(r.body()).isEqualTo(status);
        assertThat(p.path("detail").asString()).as(r.body()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    private void nothingWritten() {
        assertThat(api.get("/inventory/" + sku + "/movements").expect(200).json().path("items")).isEmpty();
        assertThat(api.get("/inventory/" + sku).expect(200).json().path("totals").path("onHand").asLong()).isZero();
    }

    private void nothingReserved() {
        JsonNode totals = api.get("/inventory/" + sku).expect(200).json().path("totals");
        assertThat(totals.path("reserved").asLong()).isZero();
        assertThat(totals.path("onHand").asLong()).isEqualTo(5);
    }
}
