package io.tributary.procurement;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.catalog.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A supplier's invoice as received (an EDI 810), kept for matching against the purchase order and
 * its receipts: the supplier's invoice number and date, the order it bills, the total (the sum of
 * the line amounts), and per line the purchase order line it bills with the SKU, quantity, unit and
 * unit price invoiced. {@code interchange} is the ISA13 control number it arrived in.
 */
public record SupplierInvoice(UUID id, SupplierCode supplier, String invoiceNumber, LocalDate invoiceDate, UUID purchaseOrder,
                              String purchaseOrderNumber, LocalDate purchaseOrderDate, Currency currency,
                              @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total, List<Line> lines, long interchange,
                              Instant receivedAt, String receivedBy) {

    public record Line(int lineNo, int purchaseOrderLine, Sku sku, String supplierSku, long quantity, String unit,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitPrice,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
    }
}
