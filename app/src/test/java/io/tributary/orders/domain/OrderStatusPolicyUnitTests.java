package io.tributary.orders.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.orders.LineStatus;
import io.tributary.orders.OrderStatus;
import io.tributary.orders.domain.OrderStatusPolicy.Quantities;
import java.util.List;
import org.junit.jupiter.api.Test;

class OrderStatusPolicyUnitTests {

    // quantity, allocated, backordered, cancelled, shipped, delivered
    static Quantities q(long quantity, long allocated, long backordered, long cancelled, long shipped, long delivered) {
        return new Quantities(quantity, allocated, backordered, cancelled, shipped, delivered);
    }

    @Test
    void anOrderMovesFromReceivedThroughAllocatedAndShippedToDelivered() {
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 0, 0, 0, 0, 0)))).isEqualTo(OrderStatus.RECEIVED);
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 3, 0, 0, 0, 0)))).isEqualTo(OrderStatus.ALLOCATED);
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 1, 0, 0, 2, 0)))).isEqualTo(OrderStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 0, 0, 0, 3, 2)))).isEqualTo(OrderStatus.SHIPPED);
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 0, 0, 0, 3, 3)))).isEqualTo(OrderStatus.DELIVERED);
    }

    @Test
    void cancelledUnitsDoNotCountAndAHoldOutranksEverythingButFullCancellation() {
        assertThat(OrderStatusPolicy.order(false, List.of(q(3, 0, 0, 1, 2, 2), q(1, 0, 0, 1, 0, 0)))).isEqualTo(OrderStatus.DELIVERED);
        assertThat(OrderStatusPolicy.order(true, List.of(q(3, 0, 0, 0, 0, 0)))).isEqualTo(OrderStatus.HELD);
        assertThat(OrderStatusPolicy.order(true, List.of(q(3, 0, 0, 3, 0, 0)))).isEqualTo(OrderStatus.CANCELLED);
        assertThat(OrderStatusPolicy.order(false, List.of(q(2, 2, 0, 0, 0, 0), q(1, 0, 1, 0, 0, 0)))).isEqualTo(OrderStatus.BACKORDERED);
    }

    @Test
    void aLinesStatusFollowsItsQuantities() {
        assertThat(OrderStatusPolicy.line(q(2, 0, 2, 0, 0, 0))).isEqualTo(LineStatus.BACKORDERED);
        assertThat(OrderStatusPolicy.line(q(2, 2, 0, 0, 0, 0))).isEqualTo(LineStatus.ALLOCATED);
        assertThat(OrderStatusPolicy.line(q(2, 1, 0, 0, 1, 0))).isEqualTo(LineStatus.PARTIALLY_SHIPPED);
        assertThat(OrderStatusPolicy.line(q(2, 0, 0, 0, 2, 0))).isEqualTo(LineStatus.SHIPPED);
        assertThat(OrderStatusPolicy.line(q(2, 0, 0, 0, 2, 2))).isEqualTo(LineStatus.DELIVERED);
        assertThat(OrderStatusPolicy.line(q(2, 0, 0, 2, 0, 0))).isEqualTo(LineStatus.CANCELLED);
    }
}
