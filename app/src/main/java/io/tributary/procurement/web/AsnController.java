package io.tributary.procurement.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.procurement.AdvanceShipNotice;
import io.tributary.procurement.AdvanceShipNotices;
import io.tributary.procurement.CreateAdvanceShipNotice;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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
 * Advance ship notices over HTTP: {@code POST /asns} {@code { purchaseOrder, shipmentId, expectedAt,
 * carrier, lines: [{ lineNo or sku, quantity, lot, expiry }] }} (201, the notice with what is in
 * transit), {@code GET /asns/{id}} and {@code GET /asns?purchaseOrder=}. The POST honours
 * {@code Idempotency-Key}.
 */
@RestController
class AsnController {

    private final AdvanceShipNotices asns;
    private final Idempotency idempotency;

    AsnController(AdvanceShipNotices asns, Idempotency idempotency) {
        this.asns = asns;
        this.idempotency = idempotency;
    }

    record LineRequest(Integer lineNo, String sku, Long quantity, String lot, LocalDate expiry) {
    }

    record CreateRequest(String purchaseOrder, String shipmentId, Instant expectedAt, String carrier, List<LineRequest> lines) {
    }

    @PostMapping("/api/v1/asns")
    ResponseEntity<Object> create(@RequestBody CreateRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        CreateAdvanceShipNotice command = command(body);
        return idempotency.run(actor.name(), key, "asns.create", body, () -> {
            AdvanceShipNotice asn = asns.create(command, actor);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/asns/" + asn.id())).body(asn);
        });
    }

    @GetMapping("/api/v1/asns/{id}")
    AdvanceShipNotice get(@PathVariable UUID id) {
        return asns.get(id);
    }

    @GetMapping("/api/v1/asns")
    Page<AdvanceShipNotice> list(@RequestParam(required = false) UUID purchaseOrder, @RequestParam(required = false) Integer limit,
                                 @RequestParam(required = false) String cursor) {
        return asns.list(purchaseOrder, limit, cursor);
    }

    private static CreateAdvanceShipNotice command(CreateRequest b) {
        List<FieldError> errors = new ArrayList<>();
        UUID purchaseOrder = null;
        if (b.purchaseOrder() == null) {
            errors.add(new FieldError("purchaseOrder", "is required"));
        } else {
            try {
                purchaseOrder = UUID.fromString(b.purchaseOrder());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("purchaseOrder", "is not a purchase order id"));
            }
        }
        List<CreateAdvanceShipNotice.Line> lines = new ArrayList<>();
        if (b.lines() != null) {
            for (int i = 0; i < b.lines().size(); i++) {
                String at = "lines[" + i + "].";
                LineRequest l = b.lines().get(i);
                if (l == null) {
                    errors.add(new FieldError("lines[" + i + "]", "is required"));
                    continue;
                }
                Sku sku = null;
                if (l.sku() != null) {
                    try {
                        sku = Sku.parse(l.sku(), at + "sku");
                    } catch (ValidationFailed e) {
                        errors.addAll(e.errors());
                        continue;
                    }
                }
                if (l.quantity() == null) {
                    errors.add(new FieldError(at + "quantity", "is required"));
                    continue;
                }
                lines.add(new CreateAdvanceShipNotice.Line(l.lineNo(), sku, l.quantity(), l.lot(), l.expiry()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new CreateAdvanceShipNotice(purchaseOrder, b.shipmentId(), b.expectedAt(), b.carrier(), b.lines() == null ? List.of() : lines);
    }
}
