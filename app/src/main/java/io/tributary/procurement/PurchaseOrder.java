package io.tributary.procurement;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.catalog.Sku;
import io.tributary.network.LocationCode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.UUID;

/**
 * A purchase order as read: a buyer's order to one supplier for delivery to one location, in the
 * supplier's currency. It is created DRAFT, submitted for the approvals its total needs
 * ({@code requiredApprovals}; a total within the buyer's authority is approved on submit), sent to
 * the supplier, acknowledged with confirmed quantities and dates, received and closed, or cancelled
 * before any receipt. {@code approvals} are those of the current approval round (a rejection sends
 * the order back to DRAFT and the next submit starts afresh); {@code history} is every transition,
 * oldest first. {@code changedBy} is who last changed its content and may therefore not approve it.
 */
public record PurchaseOrder(UUID id, String number, SupplierCode supplier, LocationCode location, Currency currency,
                            PurchaseOrderStatus status, List<Line> lines,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal total,
                            int requiredApprovals, List<Approval> approvals, List<Transition> history,
                            Instant createdAt, String createdBy, Instant changedAt, String changedBy, Instant updatedAt,
                            long version) {

    /**
     * One line: {@code amount} is quantity times unit cost; {@code expectedDate} is when the goods are
     * due by the lead time at creation; {@code confirmedQuantity} and {@code promisedDate} are the
     * supplier's acknowledgement (null before it).
     */
    public record Line(int lineNo, Sku sku, long quantity, @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal unitCost,
                       @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount, LocalDate expectedDate,
                       Long confirmedQuantity, LocalDate promisedDate) {
    }

    /** One person's approval in the current round. */
    public record Approval(String approver, Instant at) {
    }

    /** One move of the order: who, when, which event, from which status to which, with a note (a rejection's reason). */
    public record Transition(Instant at, String actor, String event, PurchaseOrderStatus from, PurchaseOrderStatus to, String note) {
    }
}
