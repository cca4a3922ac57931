package io.tributary.orders;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Shopify's {@code orders/create} webhook, signed as Shopify signs it, against the running application:
 * the sample in {@code shopify/orders-create.json} carries many fields intake ignores.
 */
class ShopifyIntakeIntegrationTests extends IntegrationTest {

    static final String SIGNATURE = "X-Shopify-Hmac-Sha256";
    static final List<String> SHIPS = List.of("SHIP", "RECEIVE");

    Api admin;
    Fixtures f;
    String skuA;
    String skuB;
    String dc;
    String secret;
    String channel;

    @BeforeEach
    void shopWithStockAndASecret() {
        admin = admin();
        f = new Fixtures(admin);
        skuA = f.item();
        skuB = f.item();
        dc = f.node("DC", 52.52, 13.40, SHIPS, null);
        f.stock(skuA, dc, 10);
        f.stock(skuB, dc, 10);
        secret = "shpss_" + Api.unique("secret");
        channel = channel(List.of(dc), secret);
    }

    String channel(List<String> locations, String webhookSecret) {
        String code = Api.unique("SHOP");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Shopify " + code);
        body.put("type", "STOREFRONT");
        body.put("locations", locations);
        if (webhookSecret != null) {
            body.put("webhookSecret", webhookSecret);
        }
        admin.put("/channels/" + code, body).expect(201);
        return code;
    }

    /** The sample order with fresh ids and an e-mail no other test uses. */
    static String sample(String skuA, String skuB, String financialStatus, String tags) {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long orderId = random.nextLong(1_000_000_000_000L, 9_000_000_000_000L);
        Map<String, String> values = Map.of(
                "ORDER_ID", Long.toString(orderId),
                "LINE_1", Long.toString(orderId + 1),
                "LINE_2", Long.toString(orderId + 2),
                "EMAIL", Api.unique("Buyer") + "@Example.com",
                "FINANCIAL_STATUS", financialStatus,
                "TAGS", tags,
                "SKU_A", skuA,
                "SKU_B", skuB);
        String text = resource("/shopify/orders-create.json");
        for (Map.Entry<String, String> e : values.entrySet()) {
            text = text.replace("${" + e.getKey() + "}", e.getValue());
        }
        return text;
    }

    String sample() {
        return sample(skuA, skuB, "paid", "vip, newsletter");
    }

    static String edit(String payload, Consumer<ObjectNode> change) {
        ObjectNode order = (ObjectNode) Api.JSON.readTree(payload);
        change.accept(order);
        return Api.JSON.writeValueAsString(order);
    }

