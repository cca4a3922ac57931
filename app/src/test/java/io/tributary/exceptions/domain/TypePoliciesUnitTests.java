package io.tributary.exceptions.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.access.Role;
import io.tributary.exceptions.ExceptionType;
import io.tributary.exceptions.Severity;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TypePoliciesUnitTests {

    @Test
    void everyTypeHasAPositiveSlaAndAnOwnerThatIsNotAChannel() {
        TypePolicies defaults = TypePolicies.defaults();
        for (ExceptionType type : ExceptionType.values()) {
            TypePolicy p = defaults.of(type);
            assertThat(p.sla()).as(type.name()).isPositive();
            assertThat(p.ownerRole()).as(type.name()).isNotIn(Role.CHANNEL, Role.VIEWER);
        }
    }

    @Test
    void defaultsFollowTheDocumentedTable() {
        TypePolicies defaults = TypePolicies.defaults();
        assertThat(defaults.of(ExceptionType.ORDER_HOLD)).isEqualTo(new TypePolicy(Severity.MEDIUM, Role.CUSTOMER_SERVICE, Duration.ofHours(4)));
        assertThat(defaults.of(ExceptionType.WEBHOOK_PARKED)).isEqualTo(new TypePolicy(Severity.HIGH, Role.ADMIN, Duration.ofHours(1)));
        assertThat(defaults.of(ExceptionType.SHORT_PICK).ownerRole()).isEqualTo(Role.WAREHOUSE);
        assertThat(defaults.of(ExceptionType.RECEIVING_DISCREPANCY).ownerRole()).isEqualTo(Role.BUYER);
    }

    @Test
    void configurationOverridesOnlyWhatItNames() {
        TypePolicies p = TypePolicies.of(Map.of("ORDER_HOLD", Duration.ofHours(2), "short-pick", Duration.ofMinutes(30)),
                Map.of("PICKUP_NOT_COLLECTED", "medium"), Map.of("ROUTING_FAILED", "INVENTORY_MANAGER"));
        assertThat(p.of(ExceptionType.ORDER_HOLD)).isEqualTo(new TypePolicy(Severity.MEDIUM, Role.CUSTOMER_SERVICE, Duration.ofHours(2)));
        assertThat(p.of(ExceptionType.SHORT_PICK).sla()).isEqualTo(Duration.ofMinutes(30));
        assertThat(p.of(ExceptionType.PICKUP_NOT_COLLECTED).severity()).isEqualTo(Severity.MEDIUM);
        assertThat(p.of(ExceptionType.PICKUP_NOT_COLLECTED).sla()).isEqualTo(ExceptionType.PICKUP_NOT_COLLECTED.defaultSla());
        assertThat(p.of(ExceptionType.ROUTING_FAILED).ownerRole()).isEqualTo(Role.INVENTORY_MANAGER);
        assertThat(p.of(ExceptionType.WEBHOOK_PARKED)).isEqualTo(TypePolicies.defaults().of(ExceptionType.WEBHOOK_PARKED));
    }

    @Test
    void overridesOfUnknownTypesOrInvalidValuesAreRefused() {
        assertThatThrownBy(() -> TypePolicies.of(Map.of("NO_SUCH_TYPE", Duration.ofHours(1)), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NO_SUCH_TYPE");
        assertThatThrownBy(() -> TypePolicies.of(Map.of("ORDER_HOLD", Duration.ZERO), Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
        assertThatThrownBy(() -> TypePolicies.of(Map.of(), Map.of("ORDER_HOLD", "URGENT"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("URGENT");
        assertThatThrownBy(() -> TypePolicies.of(Map.of(), Map.of(), Map.of("ORDER_HOLD", "CHANNEL")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
