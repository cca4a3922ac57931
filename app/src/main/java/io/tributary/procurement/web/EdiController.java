package io.tributary.procurement.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.procurement.SupplierEdi;
import io.tributary.shared.idempotency.Idempotency;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * EDI X12 with suppliers: {@code GET /purchase-orders/{id}/edi/850} returns the order as an 850
 * interchange ({@code application/edi-x12}); {@code POST /edi/inbound} takes an interchange of 855
 * acknowledgements or 856 ship notices ({@code Content-Type: application/edi-x12}) and answers what it was applied to, or
 * 400 with {@code errors} naming the segment position and element at fault. Honours
 * {@code Idempotency-Key}.
 */
@RestController
class EdiController {

    static final String X12 = "application/edi-x12";

    private final SupplierEdi edi;
    private final Idempotency idempotency;

    EdiController(SupplierEdi edi, Idempotency idempotency) {
        this.edi = edi;
        this.idempotency = idempotency;
    }

    @GetMapping(value = "/api/v1/purchase-orders/{id}/edi/850", produces = X12)
    ResponseEntity<String> purchaseOrder850(@PathVariable UUID id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(X12)).body(edi.purchaseOrder850(id, CurrentActor.get()));
    }

    @PostMapping(value = "/api/v1/edi/inbound", consumes = X12)
    ResponseEntity<Object> inbound(@RequestBody String body, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "edi.inbound", body, () -> ResponseEntity.ok(edi.receive(body, actor)));
    }
}
