package io.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options. Every size and duration has a full value and a {@code --quick} value (a
 * smoke test of the harness in two to three minutes; its figures mean nothing).
 */
final class Options {

    static final Set<Integer> ALL = Set.of(1, 2, 3, 4, 5, 6);

    boolean quick;
    Set<Integer> only = new TreeSet<>(ALL);
    Path root = Path.of("").toAbsolutePath();
    Path jar;
    String java;
    String pgHost = "127.0.0.1";
    int pgPort = 5432;
    String pgUser = "postgres";
    boolean keepDatabases;
    boolean skipReferences;
    boolean jfr;
    List<String> appArgs = new ArrayList<>();
    List<String> jvmArgs = new ArrayList<>();

    // Benchmark 1
    int b1Skus;
    int b1Locations;
    long b1StockPerRow;
    List<Integer> b1Levels = List.of(1, 8, 32, 64);
    int b1Seconds;
    int b1WarmupSeconds;
    int seedConcurrency = 16;

    // Benchmark 2
    int b2Units;
    int b2Requests;
    int b2Clients = 64;

    // Benchmark 3
    int b3Skus;
    int b3Locations;
    int b3Channels = 5;
    int b3MinChannelLocations;
    int b3MaxChannelLocations;
    int b3Seconds;
    int b3Concurrency = 4;
    int b3MultiSkus = 100;
    int b3SnapshotParallel = 2;

    // Benchmark 5
    int b5Skus;
    int b5Nodes;
    List<Integer> b5Levels = List.of(1, 8, 32);
    int b5Seconds;
    int b5WarmupSeconds;
    int b5MaxLines = 5;
    int b5MaxQuantity = 3;
    int b5Customers = 1_000;
    int b5DailyCapacity = 10_000_000;

    // Benchmark 6
    int b6Nodes = 50;
    int b6Lines = 5;
    int b6Skus = 10_000;
    int b6Inputs = 1_000;
    int b6Iterations;
    int b6WarmupIterations;

    // References
    int pgbenchScale;
    int pgbenchSeconds;

    static Options parse(String[] args) {
        Options o = new Options();
        List<String> rest = new ArrayList<>();
        for (String a : args) {
            if (a.equals("--quick")) {
                o.quick = true;
            } else {
                rest.add(a);
            }
        }
        o.defaults();
        for (String a : rest) {
            String key = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : "";
            switch (key) {
                case "--only" -> {
                    o.only = new TreeSet<>();
                    for (String s : value.split(",")) {
                        int n = Integer.parseInt(s.trim());
                        if (!ALL.contains(n)) {
                            throw new IllegalArgumentException("--only takes benchmark numbers 1..6, got " + s);
                        }
                        o.only.add(n);
                    }
                }
                case "--root" -> o.root = Path.of(value).toAbsolutePath();
                case "--jar" -> o.jar = Path.of(value).toAbsolutePath();
                case "--java" -> o.java = value;
                case "--pg-port" -> o.pgPort = Integer.parseInt(value);
                case "--keep-db" -> o.keepDatabases = true;
                case "--no-reference" -> o.skipReferences = true;
                case "--jfr" -> o.jfr = true;
                case "--app-arg" -> o.appArgs.add(value);
                case "--jvm-arg" -> o.jvmArgs.add(value);
                case "--levels" -> o.b1Levels = levels(value);
                case "--b5-levels" -> o.b5Levels = levels(value);
                case "--seconds" -> {
                    o.b1Seconds = Integer.parseInt(value);
                    o.b3Seconds = Integer.parseInt(value);
                    o.b5Seconds = Integer.parseInt(value);
                }
                case "--pgbench-seconds" -> o.pgbenchSeconds = Integer.parseInt(value);
                case "--b3-skus" -> o.b3Skus = Integer.parseInt(value);
                case "--b3-locations" -> o.b3Locations = Integer.parseInt(value);
                case "--b5-skus" -> o.b5Skus = Integer.parseInt(value);
                case "--b5-nodes" -> o.b5Nodes = Integer.parseInt(value);
                case "--b6-iterations" -> o.b6Iterations = Integer.parseInt(value);
                case "--help", "-h" -> {
                    System.out.println(usage());
                    System.exit(0);
                }
                default -> throw new IllegalArgumentException("unknown option " + a + "\n" + usage());
            }
        }
        if (o.jar == null) {
            o.jar = o.root.resolve("app/target/tributary.jar");
        }
        if (o.java == null) {
            o.java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        }
        if (o.b3MaxChannelLocations > o.b3Locations) {
            o.b3MaxChannelLocations = o.b3Locations;
        }
        if (o.b3MinChannelLocations > o.b3MaxChannelLocations) {
            o.b3MinChannelLocations = o.b3MaxChannelLocations;
        }
        return o;
    }

