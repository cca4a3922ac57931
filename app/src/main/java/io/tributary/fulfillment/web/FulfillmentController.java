package io.tributary.fulfillment.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.fulfillment.Fulfillment;
import io.tributary.fulfillment.FulfillmentStatus;
import io.tributary.fulfillment.Fulfillments;
import io.tributary.fulfillment.RejectReason;
import io.tributary.network.LocationCode;
import io.tributary.shared.Page;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The node's work list and steps: {@code GET /fulfillments?location=&status=}, then
 * {@code /pick}, {@code /pack}, {@code /ship} {@code { carrier, trackingNumber }}, {@code /deliver},
 * {@code /ready-for-pickup}, {@code /picked-up}, and {@code /reject} {@code { reason, note,
 * lines: [{ lineId, quantity }] }} (no lines: all of it). A step from the wrong status is 409
 * {@code invalid-transition}. Every step honours {@code Idempotency-Key}. {@code POST
 * /fulfillments/release-due} runs the release queue at once.
 */
@RestController
@RequestMapping("/api/v1/fulfillments")
class FulfillmentController {

    private final Fulfillments fulfillments;
    private final Idempotency idempotency;

    FulfillmentController(Fulfillments fulfillments, Idempotency idempotency) {
        this.fulfillments = fulfillments;
        this.idempotency = idempotency;
    }

    record ShipRequest(@Size(max = 100) String carrier, @Size(max = 100) String trackingNumber) {
    }

    record ReturnLineRequest(String lineId, Long quantity) {
    }

    record RejectRequest(RejectReason reason, @Size(max = 2000) String note, List<ReturnLineRequest> lines) {
    }

    @GetMapping
    Page<Fulfillment> list(@RequestParam(required = false) String location, @RequestParam(required = false) FulfillmentStatus status,
                           @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return fulfillments.list(location == null ? null : LocationCode.parse(location, "location"), status, limit, cursor,
                CurrentActor.get());
    }

    /** Runs the release now (it also runs on its own every few seconds), e.g. after a node's capacity changed. */
    @PostMapping("/release-due")
    Map<String, Object> releaseDue() {
        return Map.of("released", fulfillments.releaseDue());
    }

    @GetMapping("/{id}")
    Fulfillment get(@PathVariable UUID id) {
        return fulfillments.get(id, CurrentActor.get());
    }

    @GetMapping("/{id}/history")
    List<Map<String, Object>> history(@PathVariable UUID id) {
        return fulfillments.history(id, CurrentActor.get());
    }

    @PostMapping("/{id}/pick")
    ResponseEntity<Object> pick(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "pick", id, null, () -> fulfillments.pick(id, actor));
    }

    @PostMapping("/{id}/pack")
    ResponseEntity<Object> pack(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "pack", id, null, () -> fulfillments.pack(id, actor));
    }

    @PostMapping("/{id}/ship")
    ResponseEntity<Object> ship(@PathVariable UUID id, @Valid @RequestBody(required = false) ShipRequest body,
                                @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        ShipRequest b = body == null ? new ShipRequest(null, null) : body;
        return step(actor, key, "ship", id, b, () -> fulfillments.ship(id, b.carrier(), b.trackingNumber(), actor));
    }

    @PostMapping("/{id}/deliver")
    ResponseEntity<Object> deliver(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "deliver", id, null, () -> fulfillments.deliver(id, actor));
    }

    @PostMapping("/{id}/ready-for-pickup")
    ResponseEntity<Object> readyForPickup(@PathVariable UUID id,
                                          @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "ready-for-pickup", id, null, () -> fulfillments.readyForPickup(id, actor));
    }

    @PostMapping("/{id}/picked-up")
    ResponseEntity<Object> pickedUp(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "picked-up", id, null, () -> fulfillments.pickedUp(id, actor));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<Object> reject(@PathVariable UUID id, @Valid @RequestBody(required = false) RejectRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        RejectRequest b = body == null ? new RejectRequest(null, null, null) : body;
        List<Fulfillments.ReturnLine> lines = b.lines() == null ? List.of()
                : b.lines().stream().map(l -> new Fulfillments.ReturnLine(l == null ? null : l.lineId(), l == null ? null : l.quantity())).toList();
        return step(actor, key, "reject", id, b, () -> fulfillments.reject(id, b.reason(), b.note(), lines, actor));
    }

    /** What an idempotency key is bound to: the fulfilment and the body (a record, so it serialises the same everywhere). */
    record Keyed(UUID id, Object body) {
    }

    private ResponseEntity<Object> step(Actor actor, String key, String step, UUID id, Object body, Supplier<Fulfillment> action) {
        return idempotency.run(actor.name(), key, "fulfillments." + step, new Keyed(id, body), () -> ResponseEntity.ok(action.get()));
    }
}
