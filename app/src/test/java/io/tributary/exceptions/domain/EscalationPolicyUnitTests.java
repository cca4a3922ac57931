package io.tributary.exceptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.access.Actor;
import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionStatus;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Severity;
import io.tributary.shared.Forbidden;
import io.tributary.shared.InvalidTransition;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EscalationPolicyUnitTests {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Test
    void severityRisesOneStepAndCriticalStaysCritical() {
        assertThat(Severity.LOW.raised()).isEqualTo(Severity.MEDIUM);
        assertThat(Severity.MEDIUM.raised()).isEqualTo(Severity.HIGH);
        assertThat(Severity.HIGH.raised()).isEqualTo(Severity.CRITICAL);
        assertThat(Severity.CRITICAL.raised()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void aCaseIsDueWhenUnresolvedAndItsDueTimeHasCome() {
        assertThat(EscalationPolicy.isDue(ExceptionStatus.OPEN, T0, T0)).isTrue();
        assertThat(EscalationPolicy.isDue(ExceptionStatus.ASSIGNED, T0, T0.plusSeconds(1))).isTrue();
        assertThat(EscalationPolicy.isDue(ExceptionStatus.OPEN, T0, T0.minusMillis(1))).isFalse();
        assertThat(EscalationPolicy.isDue(ExceptionStatus.RESOLVED, T0, T0.plus(Duration.ofDays(30)))).isFalse();
    }

    @Test
    void escalationRaisesLevelAndSeverityAndSetsTheNextDueOneSlaAfterTheEscalation() {
        Instant late = T0.plus(Duration.ofHours(7));
        EscalationPolicy.Escalation e = EscalationPolicy.escalate(0, Severity.MEDIUM, late, Duration.ofHours(4));
        assertThat(e.level()).isEqualTo(1);
        assertThat(e.severity()).isEqualTo(Severity.HIGH);
        assertThat(e.escalatedAt()).isEqualTo(late);
        assertThat(e.dueAt()).isEqualTo(late.plus(Duration.ofHours(4)));
    }

    @Test
    void repeatedEscalationsClimbToCriticalAndKeepCounting() {
        CaseState s = open(Severity.LOW, T0);
        Instant now = T0;
        Duration sla = Duration.ofHours(1);
        Severity[] expected = {Severity.MEDIUM, Severity.HIGH, Severity.CRITICAL, Severity.CRITICAL};
        for (int i = 0; i < expected.length; i++) {
            now = s.dueAt();
            EscalationPolicy.Escalation e = s.escalate(now, sla);
            assertThat(e.level()).isEqualTo(i + 1);
            assertThat(e.severity()).isEqualTo(expected[i]);
            s = new CaseState(s.id(), s.type(), s.entityType(), s.entityId(), s.status(), e.severity(), s.ownerRole(), s.assignee(),
                    e.level(), e.dueAt(), s.version() + 1);
        }
        assertThat(s.dueAt()).isEqualTo(now.plus(sla));
    }

    @Test
    void aCaseNotYetDueOrResolvedRefusesToEscalate() {
        CaseState s = open(Severity.MEDIUM, T0.plusSeconds(60));
        assertThatThrownBy(() -> s.escalate(T0, Duration.ofHours(1))).isInstanceOf(InvalidTransition.class);
        assertThatThrownBy(() -> s.resolve().escalate(T0.plus(Duration.ofDays(1)), Duration.ofHours(1)))
                .isInstanceOf(InvalidTransition.class);
    }

    @Test
    void openAndAssignedCasesMayBeAssignedAndResolvedButAResolvedCaseMayNot() {
        CaseState open = open(Severity.MEDIUM, T0);
        CaseState assigned = open.assignTo("alice");
        assertThat(assigned.status()).isEqualTo(ExceptionStatus.ASSIGNED);
        assertThat(assigned.assignTo("bob").assignee()).isEqualTo("bob");
        CaseState resolved = assigned.resolve();
        assertThat(resolved.status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThat(open.resolve().status()).isEqualTo(ExceptionStatus.RESOLVED);
        assertThatThrownBy(resolved::resolve).isInstanceOf(InvalidTransition.class).hasMessageContaining("RESOLVED");
        assertThatThrownBy(() -> resolved.assignTo("carol")).isInstanceOf(InvalidTransition.class);
    }

    @Test
    void onlyTheOwningRoleOrAnAdminMayWorkACase() {
        CaseState s = open(Severity.MEDIUM, T0);
        assertThat(s.workableBy(actor(Role.CUSTOMER_SERVICE))).isTrue();
        assertThat(s.workableBy(actor(Role.ADMIN))).isTrue();
        assertThat(s.workableBy(actor(Role.BUYER, Role.VIEWER))).isFalse();
        assertThatThrownBy(() -> s.requireWorkableBy(actor(Role.WAREHOUSE), "resolve")).isInstanceOf(Forbidden.class)
                .hasMessageContaining("CUSTOMER_SERVICE");
    }

    private static Actor actor(Role... roles) {
        return new Actor("user:test", Set.of(roles), Optional.empty());
    }

    private static CaseState open(Severity severity, Instant dueAt) {
        return new CaseState(UUID.randomUUID(), ExceptionType.ORDER_HOLD, "order", "o-1", ExceptionStatus.OPEN, severity,
                Role.CUSTOMER_SERVICE, null, 0, dueAt, 0);
    }
}
