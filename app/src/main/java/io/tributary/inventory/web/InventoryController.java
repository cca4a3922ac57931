package io.tributary.inventory.web;

import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.inventory.AdjustmentReason;
import io.tributary.inventory.Commands;
import io.tributary.inventory.Commands.AdjustStock;
import io.tributary.inventory.Commands.ChangeStatus;
import io.tributary.inventory.Commands.CountLine;
import io.tributary.inventory.Commands.CountStock;
import io.tributary.inventory.Inventory;
import io.tributary.inventory.Movement;
import io.tributary.inventory.StockStatus;
import io.tributary.inventory.Views;
import io.tributary.network.LocationCode;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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

/** Stock positions, the ledger, adjustments, status changes, cycle counts and verification. */
@RestController
@RequestMapping("/api/v1/inventory")
class InventoryController {


    private final Inventory inventory;
    private final Idempotency idempotency;

    InventoryController(Inventory inventory, Idempotency idempotency) {
        this.inventory = inventory;
        this.idempotency = idempotency;
    }

    record AdjustmentRequest(@NotNull String sku, @NotNull String location, @NotNull Long quantity, StockStatus status,
                             @NotNull AdjustmentReason reason, @Size(max = 1000) String note, @Size(max = 200) String reference) {
    }

    record StatusChangeRequest(@NotNull String sku, @NotNull String location, @NotNull Long quantity, @NotNull StockStatus from,
                               @NotNull StockStatus to, @Size(max = 100) String reason, @Size(max = 1000) String note) {
    }

    record CountRequest(@NotNull String location,
                        @NotNull @DecimalMin("0") @DecimalMax("100") BigDecimal tolerancePercent,
                        @Size(max = 1000) String note,
                        @NotEmpty @Size(max = 10000) List<@Valid @NotNull CountLineRequest> lines) {
    }

    record CountLineRequest(@NotNull String sku, @NotNull Long counted) {
    }

    @PostMapping("/adjustments")
    ResponseEntity<Object> adjust(@Valid @RequestBody AdjustmentRequest body,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Sku sku = Sku.parse(body.sku(), "sku");
        LocationCode location = LocationCode.parse(body.location(), "location");
        long quantity = body.quantity();
        if (quantity == 0) {
            throw new ValidationFailed("quantity", "must not be zero");
        }
        if (Math.abs(quantity) > Commands.MAX_QUANTITY) {
            throw new ValidationFailed("quantity", "must be between -" + Commands.MAX_QUANTITY + " and " + Commands.MAX_QUANTITY);
        }
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.adjust", body, () -> {
            Views.Adjusted result = inventory.adjust(new AdjustStock(sku, location, quantity,
                    body.status() == null ? StockStatus.AVAILABLE : body.status(), body.reason(), body.note(), body.reference()), actor);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("movement", result.movements().get(0), "balance", result.balance()));
        });
    }

    @PostMapping("/status-changes")
    ResponseEntity<Object> changeStatus(@Valid @RequestBody StatusChangeRequest body,
                                        @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Sku sku = Sku.parse(body.sku(), "sku");
        LocationCode location = LocationCode.parse(body.location(), "location");
        positive(body.quantity(), "quantity");
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.status-change", body, () -> {
            Views.Adjusted result = inventory.changeStatus(new ChangeStatus(sku, location, body.quantity(), body.from(), body.to(),
                    body.reason(), body.note()), actor);
            return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("movements", result.movements(), "balance", result.balance()));
        });
    }

    @PostMapping("/counts")
    ResponseEntity<Object> count(@Valid @RequestBody CountRequest body,
                                 @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        LocationCode location = LocationCode.parse(body.location(), "location");
        List<FieldError> errors = new ArrayList<>();
        List<CountLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            CountLineRequest l = body.lines().get(i);
            if (!Sku.isValid(l.sku())) {
                errors.add(new FieldError("lines[" + i + "].sku", "is not a valid SKU"));
                continue;
            }
            if (l.counted() < 0 || l.counted() > Commands.MAX_QUANTITY) {
                errors.add(new FieldError("lines[" + i + "].counted", "must be between 0 and " + Commands.MAX_QUANTITY));
                continue;
            }
            lines.add(new CountLine(new Sku(l.sku()), l.counted()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.count", body, () -> ResponseEntity.status(HttpStatus.CREATED)
                .body(inventory.count(new CountStock(location, body.tolerancePercent(), body.note(), lines), actor)));
    }

    @GetMapping("/counts/{id}")
    Views.CountView countOf(@PathVariable UUID id) {
        return inventory.countView(id);
    }

    @GetMapping("/counts")
    Page<Views.CountView> counts(@RequestParam(required = false) CountStatus status, @RequestParam(required = false) String location,
                                 @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return inventory.counts(Optional.ofNullable(status).map(Enum::name),
                Optional.ofNullable(location).map(l -> LocationCode.parse(l, "location")), limit, cursor);
    }

    /** The states of a cycle count, for filtering lists. */
    enum CountStatus { APPLIED, PENDING_APPROVAL, REJECTED }

    @PostMapping("/counts/{id}/approve")
    ResponseEntity<Object> approve(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.count.approve", id.toString(),
                () -> ResponseEntity.ok(inventory.approveCount(id, actor)));
    }

    @PostMapping("/counts/{id}/reject")
    ResponseEntity<Object> reject(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.count.reject", id.toString(),
                () -> ResponseEntity.ok(inventory.rejectCount(id, actor)));
    }

    @GetMapping("/verify")
    Views.Verification verify() {
        return inventory.verify();
    }

    @PostMapping("/repair")
    Views.Repair repair() {
        return inventory.repair(CurrentActor.get());
    }

    @GetMapping("/{sku}")
    Views.StockView stock(@PathVariable String sku) {
        return inventory.stockOf(Sku.parse(sku, "sku"));
    }

    @GetMapping("/{sku}/movements")
    Page<Movement> movements(@PathVariable String sku, @RequestParam(required = false) String location,
                             @RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        return inventory.movements(Sku.parse(sku, "sku"), Optional.ofNullable(location).map(l -> LocationCode.parse(l, "location")),
                limit, cursor);
    }

    static void positive(Long quantity, String field) {
        if (quantity < 1 || quantity > Commands.MAX_QUANTITY) {
            throw new ValidationFailed(field, "must be between 1 and " + Commands.MAX_QUANTITY);
        }
    }
}
