package io.tributary.procurement.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.AcknowledgeLine;
import io.tributary.procurement.CreatePurchaseOrder;
import io.tributary.procurement.Procurement;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.procurement.PurchaseOrderStatus;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.domain.OrderAmounts;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpStatus;
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
 * Purchase orders: {@code POST /purchase-orders} {@code { supplier, location, currency, lines: [{ sku,
 * quantity, unitCost }] }} creates a DRAFT (201); {@code GET /purchase-orders/{id}} (with approvals
 * and history) and {@code GET /purchase-orders?status=&supplier=}; transitions {@code /submit},
 * {@code /approve}, {@code /reject} {@code { reason }}, {@code /send}, {@code /acknowledge}
 * {@code { lines: [{ lineNo, quantity, promisedDate }] }}, {@code /cancel} {@code { reason }} and
 * {@code /close} {@code { note }}. A transition from the wrong status is 409
 * {@code invalid-transition}. Every POST honours {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders")
class PurchaseOrderController {

    private final Procurement procurement;
    private final Idempotency idempotency;

    PurchaseOrderController(Procurement procurement, Idempotency idempotency) {
        this.procurement = procurement;
        this.idempotency = idempotency;
    }

    record LineRequest(String sku, Long quantity, BigDecimal unitCost) {
    }

    record CreateRequest(String supplier, String location, String currency, List<LineRequest> lines) {
    }

    record ReasonRequest(@Size(max = 2000) String reason) {
    }

    record NoteRequest(@Size(max = 2000) String note) {
    }

    record AckLineRequest(Integer lineNo, Long quantity, LocalDate promisedDate) {
    }

    record AcknowledgeRequest(List<AckLineRequest> lines) {
    }

    @PostMapping
    ResponseEntity<Object> create(@RequestBody CreateRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        CreatePurchaseOrder command = command(body);
        return idempotency.run(actor.name(), key, "purchase-orders.create", body, () -> {
            PurchaseOrder po = procurement.create(command, actor);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/purchase-orders/" + po.id())).body(po);
        });
    }

    @GetMapping("/{id}")
    PurchaseOrder get(@PathVariable UUID id) {
        return procurement.get(id);
    }

    @GetMapping
    Page<PurchaseOrder> list(@RequestParam(required = false) PurchaseOrderStatus status, @RequestParam(required = false) String supplier,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return procurement.list(status, supplier == null ? null : SupplierCode.parse(supplier, "supplier"), limit, cursor);
    }

    @PostMapping("/{id}/submit")
    ResponseEntity<Object> submit(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "submit", id, null, () -> procurement.submit(id, actor));
    }

    @PostMapping("/{id}/approve")
    ResponseEntity<Object> approve(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "approve", id, null, () -> procurement.approve(id, actor));
    }

    @PostMapping("/{id}/reject")
    ResponseEntity<Object> reject(@PathVariable UUID id, @Valid @RequestBody(required = false) ReasonRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        ReasonRequest b = body == null ? new ReasonRequest(null) : body;
        return step(actor, key, "reject", id, b, () -> procurement.reject(id, b.reason(), actor));
    }

    @PostMapping("/{id}/send")
    ResponseEntity<Object> send(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return step(actor, key, "send", id, null, () -> procurement.send(id, actor));
    }

    @PostMapping("/{id}/acknowledge")
    ResponseEntity<Object> acknowledge(@PathVariable UUID id, @RequestBody(required = false) AcknowledgeRequest body,
                                       @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        AcknowledgeRequest b = body == null || body.lines() == null ? new AcknowledgeRequest(List.of()) : body;
        List<FieldError> errors = new ArrayList<>();
        List<AcknowledgeLine> lines = new ArrayList<>();
        for (int i = 0; i < b.lines().size(); i++) {
            AckLineRequest l = b.lines().get(i);
            if (l == null || l.lineNo() == null) {
                errors.add(new FieldError("lines[" + i + "].lineNo", "is required"));
            } else {
                lines.add(new AcknowledgeLine(l.lineNo(), l.quantity(), l.promisedDate()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return step(actor, key, "acknowledge", id, b, () -> procurement.acknowledge(id, lines, actor));
    }

    @PostMapping("/{id}/cancel")
    ResponseEntity<Object> cancel(@PathVariable UUID id, @Valid @RequestBody(required = false) ReasonRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        ReasonRequest b = body == null ? new ReasonRequest(null) : body;
        return step(actor, key, "cancel", id, b, () -> procurement.cancel(id, b.reason(), actor));
    }

    @PostMapping("/{id}/close")
    ResponseEntity<Object> close(@PathVariable UUID id, @Valid @RequestBody(required = false) NoteRequest body,
                                 @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        NoteRequest b = body == null ? new NoteRequest(null) : body;
        return step(actor, key, "close", id, b, () -> procurement.close(id, b.note(), actor));
    }

    private ResponseEntity<Object> step(Actor actor, String key, String step, UUID id, Object body, Supplier<PurchaseOrder> action) {
        return idempotency.run(actor.name(), key, "purchase-orders." + step, body == null ? Map.of("id", id) : Map.of("id", id, "body", body),
                () -> ResponseEntity.ok(action.get()));
    }

    /** Parses the request's codes and numbers, naming every malformed field at once. */
    private static CreatePurchaseOrder command(CreateRequest b) {
        List<FieldError> errors = new ArrayList<>();
        SupplierCode supplier = parse(errors, () -> SupplierCode.parse(b.supplier(), "supplier"));
        LocationCode location = parse(errors, () -> LocationCode.parse(b.location(), "location"));
        Currency currency = b.currency() == null ? null : SupplierController.currency(b.currency(), errors);
        List<CreatePurchaseOrder.Line> lines = new ArrayList<>();
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
                } else if (l.quantity() < 1) {
                    errors.add(new FieldError(at + "quantity", "must be at least 1"));
                }
                if (l.unitCost() != null && (l.unitCost().signum() < 0 || l.unitCost().scale() > OrderAmounts.UNIT_COST_SCALE)) {
                    errors.add(new FieldError(at + "unitCost", "must be zero or more with at most " + OrderAmounts.UNIT_COST_SCALE + " decimals"));
                }
                if (sku != null && l.quantity() != null) {
                    lines.add(new CreatePurchaseOrder.Line(sku, l.quantity(), l.unitCost()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new CreatePurchaseOrder(supplier, location, currency, lines);
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
