package io.tributary.inventory.jobs;

import io.tributary.inventory.Events.ReservationChanged;
import io.tributary.inventory.InsufficientStock;
import io.tributary.inventory.InsufficientStock.Shortfall;
import io.tributary.inventory.Reservation;
import io.tributary.inventory.domain.ReservationPolicy;
import io.tributary.inventory.domain.StockKey;
import io.tributary.inventory.persistence.ReservationStore;
import io.tributary.inventory.persistence.ReservationStore.NewReservation;
import io.tributary.inventory.persistence.StockStore;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Group commit for reservations. Requests queue on one of a few lanes (chosen by their first
 * item, so a hot SKU always meets itself in one lane); a lane takes everything waiting, locks the
 * balance rows once in key order, decides each request in arrival order with
 * {@link ReservationPolicy}, writes all outcomes and commits once. A flash sale on one SKU is then
 * bounded by commits per second, not requests per second, and the database still arbitrates: the
 * rows are locked, so any number of instances stay correct. A lone request runs at once, without
 * waiting for company. If a batch fails as a whole, its requests are retried one by one, so one
 * bad request cannot sink the others.
 */
@Component
public class ReservationLanes implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ReservationLanes.class);

    private final StockStore stock;
    private final ReservationStore reservations;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;
    private final int maxBatch;
    private final DistributionSummary batchSizes;
    private final Counter acceptedCount;
    private final Counter refusedCount;
    private final List<BlockingQueue<Pending>> lanes = new ArrayList<>();
    private final List<Thread> workers = new ArrayList<>();
    private volatile boolean running;

    ReservationLanes(StockStore stock, ReservationStore reservations, PlatformTransactionManager txm,
                     ApplicationEventPublisher events,
                     @Value("${tributary.inventory.reservation-lanes:2}") int laneCount,
                     @Value("${tributary.inventory.reservation-max-batch:256}") int maxBatch, MeterRegistry meters) {
        this.batchSizes = DistributionSummary.builder("tributary.reservations.batch.size")
                .description("Reservation requests decided per transaction").register(meters);
        this.acceptedCount = Counter.builder("tributary.reservations.decided").tag("outcome", "accepted").register(meters);
        this.refusedCount = Counter.builder("tributary.reservations.decided").tag("outcome", "insufficient-stock").register(meters);
        this.stock = stock;
        this.reservations = reservations;
        this.tx = new TransactionTemplate(txm);
        this.events = events;
        this.maxBatch = maxBatch;
        for (int i = 0; i < laneCount; i++) {
            lanes.add(new LinkedBlockingQueue<>());
        }
    }

    /**
     * A request waiting for its lane. {@code build} turns the accepted request into the
     * reservation; {@code onCommit} runs inside the committing transaction (it stores the
     * idempotent response, so both commit together).
     */
    public record Pending(NewReservation reservation, Function<NewReservation, Reservation> build,
                          Consumer<Reservation> onCommit, CompletableFuture<Reservation> result) {
    }

    public CompletableFuture<Reservation> submit(NewReservation reservation, Function<NewReservation, Reservation> build,
                                                 Consumer<Reservation> onCommit) {
        if (!running) {
            throw new IllegalStateException("reservation lanes are not running");
        }
        CompletableFuture<Reservation> result = new CompletableFuture<>();
        StockKey first = reservation.request().rows().get(0).key();
        int lane = Math.floorMod(first.item().hashCode(), lanes.size());
        lanes.get(lane).add(new Pending(reservation, build, onCommit, result));
        return result;
    }

    /**
     * Decides one reservation in the caller's transaction (no lane, no group commit): the same
     * locking, policy and writes as a batch of one.
     */
    public Reservation decideNow(NewReservation reservation, Function<NewReservation, Reservation> build) {
        CompletableFuture<Reservation> result = new CompletableFuture<>();
        decideAndWrite(List.of(new Pending(reservation, build, null, result))).forEach(Runnable::run);
        try {
            return result.getNow(null);
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw e;
        }
    }

    private void work(BlockingQueue<Pending> queue) {
        List<Pending> batch = new ArrayList<>(maxBatch);
        while (running || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, maxBatch - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.error("Reservation lane failed unexpectedly", e);
                batch.forEach(p -> p.result().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void process(List<Pending> batch) {
        List<Runnable> completions;
        try {
            completions = tx.execute(status -> decideAndWrite(batch));
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).result().completeExceptionally(e);
                return;
            }
            log.warn("Reservation batch of {} failed ({}); retrying one by one", batch.size(), e.toString());
            for (Pending p : batch) {
                process(List.of(p));
            }
            return;
        }
        completions.forEach(Runnable::run);
    }

    private List<Runnable> decideAndWrite(List<Pending> batch) {
        Set<StockKey> keys = new HashSet<>();
        batch.forEach(p -> p.reservation().request().rows().forEach(r -> keys.add(r.key())));
        batchSizes.record(batch.size());
        ReservationPolicy policy = new ReservationPolicy(stock.lock(keys));
        List<Runnable> completions = new ArrayList<>(batch.size());
        List<NewReservation> accepted = new ArrayList<>();
        List<Pending> acceptedPending = new ArrayList<>();
        for (Pending p : batch) {
            List<Shortfall> shortfalls = policy.decide(p.reservation().request());
            if (shortfalls.isEmpty()) {
                accepted.add(p.reservation());
                acceptedPending.add(p);
            } else {
                InsufficientStock refusal = new InsufficientStock(shortfalls);
                completions.add(() -> {
                    refusedCount.increment();
                    p.result().completeExceptionally(refusal);
                });
            }
        }
        stock.applyReserved(policy.reservedDelta());
        reservations.insert(accepted);
        for (Pending p : acceptedPending) {
            Reservation made = p.build().apply(p.reservation());
            if (p.onCommit() != null) {
                p.onCommit().accept(made);
            }
            events.publishEvent(new ReservationChanged(made.id(), made.channel(), made.reference(), made.status().name()));
            completions.add(() -> {
                acceptedCount.increment();
                p.result().complete(made);
            });
        }
        return completions;
    }

    @Override
    public void start() {
        running = true;
        for (int i = 0; i < lanes.size(); i++) {
            BlockingQueue<Pending> queue = lanes.get(i);
            Thread t = Thread.ofPlatform().name("reservation-lane-" + i).daemon(true).start(() -> work(queue));
            workers.add(t);
        }
    }

    @Override
    public void stop() {
        running = false;
        for (Thread t : workers) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        workers.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Start before the web server takes requests and stop after it has drained them. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
