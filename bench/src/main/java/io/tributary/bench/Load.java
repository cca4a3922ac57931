package io.tributary.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Closed-loop load: each worker (a platform thread with its own keep-alive connection, see
 * {@link RawHttp}) sends its next request when the previous one has answered. Runs either for a
 * duration or until a shared number of requests has been sent. Latency is measured per request on
 * the client (request written to full body received).
 */
final class Load {

    /** Writes the next request of a worker into its reusable buffer; {@code seq} is unique across workers. */
    interface Requests {
        void next(SplittableRandom random, long seq, RawHttp.Request out);
    }

    /** Names the outcome of a response, e.g. "201". */
    interface Classifier {
        String classify(RawHttp.Response response);
    }

    private static final String[] STATUS_NAMES = new String[1000];

    static final Classifier STATUS = r -> {
        int s = r.status();
        String name = STATUS_NAMES[s];
        if (name == null) {
            name = Integer.toString(s);
            STATUS_NAMES[s] = name;
        }
        return name;
    };

    /**
     * @param connections sockets opened (one per worker unless the server closed some)
     * @param serverCloses responses with {@code Connection: close}
     * @param staleRetries requests resent once because a kept-alive socket was found closed
     */
    record Result(String name, int workers, long requests, double seconds, long[] sortedNanos,
                  Map<String, Long> outcomes, List<String> sampleErrors, long connections, long serverCloses,
                  long staleRetries) {

        /** Sockets opened beyond the first one per worker. */
        long reconnects() {
            return Math.max(0, connections - workers);
        }

        double throughput() {
            return seconds <= 0 ? 0 : requests / seconds;
        }

        double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int idx = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            idx = Math.max(0, Math.min(sortedNanos.length - 1, idx));
            return sortedNanos[idx] / 1e6;
        }

        double meanMillis() {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (long n : sortedNanos) {
                sum += n;
            }
            return sum / sortedNanos.length / 1e6;
        }

        long count(String outcome) {
            return outcomes.getOrDefault(outcome, 0L);
        }

        long countNot(String outcome) {
            return requests - count(outcome);
        }

        String describe() {
            return String.format("%s: %d requests in %.1f s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, outcomes %s,"
                            + " %d reconnects (%d Connection: close, %d stale keep-alive resends)",
                    name, requests, seconds, throughput(), percentileMillis(50), percentileMillis(99),
                    percentileMillis(100), outcomes, reconnects(), serverCloses, staleRetries);
        }
    }

    private static final class Worker {
        long[] nanos = new long[4096];
        int n;
        String lastOutcome;
        long[] lastCount;
        final Map<String, long[]> counts = new java.util.HashMap<>();
        long connections;
        long serverCloses;
        long staleRetries;

        void record(long nanosTaken, String outcome) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = nanosTaken;
            if (outcome != lastOutcome) {
                lastOutcome = outcome;
                lastCount = counts.computeIfAbsent(outcome, k -> new long[1]);
            }
            lastCount[0]++;
        }
    }

    private Load() {
    }

    /** Runs {@code workers} closed loops for {@code seconds}. */
    static Result forDuration(String name, RawHttp http, int workers, double seconds, Requests requests, Classifier classifier) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        return run(name, http, workers, requests, classifier, deadline, Long.MAX_VALUE);
    }

    /** Runs {@code workers} closed loops until {@code total} requests have been sent (bounded by a generous deadline). */
    static Result forCount(String name, RawHttp http, int workers, long total, double maxSeconds, Requests requests, Classifier classifier) {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        return run(name, http, workers, requests, classifier, deadline, total);
    }

    private static Result run(String name, RawHttp http, int workerCount, Requests requests, Classifier classifier,
                              long deadline, long total) {
        AtomicLong seq = new AtomicLong();
        ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
        AtomicLong errorCount = new AtomicLong();
        Worker[] workers = new Worker[workerCount];
        Thread[] threads = new Thread[workerCount];
        long start = System.nanoTime();
        for (int w = 0; w < workerCount; w++) {
            Worker worker = new Worker();
            workers[w] = worker;
            SplittableRandom random = new SplittableRandom(0x5EED_0000L + w * 7919L + start);
            threads[w] = Thread.ofPlatform().daemon(true).name(name + "-" + w).start(() -> {
                RawHttp.Request request = new RawHttp.Request();
                RawHttp.Conn conn = http.open();
                try {
                    while (System.nanoTime() < deadline) {
                        long s = seq.getAndIncrement();
                        if (s >= total) {
                            break;
                        }
                        requests.next(random, s, request);
                        long t0 = System.nanoTime();
                        String outcome;
                        try {
                            RawHttp.Response r = conn.send(request);
                            outcome = classifier.classify(r);
                            if (!outcome.startsWith("2") && !outcome.startsWith("409 insufficient") && errorCount.incrementAndGet() <= 5) {
                                errors.add(r.status() + " " + Api.abbreviate(r.body(), 300));
                            }
                        } catch (IOException | RuntimeException e) {
                            outcome = "exception " + e.getClass().getSimpleName();
                            if (errorCount.incrementAndGet() <= 5) {
                                errors.add(request.line() + ": " + e);
                            }
                        }
                        worker.record(System.nanoTime() - t0, outcome);
                    }
                } finally {
                    conn.close();
                    worker.connections = conn.opened;
                    worker.serverCloses = conn.serverCloses;
                    worker.staleRetries = conn.staleRetries;
                }
            });
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for load workers", e);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int n = 0;
        for (Worker w : workers) {
            n += w.n;
        }
        long[] all = new long[n];
        int at = 0;
        Map<String, Long> outcomes = new TreeMap<>();
        long connections = 0;
        long serverCloses = 0;
        long staleRetries = 0;
        for (Worker w : workers) {
            System.arraycopy(w.nanos, 0, all, at, w.n);
            at += w.n;
            w.counts.forEach((k, v) -> outcomes.merge(k, v[0], Long::sum));
            connections += w.connections;
            serverCloses += w.serverCloses;
            staleRetries += w.staleRetries;
        }
        Arrays.sort(all);
        return new Result(name, workerCount, n, seconds, all, new LinkedHashMap<>(outcomes), new ArrayList<>(errors),
                connections, serverCloses, staleRetries);
    }
}
