package io.tributary.orders.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.channels.ChannelCode;
import io.tributary.orders.Order;
import io.tributary.orders.OrderStatus;
import io.tributary.orders.Orders;
import io.tributary.orders.PaymentStatus;
import io.tributary.orders.PlaceOrder;
import io.tributary.shared.Page;
import io.tributary.shared.idempotency.Idempotency;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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

    /** What an idempotency key is bound to: the order and the body (a record, so it serialises the same everywhere). */
    record Keyed(UUID id, Object body) {
    }

    @PostMapping("/api/v1/orders")
    ResponseEntity<Object> place(@Valid @RequestBody OrderRequest body,
                                 @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        PlaceOrder command = PlaceOrderMapper.command(body, PlaceOrderMapper.OWN_FIELDS);
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
        return idempotency.run(actor.name(), key, "orders.cancel", new Keyed(id, request),
                () -> ResponseEntity.ok(orders.cancel(id, lines, request.reason(), actor)));
    }

    @PostMapping("/api/v1/orders/{id}/release-hold")
    ResponseEntity<Object> releaseHold(@PathVariable UUID id, @Valid @RequestBody(required = false) ReleaseRequest body,
                                       @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        String note = body == null ? null : body.note();
        return idempotency.run(actor.name(), key, "orders.release-hold", new Keyed(id, note),
                () -> ResponseEntity.ok(orders.releaseHold(id, note, actor)));
    }
}
