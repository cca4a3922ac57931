package io.tributary.procurement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.procurement.domain.ApprovalRule.Refusal;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApprovalRuleUnitTests {

    final ApprovalRule rule = new ApprovalRule(new BigDecimal("10000"), new BigDecimal("50000"));

    @Test
    void theTotalDecidesHowManyApproversAreNeededWithTheThresholdsInclusive() {
        assertThat(rule.requiredApprovals(new BigDecimal("0.00"))).isZero();
        assertThat(rule.requiredApprovals(new BigDecimal("10000.00"))).isZero();
        assertThat(rule.requiredApprovals(new BigDecimal("10000.01"))).isEqualTo(1);
        assertThat(rule.requiredApprovals(new BigDecimal("50000.00"))).isEqualTo(1);
        assertThat(rule.requiredApprovals(new BigDecimal("50000.01"))).isEqualTo(2);
        assertThat(rule.requiredApprovals(new BigDecimal("1000000"))).isEqualTo(2);
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new ApprovalRule(new BigDecimal("100"), new BigDecimal("50"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApprovalRule(new BigDecimal("-1"), new BigDecimal("50"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theCreatorAndTheLastChangerNeverApproveAndNobodyApprovesTwice() {
        assertThat(ApprovalRule.refusal("user:bob", "user:bob", "user:bob", List.of())).contains(Refusal.CREATED_IT);
        assertThat(ApprovalRule.refusal("user:carol", "user:bob", "user:carol", List.of())).contains(Refusal.LAST_CHANGED_IT);
        assertThat(ApprovalRule.refusal("user:ann", "user:bob", "user:bob", List.of("user:ann"))).contains(Refusal.ALREADY_APPROVED);
        assertThat(ApprovalRule.refusal("user:dan", "user:bob", "user:bob", List.of("user:ann"))).isEmpty();
    }
}
