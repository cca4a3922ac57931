package io.tributary.sourcing.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.sourcing.BackorderPolicy;
import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import io.tributary.sourcing.domain.RoutingPolicy.Decision;
import io.tributary.sourcing.domain.RoutingPolicy.Line;
import io.tributary.sourcing.domain.RoutingPolicy.Node;
import io.tributary.sourcing.domain.RoutingPolicy.Order;
import io.tributary.sourcing.domain.RoutingPolicy.Rules;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingPolicyUnitTests {

    static final Rules RULES = new Rules(5, 0.02, 15, false, false, 25, 0, BackorderPolicy.BACKORDER, 50, 5, 300, 1000);
    // Berlin customer; a DC in Berlin, one in Munich (~500 km), one in Hamburg (~255 km).
    static final Order BERLIN = new Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "DE", 52.52, 13.40,
            List.of(new Line("1", "A", 2), new Line("2", "B", 1)));

    static Node dc(String code, double lat, double lon, Map<String, Long> stock) {
        return new Node(code, false, true, true, lat, lon, "DE", null, stock);
    }

    @Test
    void theNearestNodeThatFillsEverythingWinsAndTheOthersAreExplained() {
        Decision d = RoutingPolicy.decide(BERLIN, List.of(
                dc("MUC", 48.14, 11.58, Map.of("A", 5L, "B", 5L)),
                dc("BER", 52.52, 13.40, Map.of("A", 5L, "B", 5L)),
                dc("EMPTY", 53.55, 9.99, Map.of())), RULES);

        assertThat(d.shipments()).hasSize(1);
        assertThat(d.shipments().get(0).location()).isEqualTo("BER");
        assertThat(d.backordered()).isEmpty();
        assertThat(d.candidates()).extracting(RoutingPolicy.Candidate::location).containsExactly("MUC", "BER", "EMPTY");
        assertThat(d.candidates().get(2).excludedBy()).isEqualTo("NO_STOCK");
        assertThat(d.candidates().get(0).cost()).isGreaterThan(d.candidates().get(1).cost());
        assertThat(d.summary()).contains("BER fills the whole order");
    }

    @Test
    void splitsWhenNoSingleNodeHoldsEveryLineAndPaysThePenalty() {
        Decision d = RoutingPolicy.decide(BERLIN, List.of(
                dc("BER", 52.52, 13.40, Map.of("A", 5L)),
                dc("HAM", 53.55, 9.99, Map.of("B", 5L))), RULES);

        assertThat(d.shipments()).extracting(RoutingPolicy.Shipment::location).containsExactlyInAnyOrder("BER", "HAM");
        double nodes = d.shipments().stream().mapToDouble(RoutingPolicy.Shipment::cost).sum();
        assertThat(d.totalCost()).isEqualTo(Math.round((nodes + 15) * 100) / 100.0);
        assertThat(d.summary()).contains("no single eligible node holds every line");
    }

    @Test
    void aFarSingleNodeBeatsANearSplitWhenThePenaltyIsHigherThanTheDistance() {
        // BER holds A only; MUC holds both. Splitting BER+MUC costs more than MUC alone.
        Decision d = RoutingPolicy.decide(BERLIN, List.of(
                dc("BER", 52.52, 13.40, Map.of("A", 5L)),
                dc("MUC", 48.14, 11.58, Map.of("A", 5L, "B", 5L))), RULES);

        assertThat(d.shipments()).hasSize(1);
        assertThat(d.shipments().get(0).location()).isEqualTo("MUC");
    }

    @Test
    void aLineSpansNodesWhenNoneHoldsItAllAndExistingStockIsRespected() {
        Order thirteen = new Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "DE", 52.52, 13.40, List.of(new Line("1", "A", 13)));
        Decision d = RoutingPolicy.decide(thirteen, List.of(
                dc("BER", 52.52, 13.40, Map.of("A", 10L)),
                dc("HAM", 53.55, 9.99, Map.of("A", 10L))), RULES);

        assertThat(d.backordered()).isEmpty();
        assertThat(d.shipments()).hasSize(2);
        assertThat(d.shipments().get(0).location()).isEqualTo("BER");
        assertThat(d.shipments().get(0).lines().get(0).quantity()).isEqualTo(10);
        assertThat(d.shipments().get(1).lines().get(0).quantity()).isEqualTo(3);
    }

    @Test
    void twoLinesOfOneSkuAreSummedAgainstTheSameStock() {
        Order twice = new Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "DE", 52.52, 13.40,
                List.of(new Line("1", "A", 5), new Line("2", "A", 5)));
        Decision d = RoutingPolicy.decide(twice, List.of(dc("BER", 52.52, 13.40, Map.of("A", 5L))), RULES);

        assertThat(d.shipments().get(0).lines()).extracting(RoutingPolicy.Allocation::quantity).containsExactly(5L);
        assertThat(d.backordered()).singleElement().satisfies(b -> {
            assertThat(b.lineId()).isEqualTo("2");
            assertThat(b.quantity()).isEqualTo(5);
        });
    }

    @Test
    void neverSplitShipsFromOneNodeAndBackordersTheRest() {
        Rules wholesale = new Rules(5, 0.02, 15, true, false, 25, 0, BackorderPolicy.BACKORDER, 50, 5, 300, 1000);
        Decision d = RoutingPolicy.decide(BERLIN, List.of(
                dc("BER", 52.52, 13.40, Map.of("A", 5L)),
                dc("HAM", 53.55, 9.99, Map.of("B", 5L))), wholesale);

        assertThat(d.shipments()).hasSize(1);
        assertThat(d.shipments().get(0).location()).isEqualTo("BER");
        assertThat(d.backordered()).extracting(RoutingPolicy.Allocation::lineId).containsExactly("2");
    }

    @Test
    void refusalPolicyRefusesInsteadOfBackordering() {
        Rules refuse = new Rules(5, 0.02, 15, false, false, 25, 0, BackorderPolicy.REFUSE, 50, 5, 300, 1000);
        Decision d = RoutingPolicy.decide(BERLIN, List.of(dc("BER", 52.52, 13.40, Map.of("A", 1L))), refuse);

        assertThat(d.refused()).isTrue();
        assertThat(d.shipments()).isEmpty();
    }

    @Test
    void aStoresLastUnitsStayForWalkInCustomers() {
        Rules keepTwo = new Rules(5, 0.02, 15, false, false, 25, 2, BackorderPolicy.BACKORDER, 50, 5, 300, 1000);
        Node store = new Node("STORE", true, true, true, 52.52, 13.40, "DE", null, Map.of("A", 3L, "B", 3L));
        Decision d = RoutingPolicy.decide(BERLIN, List.of(store, dc("MUC", 48.14, 11.58, Map.of("A", 5L, "B", 5L))), keepTwo);

        assertThat(d.shipments()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo("MUC"));
        assertThat(d.candidates().get(0).fillableUnits()).isEqualTo(2);
    }

    @Test
    void sameDayPrefersStoresAndFlagsANodeThatCannotMeetThePromise() {
        Rules stores = new Rules(5, 0.02, 15, false, true, 25, 0, BackorderPolicy.BACKORDER, 50, 5, 300, 1000);
        Order sameDay = new Order(DeliveryMethod.SHIP, null, ServiceLevel.SAME_DAY, "DE", 52.52, 13.40, List.of(new Line("1", "A", 1)));
        Node store = new Node("STORE", true, true, true, 52.50, 13.45, "DE", null, Map.of("A", 1L));
        Node dc = dc("DC", 52.52, 13.40, Map.of("A", 1L));
        Decision d = RoutingPolicy.decide(sameDay, List.of(dc, store), stores);
        assertThat(d.shipments().get(0).location()).isEqualTo("STORE");

        Decision far = RoutingPolicy.decide(sameDay, List.of(dc("MUC", 48.14, 11.58, Map.of("A", 1L))), stores);
        assertThat(far.promiseAtRisk()).isTrue();
        assertThat(far.candidates().get(0).meetsPromise()).isFalse();
    }

    @Test
    void capacityPickupAndCapabilityRulesExcludeNodesByName() {
        Node full = new Node("FULL", false, true, false, 52.52, 13.40, "DE", 0, Map.of("A", 5L, "B", 5L));
        Node noShip = new Node("NOSHIP", false, false, true, 52.52, 13.40, "DE", null, Map.of("A", 5L, "B", 5L));
        Decision d = RoutingPolicy.decide(BERLIN, List.of(full, noShip), RULES);
        assertThat(d.candidates()).extracting(RoutingPolicy.Candidate::excludedBy).containsExactly("CAPACITY_REACHED", "NO_SHIP_CAPABILITY");
        assertThat(d.backordered()).hasSize(2);

        Order pickup = new Order(DeliveryMethod.PICKUP, "NOSHIP", ServiceLevel.STANDARD, null, null, null, List.of(new Line("1", "A", 1)));
        Decision p = RoutingPolicy.decide(pickup, List.of(full, noShip), RULES);
        assertThat(p.shipments()).singleElement().satisfies(s -> assertThat(s.location()).isEqualTo("NOSHIP"));
        assertThat(p.candidates().get(0).excludedBy()).isEqualTo("NOT_PICKUP_LOCATION");
    }

    @Test
    void distanceIsEstimatedFromTheCountryWithoutCoordinates() {
        Order noCoordinates = new Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "NL", null, null, List.of(new Line("1", "A", 1)));
        Node domestic = new Node("NL1", false, true, false, null, null, "NL", null, Map.of("A", 1L));
        Node abroad = new Node("DE1", false, true, false, null, null, "DE", null, Map.of("A", 1L));
        Decision d = RoutingPolicy.decide(noCoordinates, List.of(abroad, domestic), RULES);

        assertThat(d.shipments().get(0).location()).isEqualTo("NL1");
        assertThat(d.candidates()).allSatisfy(c -> assertThat(c.distanceEstimated()).isTrue());
    }

    @Test
    void aNodeThatGaveTheLinesBackIsNeverChosenAgainForThem() {
        // BER is nearest and holds everything, but it short-picked this order: HAM (~255 km) takes it.
        Order rerouted = new Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "DE", 52.52, 13.40,
                List.of(new Line("1", "A", 2), new Line("2", "B", 1)), java.util.Set.of("BER"));
        Decision d = RoutingPolicy.decide(rerouted, List.of(
                dc("BER", 52.52, 13.40, Map.of("A", 5L, "B", 5L)),
                dc("HAM", 53.55, 9.99, Map.of("A", 5L, "B", 5L))), RULES);

        assertThat(d.shipments()).extracting(RoutingPolicy.Shipment::location).containsExactly("HAM");
        assertThat(d.candidates().get(0).excludedBy()).isEqualTo("GAVE_LINES_BACK");
        assertThat(d.candidates().get(0).cost()).isNull();
    }
}
