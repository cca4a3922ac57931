package io.tributary.catalog.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.catalog.Item.Component;
import io.tributary.catalog.Sku;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KitsUnitTests {

    private final Map<String, UUID> ids = new HashMap<>();
    private final Map<UUID, List<Component>> bom = new HashMap<>();

    private UUID id(String sku) {
        return ids.computeIfAbsent(sku, s -> UUID.randomUUID());
    }

    private Component c(String sku, long quantity) {
        return new Component(id(sku), new Sku(sku), quantity);
    }

    private void kit(String sku, Component... components) {
        bom.put(id(sku), List.of(components));
    }

    @Test
    void aStockedItemExplodesToNothing() {
        assertThat(Kits.explode(id("PLAIN"), bom)).isEmpty();
        assertThat(Kits.depth(id("PLAIN"), bom)).isZero();
    }

    @Test
    void nestedKitsAreFlattenedWithMultipliedQuantitiesAndRepeatedItemsSummed() {
        kit("GIFT", c("MUG", 2), c("SPOON", 1));
        kit("HAMPER", c("GIFT", 3), c("SPOON", 4), c("TEA", 1));

        List<Component> exploded = Kits.explode(id("HAMPER"), bom);

        assertThat(exploded).containsExactly(c("MUG", 6), c("SPOON", 7), c("TEA", 1));
        assertThat(Kits.depth(id("HAMPER"), bom)).isEqualTo(2);
    }

    @Test
    void anItemReachedThroughTwoSubKitsIsCountedOncePerPath() {
        kit("A", c("X", 1));
        kit("B", c("X", 2), c("A", 1));
        kit("TOP", c("A", 2), c("B", 3));

        assertThat(Kits.explode(id("TOP"), bom)).containsExactly(c("X", 2 + 3 * (2 + 1)));
    }

    @Test
    void findsADirectSelfReferenceAsACycle() {
        kit("SELF", c("SELF", 1));

        assertThat(Kits.cycleThrough(id("SELF"), bom)).contains(List.of(id("SELF"), id("SELF")));
    }

    @Test
    void findsATransitiveCycleWithItsPath() {
        kit("A", c("B", 1));
        kit("B", c("C", 1));
        kit("C", c("A", 1), c("LEAF", 1));

        assertThat(Kits.cycleThrough(id("A"), bom)).contains(List.of(id("A"), id("B"), id("C"), id("A")));
        assertThat(Kits.violation(id("A"), bom, Set.of(id("A")))).hasValueSatisfying(
                reason -> assertThat(reason).contains("cannot contain itself").contains("B > C"));
    }

    @Test
    void aSharedComponentIsNotACycle() {
        kit("A", c("LEAF", 1), c("B", 1));
        kit("B", c("LEAF", 1));

        assertThat(Kits.cycleThrough(id("A"), bom)).isEmpty();
        assertThat(Kits.violation(id("A"), bom, Set.of(id("A")))).isEmpty();
    }

    @Test
    void explodingACyclicStructureFailsInsteadOfLoopingForever() {
        kit("A", c("B", 1));
        kit("B", c("A", 1));

        assertThatThrownBy(() -> Kits.explode(id("A"), bom)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Kits.depth(id("A"), bom)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void refusesNestingDeeperThanTheLimit() {
        String below = "LEAF";
        for (int level = 1; level <= Kits.MAX_DEPTH; level++) {
            kit("K" + level, c(below, 1));
            below = "K" + level;
        }
        assertThat(Kits.violation(id(below), bom, Set.of(id(below)))).isEmpty();

        kit("TOO-DEEP", c(below, 1));
        assertThat(Kits.violation(id("TOO-DEEP"), bom, Set.of(id("TOO-DEEP"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("nested at most"));
    }

    @Test
    void refusesKitsWhoseExplodedQuantitiesWouldOverflow() {
        kit("K1", c("LEAF", 100_000));
        kit("K2", c("K1", 100_000));

        assertThat(Kits.violation(id("K2"), bom, Set.of(id("K2"))))
                .hasValueSatisfying(reason -> assertThat(reason).contains("at most"));
        assertThatThrownBy(() -> Kits.explode(id("K2"), bom)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void checksEveryAffectedAncestorNotOnlyTheChangedKit() {
        kit("INNER", c("LEAF", 50_000));
        kit("OUTER", c("INNER", 10));
        // INNER grows; OUTER now needs 100_000 * 20_000 = 2e9 LEAF units
        kit("INNER", c("LEAF", 100_000));
        kit("OUTER", c("INNER", 20_000));

        assertThat(Kits.violation(id("INNER"), bom, Set.of(id("INNER")))).isEmpty();
        assertThat(Kits.violation(id("INNER"), bom, Set.of(id("INNER"), id("OUTER")))).isPresent();
    }
}