    private static List<Integer> levels(String value) {
        List<Integer> levels = new ArrayList<>();
        for (String s : value.split(",")) {
            levels.add(Integer.parseInt(s.trim()));
        }
        return List.copyOf(levels);
    }

    private void defaults() {
        if (quick) {
            b1Skus = 1_000;
            b1Locations = 5;
            b1Seconds = 4;
            b1WarmupSeconds = 2;
            b2Units = 500;
            b2Requests = 2_000;
            b3Skus = 2_000;
            b3Locations = 10;
            b3MinChannelLocations = 6;
            b3MaxChannelLocations = 10;
            b3Seconds = 4;
            b5Skus = 1_000;
            b5Nodes = 5;
            b5Seconds = 4;
            b5WarmupSeconds = 3;
            b6Iterations = 20_000;
            b6WarmupIterations = 20_000;
            pgbenchScale = 2;
            pgbenchSeconds = 5;
        } else {
            b1Skus = 10_000;
            b1Locations = 20;
            b1Seconds = 20;
            // The JIT compiler needs about a minute of load on two cores before figures settle.
            b1WarmupSeconds = 60;
            b2Units = 5_000;
            b2Requests = 20_000;
            b3Skus = 20_000;
            b3Locations = 50;
            b3MinChannelLocations = 30;
            b3MaxChannelLocations = 50;
            b3Seconds = 15;
            b5Skus = 10_000;
            b5Nodes = 20;
            b5Seconds = 20;
            // As for benchmark 1: order intake runs more code, which the JIT compiler must see first.
            b5WarmupSeconds = 60;
            b6Iterations = 200_000;
            b6WarmupIterations = 100_000;
            pgbenchScale = 10;
            pgbenchSeconds = 20;
        }
        b1StockPerRow = 1_000_000;
    }

    boolean runs(int benchmark) {
        return only.contains(benchmark);
    }

    /** Benchmark 6 runs in the harness's own JVM; every other one needs the app. */
    boolean needsApp() {
        return runs(1) || runs(2) || runs(3) || runs(4) || runs(5);
    }

    /** Benchmarks 1, 2 and 5 compare with pgbench. */
    boolean needsReferences() {
        return (runs(1) || runs(2) || runs(5)) && !skipReferences;
    }

    static String usage() {
        return """
                usage: bench/run [options]
                  --quick              small sizes and short durations (smoke test, ~3 minutes)
                  --only=1,2,3,4,5,6   run only these benchmarks (1 reservations, 2 flash sale,
                                       3 availability, 4 heap, 5 orders, 6 sourcing in process;
                                       4 is sampled whenever the app runs, 6 needs no app)
                  --levels=1,8,32,64   concurrency levels of benchmark 1
                  --b5-levels=1,8,32   concurrency levels of benchmark 5
                  --seconds=N          measured seconds per level (benchmarks 1, 3 and 5)
                  --pgbench-seconds=N  duration of each pgbench reference run
                  --b3-skus=N --b3-locations=N   size of the availability data set
                  --b5-skus=N --b5-nodes=N       size of the order data set (SKUs, nodes)
                  --b6-iterations=N    measured routing decisions of benchmark 6
                  --no-reference       skip the pgbench reference runs
                  --keep-db            do not drop the benchmark databases at the end
                  --jfr                record the app with Java Flight Recorder (profile settings) into
                                       bench/target/run-<epoch>/app.jfr, with a hot-method summary
                  --jar=PATH           the app jar (default app/target/tributary.jar)
                  --app-arg=ARG        one more argument for the app, e.g.
                                       --app-arg=--tributary.inventory.reservation-lanes=8
                                       (repeatable; to try a setting without rebuilding)
                  --jvm-arg=ARG        one more JVM option for the app, e.g. --jvm-arg=-Xlog:gc (repeatable)
                  --pg-port=N          PostgreSQL port on 127.0.0.1 (default 5432)
                bench/run itself also takes --no-build (skip the Maven build) and --offline (mvn -o).""";
    }
}
