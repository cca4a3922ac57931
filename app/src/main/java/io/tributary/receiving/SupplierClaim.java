package io.tributary.receiving;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.catalog.Sku;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A claim against a supplier for what went wrong with one receipt: each line is a SHORT or DAMAGED
 * discrepancy ({@code discrepancy}) or units an inspection returned to the supplier
 * ({@code vendorReturn}), priced at the purchase order's unit cost. {@code status} moves OPEN,
 * SUBMITTED, then ACCEPTED or REJECTED, and an ACCEPTED claim is SETTLED; {@code history} keeps every
 * move, the creation first (ADR 0021).
 */
public record SupplierClaim(UUID id, String supplier, UUID purchaseOrder, String purchaseOrderNumber, UUID receipt, String currency,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, ClaimStatus status, String note,
                            List<Line> lines, List<Transition> history, Instant createdAt, String createdBy, long version) {

    public record Line(int lineNo, Sku sku, long quantity, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitCost,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, UUID discrepancy, UUID vendorReturn) {
    }

    /** A move of the claim; {@code from} is null for its creation. */
    public record Transition(String from, String to, String note, Instant at, String actor) {
    }
}
