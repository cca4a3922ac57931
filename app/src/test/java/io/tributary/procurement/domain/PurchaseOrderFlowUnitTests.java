package io.tributary.procurement.domain;

import static io.tributary.procurement.PurchaseOrderStatus.ACKNOWLEDGED;
import static io.tributary.procurement.PurchaseOrderStatus.APPROVED;
import static io.tributary.procurement.PurchaseOrderStatus.CANCELLED;
import static io.tributary.procurement.PurchaseOrderStatus.CLOSED;
import static io.tributary.procurement.PurchaseOrderStatus.DRAFT;
import static io.tributary.procurement.PurchaseOrderStatus.PARTIALLY_RECEIVED;
import static io.tributary.procurement.PurchaseOrderStatus.PENDING_APPROVAL;
import static io.tributary.procurement.PurchaseOrderStatus.RECEIVED;
import static io.tributary.procurement.PurchaseOrderStatus.SENT;
import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.procurement.PurchaseOrderStatus;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

class PurchaseOrderFlowUnitTests {

    static void walk(PurchaseOrderStatus... path) {
        for (int i = 1; i < path.length; i++) {
            assertThat(path[i - 1].canMoveTo(path[i])).as(path[i - 1] + " -> " + path[i]).isTrue();
        }
    }

    @Test
    void anOrderGoesFromDraftThroughApprovalSendingAndReceiptToClosed() {
        walk(DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACKNOWLEDGED, PARTIALLY_RECEIVED, RECEIVED, CLOSED);
        walk(DRAFT, PENDING_APPROVAL, DRAFT, PENDING_APPROVAL, APPROVED);
        walk(SENT, RECEIVED, CLOSED);
        walk(PARTIALLY_RECEIVED, CLOSED);
    }

    @Test
    void cancellingIsPossibleOnlyBeforeAnyReceipt() {
        assertThat(EnumSet.allOf(PurchaseOrderStatus.class).stream().filter(s -> s.canMoveTo(CANCELLED)))
                .containsExactlyInAnyOrder(DRAFT, PENDING_APPROVAL, APPROVED, SENT, ACKNOWLEDGED);
    }

    @Test
    void noStepIsSkippedAndEndStatesAreFinal() {
        assertThat(DRAFT.canMoveTo(APPROVED)).isFalse();
        assertThat(DRAFT.canMoveTo(SENT)).isFalse();
        assertThat(PENDING_APPROVAL.canMoveTo(SENT)).isFalse();
        assertThat(APPROVED.canMoveTo(ACKNOWLEDGED)).isFalse();
        assertThat(APPROVED.canMoveTo(DRAFT)).isFalse();
        assertThat(ACKNOWLEDGED.canMoveTo(CLOSED)).isFalse();
        assertThat(SENT.canMoveTo(SENT)).isFalse();
        assertThat(CLOSED.next()).isEmpty();
        assertThat(CANCELLED.next()).isEmpty();
    }

    @Test
    void onlyApprovalAndRejectionLeavePendingApproval() {
        assertThat(PENDING_APPROVAL.next()).containsExactlyInAnyOrder(APPROVED, DRAFT, CANCELLED);
    }
}
