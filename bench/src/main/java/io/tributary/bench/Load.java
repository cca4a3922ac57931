package io.tributary.bench;

import java.net.http.HttpRequest;
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
 * Closed-loop load: each worker sends its next request when the previous one has answered. Runs
 * either for a duration or until a shared number of requests has been sent. Latency is measured
 * per request on the client (send to full body received).
 */
final class Load {

    /** Builds the next request for a worker; {@code seq} is unique across workers. */
    interface Requests {
        HttpRequest next(SplittableRandom random, long seq);
    }

    /** Names the outcome of a response, e.g. "201"; {@code ok} decides what counts as success. */
    interface Classifier {
        String classify(int status, String body);
    }

    static final Classifier STATUS = (status, body) -> Integer.toString(status);

    record Result(String name, int workers, long requests, double seconds, long[] sortedNanos,
                  Map<String, Long> outcomes, List<String> sampleErrors) {

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
            return String.format("%s: %d requests in %.1f s = %.0f req/s, p50 %.2f ms, p99 %.2f ms, max %.1f ms, outcomes %s",
                    name, requests, seconds, throughput(), percentileMillis(50), percentileMillis(99),
                    percentileMillis(100), outcomes);
        }
    }

    private static final class Worker {
        long[] nanos = new long[4096];
        int n;
        final Map<String, Long> outcomes = new TreeMap<>();

        void record(long nanosTaken, String outcome) {
            if (n == nanos.length) {
                nanos = Arrays.copyOf(nanos, n * 2);
            }
            nanos[n++] = nanosTaken;
            outcomes.merge(outcome, 1L, Long::sum);
        }
    }

    private Load() {
    }

    /** Runs {@code workers} closed loops for {@code seconds}. */
    static Result forDuration(String name, Api api, int workers, double seconds, Requests requests, Classifier classifier) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        return run(name, api, workers, requests, classifier, deadline, Long.MAX_VALUE);
    }

    /** Runs {@code workers} closed loops until {@code total} requests have been sent (bounded by a generous deadline). */
    static Result forCount(String name, Api api, int workers, long total, double maxSeconds, Requests requests, Classifier classifier) {
        long deadline = System.nanoTime() + (long) (maxSeconds * 1e9);
        return run(name, api, workers, requests, classifier, deadline, total);
    }

    private static Result run(String name, Api api, int workerCount, Requests requests, Classifier classifier,
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
            int clientIndex = w;
            SplittableRandom random = new SplittableRandom(0x5EED_0000L + w * 7919L + start);
            threads[w] = Thread.ofVirtual().name(name + "-" + w).start(() -> {
                while (System.nanoTime() < deadline) {
                    long s = seq.getAndIncrement();
                    if (s >= total) {
                        break;
                    }
                    HttpRequest request = requests.next(random, s);
                    long t0 = System.nanoTime();
                    String outcome;
                    try {
                        Api.Resp r = api.send(clientIndex, request);
                        outcome = classifier.classify(r.status(), r.body());
                        if (!outcome.startsWith("2") && !outcome.startsWith("409 insufficient") && errorCount.incrementAndGet() <= 5) {
                            errors.add(r.status() + " " + Api.abbreviate(r.body(), 300));
                        }
                    } catch (RuntimeException e) {
                        outcome = "exception " + e.getClass().getSimpleName();
                        if (errorCount.incrementAndGet() <= 5) {
                            errors.add(String.valueOf(e.getMessage()));
                        }
                    }
                    worker.record(System.nanoTime() - t0, outcome);
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
        for (Worker w : workers) {
            System.arraycopy(w.nanos, 0, all, at, w.n);
            at += w.n;
            w.outcomes.forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        }
        Arrays.sort(all);
        return new Result(name, workerCount, n, seconds, all, new LinkedHashMap<>(outcomes), new ArrayList<>(errors));
    }
}
