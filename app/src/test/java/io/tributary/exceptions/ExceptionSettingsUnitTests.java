package io.tributary.exceptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.access.Role;
import io.tributary.exceptions.domain.TypePolicies;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ExceptionSettingsUnitTests {

    @Test
    void perTypeOverridesAreReadFromTheConfiguration() {
        MockEnvironment env = new MockEnvironment()
                .withProperty("tributary.exceptions.sla.ORDER_HOLD", "PT2H")
                .withProperty("tributary.exceptions.sla.short-pick", "30m")
                .withProperty("tributary.exceptions.severity.PICKUP_NOT_COLLECTED", "HIGH")
                .withProperty("tributary.exceptions.role.ROUTING_FAILED", "INVENTORY_MANAGER");
        TypePolicies p = Exceptions.policies(env);
        assertThat(p.of(ExceptionType.ORDER_HOLD).sla()).isEqualTo(Duration.ofHours(2));
        assertThat(p.of(ExceptionType.SHORT_PICK).sla()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.of(ExceptionType.PICKUP_NOT_COLLECTED).severity()).isEqualTo(Severity.HIGH);
        assertThat(p.of(ExceptionType.ROUTING_FAILED).ownerRole()).isEqualTo(Role.INVENTORY_MANAGER);
        assertThat(p.of(ExceptionType.WEBHOOK_PARKED).sla()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void aMisspelledTypeStopsTheStartUp() {
        MockEnvironment env = new MockEnvironment().withProperty("tributary.exceptions.sla.ORDER_HODL", "PT2H");
        assertThatThrownBy(() -> Exceptions.policies(env)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ORDER_HODL");
    }
}
