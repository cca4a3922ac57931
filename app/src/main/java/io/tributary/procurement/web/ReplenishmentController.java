package io.tributary.procurement.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import io.tributary.procurement.Procurement;
import io.tributary.procurement.ProposalStatus;
import io.tributary.procurement.PurchaseOrder;
import io.tributary.procurement.PutReplenishmentPolicy;
import io.tributary.procurement.Replenishment;
import io.tributary.procurement.ReplenishmentMethod;
import io.tributary.procurement.ReplenishmentPolicy;
import io.tributary.procurement.ReplenishmentProposal;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replenishment: {@code PUT /replenishment/policies/{sku}/{location}} creates (201) or replaces (200)
 * a policy and {@code GET} reads it; {@code POST /replenishment/runs} applies every policy and answers
 * {@code { id, proposals, skipped }}; {@code GET /replenishment/proposals?status=} pages proposals;
 * {@code POST /replenishment/proposals/accept} {@code { ids }} answers the DRAFT purchase orders it
 * created, {@code /dismiss} {@code { ids }} the dismissed proposals, and
 * {@code POST /replenishment/proposals/{id}/quantity} {@code { quantity }} changes one. POSTs that
 * create honour {@code Idempotency-Key}.
 */
@RestController
@RequestMapping("/api/v1/replenishment")
class ReplenishmentController {

    private final Replenishment replenishment;
    private final Idempotency idempotency;

    ReplenishmentController(Replenishment replenishment, Idempotency idempotency) {
        this.replenishment = replenishment;
        this.idempotency = idempotency;
    }

    record PolicyRequest(@NotNull String method, @Min(0) Long reorderPoint, @Min(0) Long orderUpTo, @Min(0) Long min, @Min(0) Long max,
                         @Min(1) @Max(3650) Integer daysOfCover, BigDecimal serviceLevel,
                         @DecimalMin("0") BigDecimal leadTimeDeviationDays, @DecimalMin("0") BigDecimal dailyDemand,
                         @DecimalMin("0") BigDecimal dailyDemandDeviation, BigDecimal demandUplift, Boolean roundToPallets) {
    }

    record IdsRequest(List<UUID> ids) {
    }

    record QuantityRequest(@NotNull @Min(1) Long quantity) {
    }

    record Accepted(List<PurchaseOrder> purchaseOrders) {
    }

    record Dismissed(List<ReplenishmentProposal> proposals) {
    }

    @PutMapping("/policies/{sku}/{location}")
    ResponseEntity<ReplenishmentPolicy> putPolicy(@PathVariable String sku, @PathVariable String location,
                                                  @Valid @RequestBody PolicyRequest body) {
        ReplenishmentMethod method = Arrays.stream(ReplenishmentMethod.values()).filter(m -> m.name().equals(body.method())).findFirst()
                .orElseThrow(() -> new ValidationFailed("method", "must be one of " + Arrays.toString(ReplenishmentMethod.values())));
        Procurement.Saved<ReplenishmentPolicy> saved = replenishment.putPolicy(new PutReplenishmentPolicy(Sku.parse(sku, "sku"),
                LocationCode.parse(location, "location"), method, body.reorderPoint(), body.orderUpTo(), body.min(), body.max(),
                body.daysOfCover(), body.serviceLevel(), body.leadTimeDeviationDays(), body.dailyDemand(), body.dailyDemandDeviation(),
                body.demandUplift(), Boolean.TRUE.equals(body.roundToPallets())), CurrentActor.get());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.value());
    }

    @GetMapping("/policies/{sku}/{location}")
    ReplenishmentPolicy policy(@PathVariable String sku, @PathVariable String location) {
        return replenishment.policy(Sku.parse(sku, "sku"), LocationCode.parse(location, "location"));
    }

    @PostMapping("/runs")
    ResponseEntity<Object> run(@RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "replenishment.run", null,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(replenishment.run(actor)));
    }

    @GetMapping("/proposals")
    Page<ReplenishmentProposal> proposals(@RequestParam(required = false) ProposalStatus status, @RequestParam(required = false) Integer limit,
                                          @RequestParam(required = false) String cursor) {
        return replenishment.proposals(status, limit, cursor);
    }

    @GetMapping("/proposals/{id}")
    ReplenishmentProposal proposal(@PathVariable UUID id) {
        return replenishment.proposal(id);
    }

    @PostMapping("/proposals/accept")
    ResponseEntity<Object> accept(@RequestBody IdsRequest body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "replenishment.accept", body,
                () -> ResponseEntity.ok(new Accepted(replenishment.accept(body.ids(), actor))));
    }

    @PostMapping("/proposals/dismiss")
    Dismissed dismiss(@RequestBody IdsRequest body) {
        return new Dismissed(replenishment.dismiss(body.ids(), CurrentActor.get()));
    }

    @PostMapping("/proposals/{id}/quantity")
    ReplenishmentProposal changeQuantity(@PathVariable UUID id, @Valid @RequestBody QuantityRequest body) {
        return replenishment.changeQuantity(id, body.quantity(), CurrentActor.get());
    }
}
