package io.tributary.bench;

import io.tributary.sourcing.DeliveryMethod;
import io.tributary.sourcing.ServiceLevel;
import io.tributary.sourcing.SourcingRules;
import io.tributary.sourcing.domain.RoutingPolicy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Benchmark 6: the routing decision alone, {@link RoutingPolicy#decide} called in this JVM on one
 * thread, without HTTP, a database or the app around it (the app's plain classes are on the
 * harness's class path). The inputs are generated before the clock runs and are what the app's
 * {@code Sourcing.plan} hands the policy: every candidate node with its sellable units of the
 * order's SKUs. Each call is timed on its own with {@link System#nanoTime()}; percentiles are exact.
 */
final class RoutingBench {

    /** Share of (node, SKU) pairs without stock: enough that some orders need a split, as in a real network. */
    private static final int EMPTY_PERCENT = 40;

    private RoutingBench() {
    }

    /** What the policy is given: one order and its candidate nodes. */
    private record Input(RoutingPolicy.Order order, List<RoutingPolicy.Node> nodes) {
    }

    /**
     * The measured calls: {@code sortedNanos} per call, and what the plans looked like (so that the
     * decisions are used, and the mix of single, split and backordered plans is known).
     */
    record Result(int nodes, int lines, int inputs, long warmup, long[] sortedNanos, double seconds, long shipments,
                  long splitOrders, long backorderedOrders) {

        long calls() {
            return sortedNanos.length;
        }

        double percentileMicros(double p) {
            int idx = (int) Math.ceil(p / 100.0 * sortedNanos.length) - 1;
            idx = Math.max(0, Math.min(sortedNanos.length - 1, idx));
            return sortedNanos[idx] / 1e3;
        }

        double meanMicros() {
            double sum = 0;
            for (long n : sortedNanos) {
                sum += n;
            }
            return sum / sortedNanos.length / 1e3;
        }

        String describe() {
            return String.format("%d decisions in %.1f s: p50 %.1f us, p99 %.1f us, p99.9 %.1f us, max %.1f us, mean %.1f us;"
                            + " %.2f shipments per order, %.1f%% split, %.1f%% with a backordered line",
                    calls(), seconds, percentileMicros(50), percentileMicros(99), percentileMicros(99.9), percentileMicros(100),
                    meanMicros(), (double) shipments / calls(), 100.0 * splitOrders / calls(), 100.0 * backorderedOrders / calls());
        }
    }

    /**
     * Generates {@code inputs} orders of {@code lines} lines (random SKUs out of {@code skus}, 1 to 3
     * units, customers anywhere in Germany) each with {@code nodes} candidate nodes (fixed sites
     * spread over Germany, stock drawn per order), then decides {@code warmup} orders unmeasured
     * and {@code iterations} measured, cycling through the inputs.
     */
    static Result run(int nodes, int lines, int skus, int inputs, int warmup, int iterations, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[][] sites = new int[nodes][];
        for (int n = 0; n < nodes; n++) {
            sites[n] = Germany.site(n);
        }
        Input[] in = new Input[inputs];
        for (int i = 0; i < inputs; i++) {
            in[i] = input(random, sites, lines, skus);
        }
        RoutingPolicy.Rules rules = rules(SourcingRules.DEFAULTS);

        long ignored = 0;
        for (int i = 0; i < warmup; i++) {
            ignored += RoutingPolicy.decide(in[i % inputs].order(), in[i % inputs].nodes(), rules).shipments().size();
        }
        long[] nanos = new long[iterations];
        long shipments = 0;
        long split = 0;
        long backordered = 0;
        long start = System.nanoTime();
        for (int i = 0; i < iterations; i++) {
            Input x = in[i % inputs];
            long t0 = System.nanoTime();
            RoutingPolicy.Decision d = RoutingPolicy.decide(x.order(), x.nodes(), rules);
            nanos[i] = System.nanoTime() - t0;
            int s = d.shipments().size();
            shipments += s;
            split += s > 1 ? 1 : 0;
            backordered += d.backordered().isEmpty() ? 0 : 1;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        Arrays.sort(nanos);
        if (ignored < 0) {
            throw new IllegalStateException("unreachable: keeps the warm-up's results alive");
        }
        return new Result(nodes, lines, inputs, warmup, nanos, seconds, shipments, split, backordered);
    }

    private static Input input(SplittableRandom random, int[][] sites, int lineCount, int skus) {
        List<RoutingPolicy.Line> lines = new ArrayList<>(lineCount);
        for (int l = 0; l < lineCount; l++) {
            lines.add(new RoutingPolicy.Line(Integer.toString(l + 1), String.format("SKU-%05d", 1 + random.nextInt(skus)),
                    1 + random.nextInt(3)));
        }
        RoutingPolicy.Order order = new RoutingPolicy.Order(DeliveryMethod.SHIP, null, ServiceLevel.STANDARD, "DE",
                Germany.degrees(Germany.randomLatitude(random)), Germany.degrees(Germany.randomLongitude(random)), List.copyOf(lines));
        List<RoutingPolicy.Node> nodes = new ArrayList<>(sites.length);
        for (int n = 0; n < sites.length; n++) {
            Map<String, Long> available = new HashMap<>();
            for (RoutingPolicy.Line l : lines) {
                available.put(l.sku(), random.nextInt(100) < EMPTY_PERCENT ? 0L : 1L + random.nextInt(20));
            }
            // A generous daily capacity, as benchmark 5 seeds it: known, never the reason to exclude a node.
            nodes.add(new RoutingPolicy.Node(String.format("N%02d", n + 1), false, true, false, Germany.degrees(sites[n][0]),
                    Germany.degrees(sites[n][1]), "DE", 1_000_000, available));
        }
        return new Input(order, List.copyOf(nodes));
    }

    /** The policy's view of a channel's rules, field by field as the app's sourcing service builds it. */
    private static RoutingPolicy.Rules rules(SourcingRules r) {
        return new RoutingPolicy.Rules(r.shipmentCost(), r.costPerKm(), r.splitPenalty(), r.neverSplit(), r.preferStoresForSameDay(),
                r.storePreference(), r.storeReserveUnits(), r.backorderPolicy(), r.sameDayMaxKm(), r.standardDays(), r.domesticKm(),
                r.internationalKm());
    }
}