    static String sign(String key, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    Api.Response deliver(String channelCode, String body, String signature) {
        Api shopify = anonymous();
        if (signature != null) {
            shopify = shopify.header(SIGNATURE, signature);
        }
        return shopify.send("POST", "/channels/" + channelCode + "/shopify/orders", body, "application/json");
    }

    Api.Response deliver(String body) {
        return deliver(channel, body, sign(secret, body));
    }

    JsonNode orders(String channelCode) {
        return admin.get("/orders?channel=" + channelCode).expect(200).json().path("items");
    }

    long available(String sku) {
        return admin.get("/availability?channel=" + channel + "&sku=" + sku).expect(200).json().path("items").get(0).path("available").asLong();
    }

    static String resource(String name) {
        try (InputStream in = ShopifyIntakeIntegrationTests.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void aSignedShopifyOrderIsPlacedWithItsFieldsMappedAndTheRestIgnored() {
        String body = sample();
        JsonNode shopify = Api.JSON.readTree(body);

        JsonNode o = deliver(body).expect(201).json();

        assertThat(o.path("channel").asString()).isEqualTo(channel);
        assertThat(o.path("externalId").asString()).isEqualTo(shopify.path("id").asString());
        assertThat(Instant.parse(o.path("placedAt").asString())).isEqualTo(Instant.parse("2026-03-14T09:15:30Z"));
        assertThat(o.path("currency").asString()).isEqualTo("EUR");
        assertThat(o.path("customer").path("email").asString()).isEqualTo(shopify.path("email").asString().toLowerCase());
        assertThat(o.path("customer").path("name").asString()).isEqualTo("Jürgen Weiß");
        JsonNode shipTo = o.path("shipTo");
        assertThat(shipTo.path("name").asString()).isEqualTo("Jürgen Weiß");
        assertThat(shipTo.path("line1").asString()).isEqualTo("Rosenthaler Straße 40");
        assertThat(shipTo.path("line2").asString()).isEqualTo("Hinterhaus, 3. OG");
        assertThat(shipTo.path("city").asString()).isEqualTo("Berlin");
        assertThat(shipTo.path("region").asString()).isEqualTo("BE");
        assertThat(shipTo.path("postalCode").asString()).isEqualTo("10178");
        assertThat(shipTo.path("country").asString()).isEqualTo("DE");
        assertThat(shipTo.path("latitude").asDouble()).isEqualTo(52.5262);
        assertThat(shipTo.path("longitude").asDouble()).isEqualTo(13.402);
        assertThat(o.path("deliveryMethod").asString()).isEqualTo("SHIP");
        assertThat(o.path("serviceLevel").asString()).isEqualTo("EXPRESS");
        assertThat(o.path("paymentStatus").asString()).isEqualTo("CAPTURED");
        assertThat(o.path("fraudFlag").asBoolean()).isFalse();
        assertThat(o.path("total").asString()).isEqualTo("68.90");
        assertThat(o.path("lines")).hasSize(2);
        JsonNode first = o.path("lines").get(0);
        assertThat(first.path("lineId").asString()).isEqualTo(shopify.path("line_items").get(0).path("id").asString());
        assertThat(first.path("sku").asString()).isEqualTo(skuA);
        assertThat(first.path("quantity").asLong()).isEqualTo(2);
        assertThat(first.path("unitPrice").asString()).isEqualTo("24.50");
        assertThat(o.path("lines").get(1).path("unitPrice").asString()).isEqualTo("19.90");
        assertThat(o.path("status").asString()).isEqualTo("ALLOCATED");
        assertThat(o.path("createdBy").asString()).isEqualTo("shopify:" + channel);
        assertThat(available(skuA)).isEqualTo(8);
    }

    @Test
    void shopifySendingTheSameOrderAgainGets200AndTheSameOrder() {
        String body = sample();
        String first = deliver(body).expect(201).json().path("id").asString();

        JsonNode again = deliver(body).expect(200).json();

        assertThat(again.path("id").asString()).isEqualTo(first);
        assertThat(orders(channel)).hasSize(1);
        assertThat(available(skuA)).isEqualTo(8);
    }

    @Test
    void aForgedSignatureIs401AndWritesNothing() {
        String body = sample();

        Api.Response wrongKey = deliver(channel, body, sign("not-the-secret", body)).expect(401);
        Api.Response tampered = deliver(channel, body.replace("\"quantity\": 2", "\"quantity\": 9"), sign(secret, body)).expect(401);
        Api.Response garbage = deliver(channel, body, "not base64 at all!").expect(401);

        for (Api.Response r : List.of(wrongKey, tampered, garbage)) {
            assertThat(r.problemSlug()).isEqualTo("invalid-signature");
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(orders(channel)).isEmpty();
        assertThat(available(skuA)).isEqualTo(10);
    }

    @Test
    void aWebhookWithoutTheSignatureHeaderIs401() {
        Api.Response r = deliver(channel, sample(), null).expect(401);

        assertThat(r.problemSlug()).isEqualTo("invalid-signature");
        assertThat(r.json().path("detail").asString()).contains("X-Shopify-Hmac-Sha256");
        assertThat(orders(channel)).isEmpty();
    }

    @Test
    void aChannelWithoutAWebhookSecretAcceptsNoShopifyOrder() {
        String unsigned = channel(List.of(dc), null);
        String body = sample();

        Api.Response r = deliver(unsigned, body, sign("a guess", body)).expect(401);

        assertThat(r.problemSlug()).isEqualTo("invalid-signature");
        assertThat(r.json().path("detail").asString()).contains("webhookSecret");
        assertThat(orders(unsigned)).isEmpty();
    }

    @Test
    void anUnknownChannelIs404() {
        String body = sample();

        Api.Response r = deliver(Api.unique("NOPE"), body, sign(secret, body)).expect(404);

        assertThat(r.problemSlug()).isEqualTo("not-found");
    }

    @Test
    void missingRequiredFieldsAre422NamingEachShopifyFieldAndNothingIsStored() {
        String body = edit(sample(), o -> {
            o.remove("id");
            o.remove("currency");
            o.remove("shipping_address");
            ((ObjectNode) o.path("line_items").get(0)).remove("quantity");
            ((ObjectNode) o.path("line_items").get(1)).putNull("sku");
            ((ObjectNode) o.path("line_items").get(1)).remove("price");
        });

        Api.Response r = deliver(body).expect(422);

        assertThat(r.problemSlug()).isEqualTo("validation-failed");
        assertThat(r.errorFields()).containsExactlyInAnyOrder("id", "currency", "shipping_address",
                "line_items[0].quantity", "line_items[1].sku", "line_items[1].price");
        assertThat(orders(channel)).isEmpty();
        assertThat(available(skuA)).isEqualTo(10);
    }

    @Test
    void noLineItemsIs422OnLineItems() {
        Api.Response missing = deliver(edit(sample(), o -> o.remove("line_items"))).expect(422);
        Api.Response empty = deliver(edit(sample(), o -> o.putArray("line_items"))).expect(422);

        assertThat(missing.errorFields()).containsExactly("line_items");
        assertThat(empty.errorFields()).containsExactly("line_items");
    }

    @Test
    void intakeRulesApplyAndNameTheShopifyFields() {
        String body = edit(sample(), o -> {
            ((ObjectNode) o.path("line_items").get(0)).put("quantity", 0);
            ((ObjectNode) o.path("line_items").get(1)).put("price", "19.90001");
            ((ObjectNode) o.path("shipping_address")).put("country_code", "Germany");
            o.put("currency", "euro");
        });

        Api.Response r = deliver(body).expect(422);

        assertThat(r.errorFields()).containsExactlyInAnyOrder("line_items[0].quantity", "line_items[1].price",
                "shipping_address.country_code", "currency");
        assertThat(orders(channel)).isEmpty();
    }

    @Test
    void anUnknownSkuIs422NamingTheShopifyLineAndNothingIsStored() {
        String body = sample(skuA, Api.unique("NO-SUCH"), "paid", "");

        Api.Response r = deliver(body).expect(422);

        assertThat(r.problemSlug()).isEqualTo("validation-failed");
        assertThat(r.errorFields()).containsExactly("line_items[1].sku");
        assertThat(r.json().path("errors").get(0).path("message").asString()).contains("does not exist");
        assertThat(orders(channel)).isEmpty();
        assertThat(available(skuA)).isEqualTo(10);
    }

    @Test
    void aSignedBodyThatIsNotJsonIs400() {
        String body = "{\"id\": 1, ";

        Api.Response r = deliver(body).expect(400);

        assertThat(r.errorFields()).containsExactly("body");
    }

    @Test
    void pendingPaymentAndAFraudTagHoldTheOrder() {
        JsonNode o = deliver(sample(skuA, skuB, "pending", "Fraud-Suspected, vip")).expect(201).json();

        assertThat(o.path("status").asString()).isEqualTo("HELD");
        assertThat(o.path("paymentStatus").asString()).isEqualTo("PENDING");
        assertThat(o.path("fraudFlag").asBoolean()).isTrue();
        assertThat(o.path("holds")).extracting(JsonNode::asString).containsExactlyInAnyOrder("PAYMENT_PENDING", "FRAUD_FLAG");
        assertThat(available(skuA)).isEqualTo(10);
    }

    @Test
    void aPickupShippingLineCollectsAtTheStoreNamedInTheNoteAttributes() {
        String store = f.node("STORE", 52.50, 13.41, List.of("PICKUP", "RECEIVE"), null);
        f.stock(skuA, store, 5);
        f.stock(skuB, store, 5);
        String shop = channel(List.of(dc, store), secret);
        String body = edit(sample(), o -> {
            o.remove("shipping_address");
            ArrayNode lines = o.putArray("shipping_lines");
            lines.addObject().put("code", "Pickup in store").put("title", "Abholung im Laden").put("price", "0.00");
            ((ArrayNode) o.path("note_attributes")).addObject().put("name", "pickup_location").put("value", store);
        });

        JsonNode o = deliver(shop, body, sign(secret, body)).expect(201).json();

        assertThat(o.path("deliveryMethod").asString()).isEqualTo("PICKUP");
        assertThat(o.path("pickupLocation").asString()).isEqualTo(store);
        assertThat(o.path("allocations")).allSatisfy(a -> assertThat(a.path("location").asString()).isEqualTo(store));
    }

    @Test
    void aPickupOrderWithoutItsStoreIs422() {
        String body = edit(sample(), o -> {
            ArrayNode lines = o.putArray("shipping_lines");
            lines.addObject().put("code", "Click & Collect").put("title", "Click & Collect");
        });

        Api.Response r = deliver(body).expect(422);

        assertThat(r.errorFields()).containsExactly("note_attributes.pickup_location");
    }

    @Test
    void credentialsAreNotNeededButWrongOnesAreStillRefused() {
        String body = sample();

        Api.Response r = new Api(port, "Bearer not-a-key").header(SIGNATURE, sign(secret, body))
                .send("POST", "/channels/" + channel + "/shopify/orders", body, "application/json");

        assertThat(r.status()).isEqualTo(401);
        assertThat(orders(channel)).isEmpty();
        anonymous().post("/orders", Map.of()).expect(401);
    }

    @Test
    void theOpenApiDocumentShowsTheWebhookWithoutCredentials() {
        JsonNode post = anonymous().get("/v3/api-docs").expect(200).json().path("paths").path("/api/v1/channels/{code}/shopify/orders").path("post");

        assertThat(post.path("security").isArray()).isTrue();
        assertThat(post.path("security")).isEmpty();
        assertThat(post.path("parameters")).extracting(p -> p.path("name").asString()).contains(SIGNATURE);
    }
}
