package io.tributary.orders.domain;

import io.tributary.orders.LineStatus;
import io.tributary.orders.OrderStatus;
import java.util.List;

/** Order and line status as a function of holds and line quantities; nothing sets a status by hand. */
public final class OrderStatusPolicy {

    private OrderStatusPolicy() {
    }

    /** A line's quantities: ordered, allocated at nodes, backordered, cancelled, shipped, delivered (of the shipped). */
    public record Quantities(long quantity, long allocated, long backordered, long cancelled, long shipped, long delivered) {
        long open() {
            return quantity - cancelled;
        }
    }

    public static LineStatus line(Quantities q) {
        if (q.cancelled() >= q.quantity()) {
            return LineStatus.CANCELLED;
        }
        if (q.delivered() >= q.open()) {
            return LineStatus.DELIVERED;
        }
        if (q.shipped() >= q.open()) {
            return LineStatus.SHIPPED;
        }
        if (q.shipped() > 0) {
            return LineStatus.PARTIALLY_SHIPPED;
        }
        if (q.backordered() > 0) {
            return LineStatus.BACKORDERED;
        }
        if (q.allocated() >= q.open()) {
            return LineStatus.ALLOCATED;
        }
        return LineStatus.OPEN;
    }

    public static OrderStatus order(boolean held, List<Quantities> lines) {
        boolean allCancelled = lines.stream().allMatch(q -> q.cancelled() >= q.quantity());
        if (allCancelled) {
            return OrderStatus.CANCELLED;
        }
        if (held) {
            return OrderStatus.HELD;
        }
        List<Quantities> open = lines.stream().filter(q -> q.cancelled() < q.quantity()).toList();
        if (open.stream().allMatch(q -> q.delivered() >= q.open())) {
            return OrderStatus.DELIVERED;
        }
        if (open.stream().allMatch(q -> q.shipped() >= q.open())) {
            return OrderStatus.SHIPPED;
        }
        if (open.stream().anyMatch(q -> q.shipped() > 0)) {
            return OrderStatus.PARTIALLY_SHIPPED;
        }
        if (open.stream().anyMatch(q -> q.backordered() > 0)) {
            return OrderStatus.BACKORDERED;
        }
        if (open.stream().allMatch(q -> q.allocated() >= q.open())) {
            return OrderStatus.ALLOCATED;
        }
        return OrderStatus.RECEIVED;
    }
}
