package io.tributary.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Benchmark 4: samples {@code GET /actuator/metrics/jvm.memory.used?tag=area:heap} every second
 * while the app runs, keeping the maximum overall and per phase, and notices if the process dies.
 */
final class HeapSampler implements AutoCloseable {

    private final Api api;
    private final String adminAuth;
    private final AppProcess app;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile String phase = "start-up";
    private final Map<String, Double> maxByPhase = new LinkedHashMap<>();
    private double max;
    private long samples;
    private long failures;
    private String lastFailure;
    private Double heapMax;
    private volatile boolean died;

    HeapSampler(Api api, String adminAuth, AppProcess app) {
        this.api = api;
        this.adminAuth = adminAuth;
        this.app = app;
        this.thread = Thread.ofPlatform().daemon(true).name("heap-sampler").unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    void phase(String name) {
        this.phase = name;
    }

    private void loop() {
        while (running) {
            long next = System.nanoTime() + 1_000_000_000L;
            if (!app.alive()) {
                died = true;
                return;
            }
            try {
                Api.Resp r = api.send(api.get("/actuator/metrics/jvm.memory.used?tag=area:heap", adminAuth, Duration.ofSeconds(5)));
                if (r.status() == 200) {
                    double used = r.json().path("measurements").path(0).path("value").asDouble(Double.NaN);
                    record(used);
                } else {
                    fail(r.status() + " " + Api.abbreviate(r.body(), 200));
                }
                if (heapMax == null) {
                    Api.Resp m = api.send(api.get("/actuator/metrics/jvm.memory.max?tag=area:heap", adminAuth, Duration.ofSeconds(5)));
                    if (m.status() == 200) {
                        heapMax = m.json().path("measurements").path(0).path("value").asDouble(Double.NaN);
                    }
                }
            } catch (RuntimeException e) {
                fail(e.getMessage());
            }
            long sleep = next - System.nanoTime();
            if (sleep > 0) {
                try {
                    Thread.sleep(Duration.ofNanos(sleep));
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    private synchronized void record(double used) {
        if (Double.isNaN(used)) {
            return;
        }
        samples++;
        max = Math.max(max, used);
        maxByPhase.merge(phase, used, Math::max);
    }

    private synchronized void fail(String why) {
        failures++;
        lastFailure = why;
    }

    synchronized double maxBytes() {
        return max;
    }

    synchronized Map<String, Double> maxByPhase() {
        return new LinkedHashMap<>(maxByPhase);
    }

    synchronized long samples() {
        return samples;
    }

    synchronized long failures() {
        return failures;
    }

    synchronized String lastFailure() {
        return lastFailure;
    }

    Double heapMaxBytes() {
        return heapMax;
    }

    boolean died() {
        return died || !app.alive();
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
        try {
            thread.join(6000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
