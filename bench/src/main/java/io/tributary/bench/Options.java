package io.tributary.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Command-line options. Every size and duration has a full value and a {@code --quick} value (a
 * smoke test of the harness in about two minutes; its figures mean nothing).
 */
final class Options {

    boolean quick;
    Set<Integer> only = new TreeSet<>(Set.of(1, 2, 3, 4));
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
                        if (n < 1 || n > 4) {
                            throw new IllegalArgumentException("--only takes benchmark numbers 1..4, got " + s);
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
                case "--levels" -> {
                    List<Integer> levels = new ArrayList<>();
                    for (String s : value.split(",")) {
                        levels.add(Integer.parseInt(s.trim()));
                    }
                    o.b1Levels = List.copyOf(levels);
                }
                case "--seconds" -> {
                    o.b1Seconds = Integer.parseInt(value);
                    o.b3Seconds = Integer.parseInt(value);
                }
                case "--pgbench-seconds" -> o.pgbenchSeconds = Integer.parseInt(value);
                case "--b3-skus" -> o.b3Skus = Integer.parseInt(value);
                case "--b3-locations" -> o.b3Locations = Integer.parseInt(value);
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
            pgbenchScale = 10;
            pgbenchSeconds = 20;
        }
        b1StockPerRow = 1_000_000;
    }

    boolean runs(int benchmark) {
        return only.contains(benchmark);
    }

    boolean needsApp() {
        return runs(1) || runs(2) || runs(3) || runs(4);
    }

    static String usage() {
        return """
                usage: bench/run [options]
                  --quick              small sizes and short durations (smoke test, ~2 minutes)
                  --only=1,2,3,4       run only these benchmarks (1 reservations, 2 flash sale,
                                       3 availability, 4 heap; 4 is sampled whenever the app runs)
                  --levels=1,8,32,64   concurrency levels of benchmark 1
                  --seconds=N          measured seconds per level (benchmarks 1 and 3)
                  --pgbench-seconds=N  duration of each pgbench reference run
                  --b3-skus=N --b3-locations=N   size of the availability data set
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
