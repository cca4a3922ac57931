package io.tributary.orders.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.tributary.access.Actor;
import io.tributary.access.Role;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.Channels;
import io.tributary.orders.Order;
import io.tributary.orders.Orders;
import io.tributary.orders.PlaceOrder;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shopify order intake: {@code POST /channels/{code}/shopify/orders} takes the body of Shopify's
 * {@code orders/create} webhook exactly as Shopify sent it. Shopify carries no API key of ours, so
 * the path is open to the network and the request is trusted only when its
 * {@code X-Shopify-Hmac-Sha256} header is the HMAC of the raw body under the channel's webhook
 * secret, checked before the body is parsed. A verified order is placed by the channel itself
 * (actor {@code shopify:<code>}, scoped to that channel) through the same intake rules and the same
 * {@link Orders#place} as {@code POST /orders}: 201 with the new order, 200 with the existing one when
 * Shopify delivers the order again. Refusals: 404 for an unknown channel, 401
 * {@code invalid-signature} (no secret set, header missing or wrong), 422 {@code validation-failed}
 * naming Shopify's own fields; nothing is written in any of them.
 */
@RestController
class ShopifyOrderController {

    private final Orders orders;
    private final Channels channels;
    private final Validator validator;
    private final JsonMapper json;

    ShopifyOrderController(Orders orders, Channels channels, Validator validator, JsonMapper json) {
        this.orders = orders;
        this.channels = channels;
        this.validator = validator;
        this.json = json;
    }

    @Operation(summary = "Take a Shopify orders/create webhook",
            description = "The body is Shopify's order JSON; fields Tributary does not map are ignored. Authenticated by "
                    + "X-Shopify-Hmac-Sha256 (base64 HMAC-SHA256 of the raw body with the channel's webhookSecret) instead of "
                    + "an API key. 201 new order, 200 the order Shopify already sent; 401 invalid-signature, 404 unknown "
                    + "channel, 422 validation-failed naming Shopify fields such as line_items[1].sku.")
    @SecurityRequirements
    @ApiResponse(responseCode = "201", description = "The order was placed")
    @ApiResponse(responseCode = "200", description = "Shopify sent this order before; the existing order")
    @ApiResponse(responseCode = "401", description = "No webhook secret on the channel, or the signature is missing or wrong",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(responseCode = "422", description = "A required Shopify field is missing or breaks an intake rule",
            content = @Content(mediaType = "application/problem+json", schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/api/v1/channels/{code}/shopify/orders")
    ResponseEntity<Order> place(
            @PathVariable String code,
            @Parameter(description = "base64 HMAC-SHA256 of the raw body, keyed with the channel's webhookSecret")
            @RequestHeader(value = ShopifySignature.HEADER, required = false) String signature,
            @io.swagger.v3.oas.annotations.parameters.RequestBody(description = "Shopify's orders/create webhook JSON",
                    content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
            @RequestBody(required = false) byte[] body) {
        ChannelCode channel = ChannelCode.parse(code, "code");
        if (channels.find(channel).isEmpty()) {
            throw new NotFound("Channel", code);
        }
        byte[] raw = body == null ? new byte[0] : body;
        verify(channel, signature, raw);

        ShopifyOrderMapper.Mapped mapped = ShopifyOrderMapper.read(parse(raw), channel);
        Map<String, FieldError> errors = new LinkedHashMap<>();
        mapped.errors().forEach(e -> errors.putIfAbsent(e.field(), e));
        validator.validate(mapped.request()).forEach(v -> {
            String field = mapped.shopifyField(v.getPropertyPath().toString());
            errors.putIfAbsent(field, new FieldError(field, v.getMessage()));
        });
        PlaceOrder command = null;
        if (mapped.complete()) {
            try {
                command = PlaceOrderMapper.command(mapped.request(), mapped::shopifyField);
            } catch (ValidationFailed e) {
                e.errors().forEach(err -> errors.putIfAbsent(err.field(), err));
            }
        }
        if (!errors.isEmpty()) {
            throw unprocessable(new ArrayList<>(errors.values()));
        }

        Actor actor = new Actor("shopify:" + channel.value(), Set.of(Role.CHANNEL), Optional.of(channel));
        Orders.Placed placed;
        try {
            placed = orders.place(command, actor);
        } catch (ValidationFailed e) {
            // Intake's own checks (an unknown SKU) name our fields; Shopify is told its own.
            throw unprocessable(e.errors().stream().map(err -> new FieldError(mapped.shopifyField(err.field()), err.message())).toList());
        }
        return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order());
    }

    private void verify(ChannelCode channel, String signature, byte[] body) {
        Optional<String> secret = channels.webhookSecret(channel);
        if (secret.isEmpty()) {
            throw invalidSignature("Channel '" + channel.value() + "' has no webhookSecret, so no Shopify webhook can be verified.");
        }
        if (signature == null || signature.isBlank()) {
            throw invalidSignature("The " + ShopifySignature.HEADER + " header is required.");
        }
        if (!ShopifySignature.verifies(secret.get(), body, signature)) {
            throw invalidSignature("The " + ShopifySignature.HEADER + " header does not match the body and the channel's webhookSecret.");
        }
    }

    private JsonNode parse(byte[] body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (JacksonException e) {
            throw new ValidationFailed("body", "is not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw unprocessable(List.of(new FieldError("body", "must be a JSON object: a Shopify order")));
        }
        return node;
    }

    private static DomainException invalidSignature(String detail) {
        return new DomainException("invalid-signature", 401, detail);
    }

    /** A signed payload that is well-formed JSON but cannot become an order: 422 with every field named. */
    private static DomainException unprocessable(List<FieldError> errors) {
        ValidationFailed summary = new ValidationFailed(errors);
        return new DomainException(summary.slug(), 422, summary.getMessage(), errors, Map.of());
    }
}
