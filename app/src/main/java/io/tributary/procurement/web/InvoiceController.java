package io.tributary.procurement.web;

import io.tributary.procurement.SupplierInvoice;
import io.tributary.procurement.SupplierInvoices;
import io.tributary.shared.Page;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Supplier invoices received by EDI 810: {@code GET /invoices/{id}} and {@code GET /invoices?purchaseOrder=}. */
@RestController
class InvoiceController {

    private final SupplierInvoices invoices;

    InvoiceController(SupplierInvoices invoices) {
        this.invoices = invoices;
    }

    @GetMapping("/api/v1/invoices/{id}")
    SupplierInvoice get(@PathVariable UUID id) {
        return invoices.get(id);
    }

    @GetMapping("/api/v1/invoices")
    Page<SupplierInvoice> list(@RequestParam(required = false) UUID purchaseOrder, @RequestParam(required = false) Integer limit,
                               @RequestParam(required = false) String cursor) {
        return invoices.list(purchaseOrder, limit, cursor);
    }
}
