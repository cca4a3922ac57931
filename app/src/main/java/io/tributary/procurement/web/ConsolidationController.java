package io.tributary.procurement.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.network.LocationCode;
import io.tributary.procurement.ConsolidatedOrder;
import io.tributary.procurement.Consolidations;
import io.tributary.procurement.SupplierCode;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import java.net.URI;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consolidated purchase orders: {@code POST /purchase-orders/consolidations}
 * {@code { supplier, consolidationCentre, locations }} creates one DRAFT order to the centre and
 * answers 201 with the order, its distribution plan and the savings (honours
 * {@code Idempotency-Key}); {@code GET /purchase-orders/{id}/distribution-plan} reads them again.
 */
@RestController
@RequestMapping("/api/v1/purchase-orders")
class ConsolidationController {

    private final Consolidations consolidations;
    private final Idempotency idempotency;

    ConsolidationController(Consolidations consolidations, Idempotency idempotency) {
        this.consolidations = consolidations;
        this.idempotency = idempotency;
    }

    record ConsolidationRequest(String supplier, String consolidationCentre, List<String> locations) {
    }

    @PostMapping("/consolidations")
    ResponseEntity<Object> consolidate(@RequestBody ConsolidationRequest body,
                                       @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        SupplierCode supplier = SupplierCode.parse(body.supplier(), "supplier");
        LocationCode centre = LocationCode.parse(body.consolidationCentre(), "consolidationCentre");
        if (body.locations() == null || body.locations().isEmpty()) {
            throw new ValidationFailed("locations", "must list at least one location");
        }
        List<LocationCode> locations = new ArrayList<>();
        for (int i = 0; i < body.locations().size(); i++) {
            locations.add(LocationCode.parse(body.locations().get(i), "locations[" + i + "]"));
        }
        return idempotency.run(actor.name(), key, "purchase-orders.consolidate", body, () -> {
            ConsolidatedOrder c = consolidations.consolidate(supplier, centre, locations, actor);
            return ResponseEntity.status(HttpStatus.CREATED)
                    .location(URI.create("/api/v1/purchase-orders/" + c.purchaseOrder().id() + "/distribution-plan")).body(c);
        });
    }

    @GetMapping("/{id}/distribution-plan")
    ConsolidatedOrder distributionPlan(@PathVariable UUID id) {
        return consolidations.distributionPlan(id);
    }
}
