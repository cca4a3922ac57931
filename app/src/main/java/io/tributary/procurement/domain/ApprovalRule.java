package io.tributary.procurement.domain;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Optional;

/**
 * How many approvals a purchase order needs and who may give one. Thresholds are amounts in the
 * order's own currency: a total up to {@code singleThreshold} is within the buyer's authority and
 * needs no approver; above it one APPROVER; above {@code dualThreshold} two different APPROVERs.
 * Segregation of duties: the person who created the order or last changed it never approves it,
 * and one person's approval counts once.
 */
public record ApprovalRule(BigDecimal singleThreshold, BigDecimal dualThreshold) {

    public ApprovalRule {
        if (singleThreshold.signum() < 0 || dualThreshold.compareTo(singleThreshold) < 0) {
            throw new IllegalArgumentException("approval thresholds must satisfy 0 <= single (" + singleThreshold
                    + ") <= dual (" + dualThreshold + ")");
        }
    }

    /** Approvals an order of this total needs: 0, 1 or 2. */
    public int requiredApprovals(BigDecimal total) {
        if (total.compareTo(dualThreshold) > 0) {
            return 2;
        }
        return total.compareTo(singleThreshold) > 0 ? 1 : 0;
    }

    /** Why a person may not approve, or empty when the approval counts. */
    public static Optional<Refusal> refusal(String approver, String createdBy, String changedBy, Collection<String> approvedBy) {
        if (approver.equals(createdBy)) {
            return Optional.of(Refusal.CREATED_IT);
        }
        if (approver.equals(changedBy)) {
            return Optional.of(Refusal.LAST_CHANGED_IT);
        }
        if (approvedBy.contains(approver)) {
            return Optional.of(Refusal.ALREADY_APPROVED);
        }
        return Optional.empty();
    }

    /** The reasons an approval is refused. */
    public enum Refusal {
        CREATED_IT, LAST_CHANGED_IT, ALREADY_APPROVED
    }
}
