package io.tributary.orders.jobs;

import io.tributary.inventory.Events.InventoryChanged;
import io.tributary.orders.Orders;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Allocates backordered lines when stock arrives. A committed stock change (receipt, transfer,
 * adjustment, count, status change) triggers a pass over the orders waiting for those SKUs, oldest
 * first, on one background thread; a sweep over every backordered order runs every
 * {@code tributary.orders.backorder-sweep-interval} (1 min) and catches what a trigger missed:
 * stock freed by cancellations and expiries, kit components, a trigger dropped under load or lost
 * in a crash.
 */
@Component
class BackorderAllocator {

    private static final Logger log = LoggerFactory.getLogger(BackorderAllocator.class);
    static final int BATCH = 500;

    private final Orders orders;
    private final ThreadPoolExecutor worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1000),
            Thread.ofPlatform().name("backorders").daemon().factory(), new ThreadPoolExecutor.DiscardPolicy());

    BackorderAllocator(Orders orders) {
        this.orders = orders;
    }

    @TransactionalEventListener
    void on(InventoryChanged e) {
        if ("RESERVATION_CONSUME".equals(e.cause()) || e.skus().isEmpty()) {
            return; // stock left; nothing new to allocate
        }
        List<String> skus = List.copyOf(e.skus());
        worker.execute(() -> allocate(skus));
    }

    @Scheduled(fixedDelayString = "${tributary.orders.backorder-sweep-interval:1m}",
            initialDelayString = "${tributary.orders.backorder-sweep-interval:1m}")
    void sweep() {
        allocate(null);
    }

    private void allocate(List<String> skus) {
        try {
            int n = orders.allocateBackorders(skus, BATCH);
            if (n > 0) {
                log.info("Allocated backordered units of {} orders", n);
            }
        } catch (RuntimeException e) {
            log.warn("Allocating backorders failed; the next sweep tries again", e);
        }
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
