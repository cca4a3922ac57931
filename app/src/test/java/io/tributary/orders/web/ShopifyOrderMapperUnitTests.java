package io.tributary.orders.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.channels.ChannelCode;
import io.tributary.orders.PaymentStatus;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

class ShopifyOrderMapperUnitTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @CsvSource({
            "paid, CAPTURED",
            "partially_paid, CAPTURED",
            "authorized, AUTHORIZED",
            "pending, PENDING",
            "voided, FAILED",
            "refunded, FAILED",
            "partially_refunded, FAILED",
            "expired, FAILED",
            "PAID, CAPTURED",
            "something_new, PENDING"})
    void financialStatusMapsToPaymentStatus(String financialStatus, PaymentStatus expected) {
        assertThat(ShopifyOrderMapper.paymentStatus(financialStatus)).isEqualTo(expected);
    }

    @Test
    void aMissingFinancialStatusIsPendingSoTheOrderIsHeld() {
        assertThat(ShopifyOrderMapper.paymentStatus(null)).isEqualTo(PaymentStatus.PENDING);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Standard Shipping           | SHIP   | STANDARD",
            "DHL Paket                   | SHIP   | STANDARD",
            "DHL Express                 | SHIP   | EXPRESS",
            "UPS Next Day Air            | SHIP   | EXPRESS",
            "Overnight                   | SHIP   | EXPRESS",
            "Same-Day Courier            | SHIP   | SAME_DAY",
            "same day delivery           | SHIP   | SAME_DAY",
            "Pickup                      | PICKUP | STANDARD",
            "Pick-up in store            | PICKUP | STANDARD",
            "Click & Collect             | PICKUP | STANDARD",
            "Same day pick up            | PICKUP | SAME_DAY"})
    void shippingLinesDecideDeliveryMethodAndServiceLevel(String line, DeliveryMethod method, ServiceLevel level) {
        assertThat(ShopifyOrderMapper.delivery(List.of(line))).isEqualTo(new ShopifyOrderMapper.Delivery(method, level));
    }

    @Test
    void noShippingLinesShipsStandardAndSeveralLinesTakeTheFastest() {
        assertThat(ShopifyOrderMapper.delivery(List.of()))
                .isEqualTo(new ShopifyOrderMapper.Delivery(DeliveryMethod.SHIP, ServiceLevel.STANDARD));
        assertThat(ShopifyOrderMapper.delivery(List.of("Same day", "Express", "Standard")))
                .isEqualTo(new ShopifyOrderMapper.Delivery(DeliveryMethod.SHIP, ServiceLevel.SAME_DAY));
        assertThat(ShopifyOrderMapper.delivery(List.of("Standard", "Express")))
                .isEqualTo(new ShopifyOrderMapper.Delivery(DeliveryMethod.SHIP, ServiceLevel.EXPRESS));
    }

    @Test
    void aTagThatMentionsFraudOrHighRiskFlagsTheOrder() {
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.readTree("\"vip, Fraud-Suspected\""))).isTrue();
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.readTree("\"High Risk\""))).isTrue();
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.readTree("[\"wholesale\", \"fraud\"]"))).isTrue();
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.readTree("\"vip, risk-reviewed\""))).isFalse();
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.readTree("\"\""))).isFalse();
        assertThat(ShopifyOrderMapper.fraudFlag(JSON.missingNode())).isFalse();
    }

    @Test
    void errorsNameShopifyFields() {
        ShopifyOrderMapper.Mapped mapped = ShopifyOrderMapper.read(JSON.readTree("{}"), new ChannelCode("web"));

        assertThat(mapped.shopifyField("lines[3].unitPrice")).isEqualTo("line_items[3].price");
        assertThat(mapped.shopifyField("lines[0].lineId")).isEqualTo("line_items[0].id");
        assertThat(mapped.shopifyField("lines[2].<list element>")).isEqualTo("line_items[2]");
        assertThat(mapped.shopifyField("lines")).isEqualTo("line_items");
        assertThat(mapped.shopifyField("shipTo.postalCode")).isEqualTo("shipping_address.zip");
        assertThat(mapped.shopifyField("externalId")).isEqualTo("id");
        assertThat(mapped.errors()).extracting(e -> e.field()).containsExactlyInAnyOrder("id", "currency", "shipping_address", "line_items");
    }

    @Test
    void theCustomerEmailIsTakenFromTheCustomerWhenTheOrderHasNone() {
        ShopifyOrderMapper.Mapped mapped = ShopifyOrderMapper.read(JSON.readTree("""
                {"id": 12, "currency": "EUR", "email": "", "customer": {"email": "a@example.com", "first_name": "Ada"},
                 "shipping_lines": [{"code": "Pickup", "title": "Pickup"}],
                 "note_attributes": [{"name": "pickup_location", "value": "STORE-1"}],
                 "line_items": [{"id": 99, "sku": "A-1", "quantity": 1, "price": "2.50", "vendor": "ignored"}]}
                """), new ChannelCode("web"));

        assertThat(mapped.errors()).isEmpty();
        assertThat(mapped.request().customer()).isEqualTo(new OrderController.CustomerRequest("a@example.com", "Ada"));
        assertThat(mapped.shopifyField("customer.email")).isEqualTo("customer.email");
        assertThat(mapped.request().deliveryMethod()).isEqualTo(DeliveryMethod.PICKUP);
        assertThat(mapped.request().pickupLocation()).isEqualTo("STORE-1");
        assertThat(mapped.shopifyField("pickupLocation")).isEqualTo("note_attributes[0].value");
        assertThat(mapped.request().externalId()).isEqualTo("12");
        assertThat(mapped.request().lines()).containsExactly(new OrderController.LineRequest("99", "A-1", 1L, "2.50"));
    }

    @Test
    void fieldsOfTheWrongTypeAreNamedOnce() {
        ShopifyOrderMapper.Mapped mapped = ShopifyOrderMapper.read(JSON.readTree("""
                {"id": 1.5, "currency": 978, "shipping_address": {"address1": "x", "latitude": "north"},
                 "line_items": [{"id": 1, "sku": "A", "quantity": "2", "price": "1.00"}]}
                """), new ChannelCode("web"));

        assertThat(mapped.errors()).extracting(e -> e.field())
                .containsExactly("id", "currency", "shipping_address.latitude", "line_items[0].quantity");
    }

    @Test
    void theSignatureIsTheBase64HmacOfTheRawBody() {
        byte[] body = "The quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.UTF_8);

        assertThat(ShopifySignature.sign("key", body)).isEqualTo("97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=");
        assertThat(ShopifySignature.verifies("key", body, "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")).isTrue();
        assertThat(ShopifySignature.verifies("Key", body, "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")).isFalse();
        assertThat(ShopifySignature.verifies("key", "The quick brown fox jumps over the lazy cat".getBytes(StandardCharsets.UTF_8),
                "97yD9DBThCSxMpjmqm+xQ+9NWaFJRhdZl0edvC0aPNg=")).isFalse();
        assertThat(ShopifySignature.verifies("key", body, "not base64!")).isFalse();
        assertThat(ShopifySignature.verifies("key", body, null)).isFalse();
    }
}
