package io.tributary.procurement;

import io.tributary.procurement.persistence.JdbcSupplierInvoices;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Supplier invoices as received by EDI 810 ({@link SupplierEdi}), read for matching (ADR 0016). */
@Service
public class SupplierInvoices {

    private final JdbcSupplierInvoices invoices;

    SupplierInvoices(JdbcSupplierInvoices invoices) {
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public SupplierInvoice get(UUID id) {
        return invoices.find(id).orElseThrow(() -> new NotFound("Invoice", id.toString()));
    }

    /** Invoices newest first, optionally of one purchase order. */
    @Transactional(readOnly = true)
    public Page<SupplierInvoice> list(UUID purchaseOrder, Integer limit, String cursor) {
        int n = Page.limit(limit);
        UUID before = Page.decodeIdCursor(cursor);
        return Page.of(invoices.page(purchaseOrder, before, n + 1).stream().map(this::get).toList(), n, i -> i.id().toString());
    }
}
