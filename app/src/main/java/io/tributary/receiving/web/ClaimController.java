package io.tributary.receiving.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.receiving.ClaimStatus;
import io.tributary.receiving.SupplierClaim;
import io.tributary.receiving.SupplierClaims;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * Supplier claims over HTTP: {@code POST /claims} {@code { receipt, discrepancies: [ids],
 * inspections: [ids], note }} (201, the claim), {@code GET /claims/{id}},
 * {@code GET /claims?supplier=&status=}, and the moves {@code /submit}, {@code /accept},
 * {@code /reject}, {@code /settle} with an optional {@code { note }}. Every POST honours
 * {@code Idempotency-Key}.
 */
@RestController
class ClaimController {

    private final SupplierClaims claims;
    private final Idempotency idempotency;

    ClaimController(SupplierClaims claims, Idempotency idempotency) {
        this.claims = claims;
        this.idempotency = idempotency;
    }

    record ClaimRequest(String receipt, List<String> discrepancies, List<String> inspections, String note) {
    }

    record MoveRequest(String note) {
    }

    @PostMapping("/api/v1/claims")
    ResponseEntity<Object> open(@RequestBody ClaimRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        List<FieldError> errors = new ArrayList<>();
        UUID receipt = uuid(body.receipt(), "receipt", errors);
        if (body.receipt() == null) {
            errors.add(new FieldError("receipt", "is required"));
        }
        List<UUID> discrepancies = uuids(body.discrepancies(), "discrepancies", errors);
        List<UUID> inspections = uuids(body.inspections(), "inspections", errors);
        if (body.note() != null && body.note().length() > 2000) {
            errors.add(new FieldError("note", "must be at most 2000 characters"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        SupplierClaims.MakeClaim command = new SupplierClaims.MakeClaim(receipt, discrepancies, inspections, body.note());
        return idempotency.run(actor.name(), key, "claims.open", body, () -> {
            SupplierClaim claim = claims.open(command, actor);
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/claims/" + claim.id())).body(claim);
        });
    }

    @GetMapping("/api/v1/claims/{id}")
    SupplierClaim get(@PathVariable UUID id) {
        return claims.get(id);
    }

    @GetMapping("/api/v1/claims")
    Page<SupplierClaim> list(@RequestParam(required = false) String supplier, @RequestParam(required = false) String status,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        ClaimStatus s = null;
        if (status != null) {
            try {
                s = ClaimStatus.valueOf(status.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ValidationFailed("status", "must be one of OPEN, SUBMITTED, ACCEPTED, REJECTED, SETTLED");
            }
        }
        return claims.list(supplier, s, limit, cursor);
    }

    @PostMapping("/api/v1/claims/{id}/{action:submit|accept|reject|settle}")
    ResponseEntity<Object> move(@PathVariable UUID id, @PathVariable String action, @RequestBody(required = false) MoveRequest body,
                                @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        MoveRequest b = body == null ? new MoveRequest(null) : body;
        if (b.note() != null && b.note().length() > 2000) {
            throw new ValidationFailed("note", "must be at most 2000 characters");
        }
        return idempotency.run(actor.name(), key, "claims." + action, new ReceiptController.Keyed(id, b),
                () -> ResponseEntity.ok(claims.move(id, action, b.note(), actor)));
    }

    private static UUID uuid(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError(field, "is not an id"));
            return null;
        }
    }

    private static List<UUID> uuids(List<String> values, String field, List<FieldError> errors) {
        List<UUID> ids = new ArrayList<>();
        if (values != null) {
            for (int i = 0; i < values.size(); i++) {
                UUID id = uuid(values.get(i), field + "[" + i + "]", errors);
                if (id != null) {
                    ids.add(id);
                } else if (values.get(i) == null) {
                    errors.add(new FieldError(field + "[" + i + "]", "is required"));
                }
            }
        }
        return ids;
    }
}
