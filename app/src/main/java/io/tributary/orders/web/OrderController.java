package io.tributary.orders.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.network.LocationCode;
import io.tributary.orders.Order;
import io.tributary.orders.OrderStatus;
import io.tributary.orders.Orders;
import io.tributary.orders.PaymentStatus;
import io.tributary.orders.PlaceOrder;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Orders: intake ({@code POST /orders}: 201 with the new order, 200 with the existing one when the
 * channel sends the same external id again), reads, history, cancellation and hold release.
 */
@RestController
class OrderController {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");
    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000000");

    private final Orders orders;
    private final Idempotency idempotency;

    OrderController(Orders orders, Idempotency idempotency) {
        this.orders = orders;
        this.idempotency = idempotency;
    }

    record CustomerRequest(String email, String name) {
    }

    record AddressRequest(String name, String line1, String line2, String city, String region, String postalCode, String country,
                          Double latitude, Double longitude) {
    }

    record LineRequest(String lineId, String sku, Long quantity, String unitPrice) {
    }

    record OrderRequest(@NotNull String channel, @NotNull @Size(min = 1, max = 100) String externalId, Instant placedAt,
                        @NotNull String currency, CustomerRequest customer, AddressRequest shipTo,
                        @NotNull DeliveryMethod deliveryMethod, String pickupLocation, ServiceLevel serviceLevel,
                        @NotNull PaymentStatus paymentStatus, Boolean fraudFlag,
                        @NotNull @Size(min = 1) List<@NotNull LineRequest> lines) {
    }

    record CancelRequest(List<CancelLineRequest> lines, @Size(max = 500) String reason) {
    }

    record CancelLineRequest(String lineId, Long quantity) {
    }

    record ReleaseRequest(@Size(max = 500) String note) {
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<Object> place(@Valid @RequestBody OrderRequest body,
                                 @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        PlaceOrder command = command(body);
        return idempotency.run(actor.name(), key, "orders.place", body, () -> {
            Orders.Placed placed = orders.place(command, actor);
            return ResponseEntity.status(placed.created() ? HttpStatus.CREATED : HttpStatus.OK).body(placed.order());
        });
    }

    @GetMapping("/api/v1/orders/{id}")
    Order get(@PathVariable UUID id) {
        return orders.get(id, CurrentActor.get());
    }

    @GetMapping("/api/v1/orders")
    Page<Order> list(@RequestParam(required = false) String channel, @RequestParam(required = false) OrderStatus status,
                     @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return orders.list(channel == null ? null : ChannelCode.parse(channel, "channel"), status, limit, cursor, CurrentActor.get());
    }

    @GetMapping("/api/v1/orders/{id}/history")
    Map<String, Object> history(@PathVariable UUID id) {
        return orders.history(id, CurrentActor.get());
    }

    @PostMapping("/api/v1/orders/{id}/cancel")
    ResponseEntity<Object> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) CancelRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        CancelRequest request = body == null ? new CancelRequest(null, null) : body;
        List<Orders.CancelLine> lines = request.lines() == null ? List.of()
                : request.lines().stream().map(l -> new Orders.CancelLine(l == null ? null : l.lineId(), l == null ? null : l.quantity())).toList();
        return idempotency.run(actor.name(), key, "orders.cancel", Map.of("id", id, "body", request),
                () -> ResponseEntity.ok(orders.cancel(id, lines, request.reason(), actor)));
    }

    @PostMapping("/api/v1/orders/{id}/release-hold")
    ResponseEntity<Object> releaseHold(@PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequest body,
                                       @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        String note = body == null ? null : body.note();
        return idempotency.run(actor.name(), key, "orders.release-hold", Map.of("id", id, "note", note == null ? "" : note),
                () -> ResponseEntity.ok(orders.releaseHold(id, note, actor)));
    }

    private static PlaceOrder command(OrderRequest b) {
        List<FieldError> errors = new ArrayList<>();
        ChannelCode channel = ChannelCode.parse(b.channel(), "channel");
        Currency currency = null;
        try {
            currency = Currency.getInstance(b.currency());
            if (!b.currency().equals(b.currency().toUpperCase(Locale.ROOT))) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        }
        if (b.customer() != null && b.customer().email() != null && !EMAIL.matcher(b.customer().email()).matches()) {
            errors.add(new FieldError("customer.email", "is not an e-mail address"));
        }
        PlaceOrder.Address shipTo = null;
        if (b.deliveryMethod() == DeliveryMethod.SHIP) {
            AddressRequest a = b.shipTo();
            if (a == null) {
                errors.add(new FieldError("shipTo", "is required when deliveryMethod is SHIP"));
            } else {
                required(errors, "shipTo.line1", a.line1());
                required(errors, "shipTo.city", a.city());
                required(errors, "shipTo.postalCode", a.postalCode());
                if (a.country() == null || !COUNTRY.matcher(a.country()).matches()) {
                    errors.add(new FieldError("shipTo.country", "must be an ISO 3166-1 alpha-2 code such as DE"));
                }
                if ((a.latitude() == null) != (a.longitude() == null)) {
                    errors.add(new FieldError(a.latitude() == null ? "shipTo.latitude" : "shipTo.longitude", "latitude and longitude come together"));
                }
                if (a.latitude() != null && (a.latitude() < -90 || a.latitude() > 90)) {
                    errors.add(new FieldError("shipTo.latitude", "must be between -90 and 90"));
                }
                if (a.longitude() != null && (a.longitude() < -180 || a.longitude() > 180)) {
                    errors.add(new FieldError("shipTo.longitude", "must be between -180 and 180"));
                }
                shipTo = new PlaceOrder.Address(a.name(), a.line1(), a.line2(), a.city(), a.region(), a.postalCode(), a.country(),
                        a.latitude(), a.longitude());
            }
        }
        LocationCode pickup = null;
        if (b.deliveryMethod() == DeliveryMethod.PICKUP) {
            if (b.pickupLocation() == null) {
                errors.add(new FieldError("pickupLocation", "is required when deliveryMethod is PICKUP"));
            } else {
                pickup = LocationCode.parse(b.pickupLocation(), "pickupLocation");
            }
        }
        List<PlaceOrder.Line> lines = new ArrayList<>();
        Set<String> lineIds = new HashSet<>();
        for (int i = 0; i < b.lines().size(); i++) {
            LineRequest l = b.lines().get(i);
            String p = "lines[" + i + "].";
            if (l.lineId() == null || l.lineId().isBlank() || l.lineId().length() > 100) {
                errors.add(new FieldError(p + "lineId", "is required (1 to 100 characters)"));
            } else if (!lineIds.add(l.lineId())) {
                errors.add(new FieldError(p + "lineId", "repeats line '" + l.lineId() + "'"));
            }
            if (l.sku() == null || !Sku.isValid(l.sku())) {
                errors.add(new FieldError(p + "sku", "is not a valid SKU"));
            }
            if (l.quantity() == null || l.quantity() < 1 || l.quantity() > io.tributary.inventory.Commands.MAX_QUANTITY) {
                errors.add(new FieldError(p + "quantity", "must be between 1 and " + io.tributary.inventory.Commands.MAX_QUANTITY));
            }
            BigDecimal price = null;
            try {
                price = l.unitPrice() == null ? null : new BigDecimal(l.unitPrice());
            } catch (NumberFormatException e) {
                price = null;
            }
            if (price == null || price.signum() < 0 || price.compareTo(MAX_PRICE) > 0 || price.scale() > 4) {
                errors.add(new FieldError(p + "unitPrice", "must be a decimal string such as \"12.50\", 0 or more, at most 4 decimals"));
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
