package io.tributary.integration.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.shared.DomainException.FieldError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventTypePatternsUnitTests {

    @Test
    void acceptsEverythingExactTypesAndPrefixes() {
        assertThat(List.of("*", "inventory.changed", "order.*", "purchase_order.approved", "count.awaiting_approval", "reservation"))
                .allMatch(EventTypePatterns::isValid);
    }

    @Test
    void refusesAnythingElse() {
        assertThat(List.of("", "Order.Shipped", "order.", ".order", "order..shipped", "order*", "*.shipped", "order.*.x", "order shipped"))
                .noneMatch(EventTypePatterns::isValid);
        assertThat(EventTypePatterns.isValid(null)).isFalse();
    }

    @Test
    void aPrefixMatchesTheTypesBelowItOnly() {
        assertThat(EventTypePatterns.matches("reservation.*", "reservation.created")).isTrue();
        assertThat(EventTypePatterns.matches("reservation.*", "reservations.created")).isFalse();
        assertThat(EventTypePatterns.matches("reservation.*", "reservation")).isFalse();
        assertThat(EventTypePatterns.matches("*", "anything.at_all")).isTrue();
        assertThat(EventTypePatterns.matches("inventory.changed", "inventory.changed")).isTrue();
        assertThat(EventTypePatterns.matches("inventory.changed", "inventory.changed_more")).isFalse();
    }

    @Test
    void namesEachBadEventTypeByItsIndexAndDropsDuplicates() {
        List<FieldError> errors = new ArrayList<>();
        List<String> kept = SubscriptionRules.events(List.of("order.*", "Bad Type", "order.*"), errors);
        assertThat(errors).extracting(FieldError::field).containsExactly("events[1]");
        assertThat(kept).containsExactly("order.*");
    }

    @Test
    void acceptsOnlyHttpAndHttpsUrlsWithAHost() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(SubscriptionRules.url("https://erp.example.com/hooks?x=1", errors)).isNotNull();
        assertThat(SubscriptionRules.url("http://127.0.0.1:8081/h", errors)).isNotNull();
        assertThat(errors).isEmpty();
        for (String bad : List.of("ftp://example.com/x", "mailto:a@b.c", "https:///nohost", "/relative", "https://user:pw@example.com/",
                "http://exa mple.com/")) {
            List<FieldError> e = new ArrayList<>();
            assertThat(SubscriptionRules.url(bad, e)).as(bad).isNull();
            assertThat(e).extracting(FieldError::field).containsExactly("url");
        }
    }
}
