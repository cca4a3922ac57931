package io.tributary.receiving.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.receiving.Inspection;
import io.tributary.receiving.ReceiveGoods;
import io.tributary.receiving.Receipt;
import io.tributary.receiving.Receiving;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
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
 * Receiving over HTTP: {@code POST /receipts} {@code { location, purchaseOrder or asn, complete, note,
 * lines: [{ sku, quantity, damaged, lot, expiry }] }} (201, the receipt with its discrepancies; a
 * scanner sends one line of quantity 1 per scan), {@code GET /receipts/{id}},
 * {@code GET /receipts?purchaseOrder=}; {@code GET /inspections/{id}} and
 * {@code POST /inspections/{id}/release} {@code { passed, failed, returned }}. Every POST honours
 * {@code Idempotency-Key}.
 */
@RestController
class ReceiptController {

    private final Receiving receiving;
    private final Idempotency idempotency;

    ReceiptController(Receiving receiving, Idempotency idempotency) {
        this.receiving = receiving;
        this.idempotency = idempotency;
    }

    record LineRequest(String sku, Long quantity, Long damaged, String lot, LocalDate expiry) {
    }

    record ReceiveRequest(String location, String purchaseOrder, String asn, Boolean complete, String note, List<LineRequest> lines) {
    }

    record ReleaseRequest(Long passed, Long failed, Long returned) {
    }

    @PostMapping("/api/v1/receipts")
    ResponseEntity<Object> receive(@RequestBody ReceiveRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        ReceiveGoods command = command(body);
        return idempotency.run(actor.name(), key, "receipts.receive", body, () -> {
            Receipt receipt = receiving.receive(command, actor);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/receipts/" + receipt.id())).body(receipt);
        });
    }

    @GetMapping("/api/v1/receipts/{id}")
    Receipt get(@PathVariable UUID id) {
        return receiving.get(id);
    }

    @GetMapping("/api/v1/receipts")
    Page<Receipt> list(@RequestParam(required = false) UUID purchaseOrder, @RequestParam(required = false) Integer limit,
                       @RequestParam(required = false) String cursor) {
        return receiving.list(purchaseOrder, limit, cursor);
    }

    @GetMapping("/api/v1/inspections/{id}")
    Inspection inspection(@PathVariable UUID id) {
        return receiving.inspection(id);
    }

    @PostMapping("/api/v1/inspections/{id}/release")
    ResponseEntity<Object> release(@PathVariable UUID id, @RequestBody(required = false) ReleaseRequest body,
                                   @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        ReleaseRequest b = body == null ? new ReleaseRequest(null, null, null) : body;
        return idempotency.run(actor.name(), key, "inspections.release", new Keyed(id, b),
                () -> ResponseEntity.ok(receiving.release(id, b.passed() == null ? 0 : b.passed(), b.failed() == null ? 0 : b.failed(),
                        b.returned() == null ? 0 : b.returned(), actor)));
    }

    /** What a release's idempotency key is bound to: the inspection and the body. */
    record Keyed(UUID id, Object body) {
    }

    private static ReceiveGoods command(ReceiveRequest b) {
        List<FieldError> errors = new ArrayList<>();
        LocationCode location = parse(errors, () -> LocationCode.parse(b.location(), "location"));
        UUID purchaseOrder = null;
        UUID asn = null;
        if (b.asn() != null) {
            try {
                asn = UUID.fromString(b.asn());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("asn", "is not an advance ship notice id"));
            }
            if (b.purchaseOrder() != null) {
                errors.add(new FieldError("purchaseOrder", "must not be given with asn: the notice names its order"));
            }
        } else if (b.purchaseOrder() == null) {
            errors.add(new FieldError("purchaseOrder", "is required (or asn)"));
        } else {
            try {
                purchaseOrder = UUID.fromString(b.purchaseOrder());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("purchaseOrder", "is not a purchase order id"));
            }
        }
        List<ReceiveGoods.Line> lines = new ArrayList<>();
        if (b.lines() != null) {
            for (int i = 0; i < b.lines().size(); i++) {
                String at = "lines[" + i + "].";
                LineRequest l = b.lines().get(i);
                if (l == null) {
                    errors.add(new FieldError("lines[" + i + "]", "is required"));
                    continue;
                }
                Sku sku = parse(errors, () -> Sku.parse(l.sku(), at + "sku"));
                if (l.quantity() == null) {
                    errors.add(new FieldError(at + "quantity", "is required"));
                }
                if (l.lot() != null && l.lot().length() > 100) {
                    errors.add(new FieldError(at + "lot", "must be at most 100 characters"));
                }
                if (sku != null && l.quantity() != null) {
                    lines.add(new ReceiveGoods.Line(sku, l.quantity(), l.damaged() == null ? 0 : l.damaged(),
                            l.lot() == null || l.lot().isBlank() ? null : l.lot().strip(), l.expiry()));
                }
            }
        }
        if (b.note() != null && b.note().length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new ReceiveGoods(location, purchaseOrder, asn, Boolean.TRUE.equals(b.complete()), b.note(), b.lines() == null ? List.of() : lines);
    }

    private static <T> T parse(List<FieldError> errors, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (ValidationFailed e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
