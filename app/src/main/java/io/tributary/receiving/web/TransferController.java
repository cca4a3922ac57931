package io.tributary.receiving.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.receiving.ReceiveGoods;
import io.tributary.receiving.Transfer;
import io.tributary.receiving.Transfers;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * Transfers over HTTP: {@code POST /transfers} {@code { from, to, note, lines: [{ sku, quantity }] }}
 * (201, DRAFT), {@code GET /transfers/{id}}, {@code POST /transfers/{id}/ship},
 * {@code POST /transfers/{id}/cancel} and {@code POST /transfers/{id}/receive}
 * {@code { complete, note, lines: [{ sku, quantity, damaged }] }}. Every POST honours
 * {@code Idempotency-Key}.
 */
@RestController
class TransferController {

    private final Transfers transfers;
    private final Idempotency idempotency;

    TransferController(Transfers transfers, Idempotency idempotency) {
        this.transfers = transfers;
        this.idempotency = idempotency;
    }

    record LineRequest(String sku, Long quantity, Long damaged) {
    }

    record CreateRequest(String from, String to, String note, List<LineRequest> lines) {
    }

    record ReceiveRequest(Boolean complete, String note, List<LineRequest> lines) {
    }

    /** What a transition's idempotency key is bound to: the transfer and the body. */
    record Keyed(UUID id, String verb, Object body) {
    }

    @PostMapping("/api/v1/transfers")
    ResponseEntity<Object> create(@RequestBody CreateRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        List<FieldError> errors = new ArrayList<>();
        LocationCode from = parse(errors, () -> LocationCode.parse(body.from(), "from"));
        LocationCode to = parse(errors, () -> LocationCode.parse(body.to(), "to"));
        List<Transfers.NewLine> lines = new ArrayList<>();
        for (ReceiveGoods.Line l : lines(errors, body.lines(), false)) {
            lines.add(new Transfers.NewLine(l.sku(), l.quantity()));
        }
        note(errors, body.note());
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return idempotency.run(actor.name(), key, "transfers.create", body, () -> {
            Transfer t = transfers.create(from, to, body.note(), lines, actor);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/transfers/" + t.id())).body(t);
        });
    }

    @GetMapping("/api/v1/transfers/{id}")
    Transfer get(@PathVariable UUID id) {
        return transfers.get(id);
    }

    @PostMapping("/api/v1/transfers/{id}/ship")
    ResponseEntity<Object> ship(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "transfers.ship", new Keyed(id, "ship", null), () -> ResponseEntity.ok(transfers.ship(id, actor)));
    }

    @PostMapping("/api/v1/transfers/{id}/cancel")
    ResponseEntity<Object> cancel(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "transfers.cancel", new Keyed(id, "cancel", null),
                () -> ResponseEntity.ok(transfers.cancel(id, actor)));
    }

    @PostMapping("/api/v1/transfers/{id}/receive")
    ResponseEntity<Object> receive(@PathVariable UUID id, @RequestBody ReceiveRequest body,
                                   @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        List<FieldError> errors = new ArrayList<>();
        List<ReceiveGoods.Line> lines = lines(errors, body.lines(), true);
        note(errors, body.note());
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return idempotency.run(actor.name(), key, "transfers.receive", new Keyed(id, "receive", body),
                () -> ResponseEntity.ok(transfers.receive(id, Boolean.TRUE.equals(body.complete()), body.note(), lines, actor)));
    }

    private static List<ReceiveGoods.Line> lines(List<FieldError> errors, List<LineRequest> requested, boolean damagedAllowed) {
        List<ReceiveGoods.Line> lines = new ArrayList<>();
        if (requested == null) {
            return lines;
        }
        for (int i = 0; i < requested.size(); i++) {
            String at = "lines[" + i + "].";
            LineRequest l = requested.get(i);
            if (l == null) {
                errors.add(new FieldError("lines[" + i + "]", "is required"));
                continue;
            }
            Sku sku = parse(errors, () -> Sku.parse(l.sku(), at + "sku"));
            if (l.quantity() == null) {
                errors.add(new FieldError(at + "quantity", "is required"));
            }
            if (!damagedAllowed && l.damaged() != null) {
                errors.add(new FieldError(at + "damaged", "is counted on receipt, not on the transfer"));
            }
            if (sku != null && l.quantity() != null) {
                lines.add(new ReceiveGoods.Line(sku, l.quantity(), l.damaged() == null ? 0 : l.damaged(), null, null));
            }
        }
        return lines;
    }

    private static void note(List<FieldError> errors, String note) {
        if (note != null && note.length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
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
