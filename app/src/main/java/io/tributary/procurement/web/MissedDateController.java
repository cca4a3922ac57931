package io.tributary.procurement.web;

import io.tributary.access.CurrentActor;
import io.tributary.exceptions.ExceptionCase;
import io.tributary.procurement.SupplierDeliveries;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /suppliers/performance/check-dates} (ADMIN) runs the missed promised date check now,
 * as the scheduled job does, and answers the cases it raised.
 */
@RestController
@RequestMapping("/api/v1/suppliers/performance")
class MissedDateController {

    private final SupplierDeliveries deliveries;

    MissedDateController(SupplierDeliveries deliveries) {
        this.deliveries = deliveries;
    }

    record RaisedCase(UUID id, String purchaseOrder, String summary) {
    }

    record CheckResponse(List<RaisedCase> raised) {
    }

    @PostMapping("/check-dates")
    CheckResponse checkDates() {
        List<ExceptionCase> raised = deliveries.raiseMissedDates(CurrentActor.get());
        return new CheckResponse(raised.stream().map(c -> new RaisedCase(c.id(), c.entityId(), c.summary())).toList());
    }
}
