package io.tributary.bench;

import io.tributary.bench.Report.Verdict;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import tools.jackson.databind.JsonNode;

/**
 * The Tributary benchmark harness (not part of the test suite): pgbench references, then the app
 * under load through its public API. See BENCHMARKS.md. Everything talks to 127.0.0.1 only and
 * every loop and wait is bounded.
 */
public final class Bench {

    private static final Duration SEED_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SNAPSHOT_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration VERIFY_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration LOAD_TIMEOUT = Duration.ofSeconds(30);

    private final Options o;
    private final long epoch = Instant.now().getEpochSecond();
    private final long started = System.nanoTime();
    private final Report report = new Report();
    private final CpuMeter cpu = new CpuMeter();
    private final List<String> machine = new ArrayList<>();
    private final AtomicBoolean cleaned = new AtomicBoolean();
    private volatile boolean aborted;
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private Path targetDir;
    private Path runDir;
    private Postgres pg;
    private AppProcess app;
    private HeapSampler heap;
    private Api api;
    private RawHttp http;
    private String admin;
    private String appDb;
    private Postgres.DbStats statsBefore;
    private Postgres.PgbenchResult simpleUpdate;
    private Postgres.PgbenchResult hotRow;

    private Bench(Options o) {
        this.o = o;
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        Bench bench = new Bench(options);
        Thread hook = new Thread(() -> {
            if (!bench.cleaned.get()) {
                bench.aborted = true;
                System.out.println("\nInterrupted: stopping the app and dropping the benchmark databases");
            }
            bench.cleanup();
        }, "bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int code;
        try {
            code = bench.run();
        } catch (Throwable t) {
            System.err.println("\nBENCH FAILED: " + t);
            t.printStackTrace();
            code = 1;
        } finally {
            bench.cleanup();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException ignored) {
            // already shutting down
        }
        System.exit(code);
    }

    // ------------------------------------------------------------------ orchestration

    private int run() throws Exception {
        targetDir = o.root.resolve("bench/target");
        runDir = targetDir.resolve("run-" + epoch);
        Files.createDirectories(runDir);
        pg = new Postgres(o, runDir);
        log("Tributary benchmarks" + (o.quick ? " (--quick: smoke-test sizes, figures are not meaningful)" : "")
                + ", benchmarks " + o.only + "; logs in " + o.root.relativize(runDir));
        machineFacts();
        machine.forEach(l -> System.out.println("  " + l));
        try {
            cpu.postmaster(pg.postmasterPid());
        } catch (Exception e) {
            log("could not find the PostgreSQL postmaster pid for the CPU breakdown: " + e.getMessage());
        }

        if (o.runs(6)) {
            // First, while none of the harness's other processes run.
            guarded("benchmark 6 (sourcing in process)", this::benchmark6);
        }
        if (o.needsReferences()) {
            guarded("references", this::references);
        }

        if (o.needsApp()) {
            appDb = "trib_bench_" + epoch;
            pg.createDatabase(appDb);
            cpu.databases(pg.createdDatabases());
            String adminPassword = randomPassword();
            admin = Api.basic("admin", adminPassword);
            Path jfr = o.jfr ? runDir.resolve("app.jfr") : null;
            app = new AppProcess(o, runDir.resolve("app.log"), pg.jdbcUrl(appDb), o.pgUser, adminPassword, jfr);
            api = new Api(app.port(), 8);
            http = new RawHttp("127.0.0.1", app.port(), LOAD_TIMEOUT);
            log("Starting the app: " + app.commandLine() + " (database " + appDb + ", log " + o.root.relativize(app.log()) + ")");
            long t0 = System.nanoTime();
            app.start();
            cpu.app(app.pid());
            heap = new HeapSampler(api, admin, app);
            app.awaitHealthy(api);
            double startSeconds = secondsSince(t0);
            log(String.format("App is UP after %.1f s (pid %d, port %d)", startSeconds, app.pid(), app.port()));
            report.info("setup", "app start-up to health UP", String.format("%.1f s", startSeconds));
            heap.start();

            if (o.runs(1)) {
                guarded("benchmark 1 (reservations)", this::benchmark1);
            }
            if (o.runs(2) && app.alive()) {
                guarded("benchmark 2 (flash sale)", this::benchmark2);
            }
            if (o.runs(3) && app.alive()) {
                guarded("benchmark 3 (availability)", this::benchmark3);
            }
            if (o.runs(5) && app.alive()) {
                guarded("benchmark 5 (orders)", this::benchmark5);
            }
            boolean loaded = o.runs(1) || o.runs(2) || o.runs(3) || o.runs(5);
            if (loaded && app.alive()) {
                guarded("final verify", this::finalVerify);
            }
            if (aborted) {
                return 130;
            }
            if (o.runs(4) && !loaded) {
                heap.phase("idle");
                Thread.sleep(5_000);
            }
            heapResults();
            heap.close();
            log("Stopping the app (pid " + app.pid() + ")");
            app.stop();
            if (jfr != null) {
                jfrSummary(jfr);
            }
        }
        return summary();
    }

    private interface Step {
        void run() throws Exception;
    }

    /** Runs a step; a failure is reported and the harness goes on with the next step. */
    private void guarded(String name, Step step) {
        if (aborted) {
            return;
        }
        try {
            step.run();
        } catch (Exception | AssertionError e) {
            if (aborted) {
                log(name + " interrupted");
                return;
            }
            String msg = name + " FAILED: " + e.getMessage();
            failures.add(msg);
            log(msg);
            if (!(e instanceof Api.CallFailed) && !(e instanceof IllegalStateException)) {
                e.printStackTrace(System.out);
            }
            report.add(name, "completed", "no", "", "", "runs to the end", Verdict.FAIL);
            report.note("Failures", msg.replace('\n', ' '));
            if (app != null && !app.alive()) {
                report.note("Failures", "the app process is no longer running (exit code " + app.exitCode() + "); last log lines: "
                        + app.tail(15).replace('\n', ' '));
            }
        }
    }

    private void cleanup() {
        if (!cleaned.compareAndSet(false, true)) {
            return;
        }
        try {
            if (heap != null) {
                heap.close();
            }
        } catch (RuntimeException e) {
            System.err.println("WARNING: " + e);
        }
        if (app != null && app.alive()) {
            log("Stopping the app (pid " + app.pid() + ")");
            app.stop();
        }
        if (pg != null) {
            if (o.keepDatabases) {
                log("--keep-db: leaving databases " + pg.createdDatabases());
            } else {
                pg.dropAll();
            }
        }
    }

    // ------------------------------------------------------------------ machine and references

    private void machineFacts() {
        machine.add("nproc: " + Runtime.getRuntime().availableProcessors());
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(l.replaceAll("[^0-9]", ""));
                    machine.add(String.format("memory: %.1f GiB", kb / 1024.0 / 1024.0));
                }
            }
            Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name")).findFirst()
                    .ifPresent(l -> machine.add("CPU: " + l.substring(l.indexOf(':') + 1).trim()));
            machine.add("kernel: " + Files.readString(Path.of("/proc/sys/kernel/osrelease")).trim());
            machine.add("load average at start: " + Files.readString(Path.of("/proc/loadavg")).trim());
        } catch (IOException | RuntimeException e) {
            machine.add("(could not read /proc: " + e.getMessage() + ")");
        }
        machine.add("JDK: " + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
                + " (bench and app)");
        try {
            Map<String, String> facts = pg.facts();
            machine.add("PostgreSQL: " + facts.remove("version"));
            machine.add("PostgreSQL settings: " + facts);
        } catch (Exception e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + o.pgHost + ":" + o.pgPort + " as " + o.pgUser + ": "
                    + e.getMessage(), e);
        }
    }

    private void references() throws Exception {
        String db = "trib_pgbench_" + epoch;
        pg.createDatabase(db);
        cpu.databases(pg.createdDatabases());
        try {
            log("Reference: pgbench -i -s " + o.pgbenchScale);
            long t0 = System.nanoTime();
            pg.pgbenchInit(db, o.pgbenchScale);
            log(String.format("  initialised in %.1f s", secondsSince(t0)));

            log("Reference: pgbench -N -c 32 -j 2 -T " + o.pgbenchSeconds + " -n (simple update, 32 clients)");
            simpleUpdate = measuredPgbench("pgbench -N c=32", () -> pg.pgbench("simple-update", "pgbench-N.log", db,
                    o.pgbenchSeconds, "-N", "-c", "32", "-j", "2", "-n"));
            log(String.format("  tps = %.0f, latency average %.2f ms", simpleUpdate.tps(), simpleUpdate.latencyMillis()));
            report.add("reference", "pgbench -N -c 32 -j 2 (simple update, scale " + o.pgbenchScale + ")",
                    String.format("%.0f tps", simpleUpdate.tps()), "", "", "", Verdict.INFO);

            pg.sql(db, "create table hot (id int primary key, v bigint not null)", "insert into hot values (1, 0)");
            Path script = runDir.resolve("hot.sql");
            Files.writeString(script, "update hot set v = v + 1 where id = 1;\n");
            log("Reference: pgbench -n -f hot.sql -c 64 -j 2 -T " + o.pgbenchSeconds + " (one hot row, 64 clients)");
            hotRow = measuredPgbench("pgbench hot row c=64", () -> pg.pgbench("hot-row", "pgbench-hot.log", db, o.pgbenchSeconds,
                    "-n", "-f", script.toString(), "-c", "64", "-j", "2"));
            log(String.format("  tps = %.0f, latency average %.2f ms", hotRow.tps(), hotRow.latencyMillis()));
            report.add("reference", "pgbench hot row -c 64 -j 2 (update hot set v = v + 1 where id = 1)",
                    String.format("%.0f tps", hotRow.tps()), "", "", "", Verdict.INFO);
        } finally {
            pg.dropDatabase(db);
            cpu.databases(pg.createdDatabases());
        }
    }

    private interface PgbenchRun {
        Postgres.PgbenchResult run() throws Exception;
    }

    /** Runs pgbench and samples CPU from 1 s after its start to 1 s before its end (its backends exit with it). */
    private Postgres.PgbenchResult measuredPgbench(String label, PgbenchRun run) throws Exception {
        AtomicReference<CpuMeter.Sample> a = new AtomicReference<>();
        AtomicReference<CpuMeter.Sample> b = new AtomicReference<>();
        long seconds = o.pgbenchSeconds;
        Thread sampler = Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(1_000);
                a.set(cpu.sample());
                Thread.sleep(Math.max(1_000, (seconds - 2) * 1_000));
                b.set(cpu.sample());
            } catch (InterruptedException ignored) {
                // pgbench ended early
            }
        });
        Postgres.PgbenchResult result = null;
        try {
            result = run.run();
            return result;
        } finally {
            sampler.interrupt();
            sampler.join(2_000);
            if (a.get() != null && b.get() != null) {
                Map<String, Double> cores = CpuMeter.cores(a.get(), b.get());
                cpuNote(label, cores);
                if (result != null && result.tps() > 0) {
                    String line = String.format("%s: postgres %.2f ms, pgbench client %.2f ms per transaction", label,
                            cores.getOrDefault(CpuMeter.PG_OURS, 0.0) / result.tps() * 1000,
                            cores.getOrDefault(CpuMeter.PGBENCH, 0.0) / result.tps() * 1000);
                    log("  CPU per transaction " + line);
                    report.note("CPU milliseconds per request", line);
                }
            }
        }
    }

    // ------------------------------------------------------------------ benchmark 1: reservations

    private void benchmark1() throws Exception {
        heap.phase("b1 seeding");
        List<String> locations = codes("B1L", o.b1Locations, 2);
        List<String> skus = codes("B1-", o.b1Skus, 5);
        log("Benchmark 1: seeding " + locations.size() + " locations, " + skus.size() + " items, channel B1WEB, stock "
                + o.b1StockPerRow + " per SKU and location");
        putLocations(locations, "benchmark 1");
        putItems(skus, "benchmark 1");
        putChannel("B1WEB", List.of());
        snapshots("benchmark 1", locations, skus, (l, s) -> o.b1StockPerRow);
        String token = Api.bearer(apiKey("bench-b1-" + epoch, "B1WEB"));
        vacuumAnalyze("benchmark 1");

        byte[] head = http.head("POST", "/api/v1/reservations", token);
        Load.Requests requests = (random, seq, out) -> {
            String sku = skus.get(random.nextInt(skus.size()));
            String location = locations.get(random.nextInt(locations.size()));
            StringBuilder body = out.scratch;
            body.setLength(0);
            body.append("{\"reference\":\"b1-").append(seq).append("\",\"channel\":\"B1WEB\",\"lines\":[{\"sku\":\"").append(sku)
                    .append("\",\"location\":\"").append(location).append("\",\"quantity\":1}]}");
            out.body(head, body);
        };
        // A first request on its own: a clear error beats 100,000 identical ones.
        RawHttp.Response first = once(requests, -1);
        if (first.status() != 201) {
            throw new IllegalStateException("POST /api/v1/reservations answered " + first.status() + ": " + Api.abbreviate(first.body(), 600));
        }
        heap.phase("b1 warm-up");
        log("Benchmark 1: warm-up " + o.b1WarmupSeconds + " s at concurrency 32");
        double[] batches = batchTotals();
        Load.Result warm = Load.forDuration("b1-warmup", http, 32, o.b1WarmupSeconds, requests, Load.STATUS);
        log("  " + warm.describe());
        batchNote("b1 warm-up c=32", batches, warm);

        long errors = 0;
        Load.Result at32 = null;
        for (int level : o.b1Levels) {
            heap.phase("b1 c=" + level);
            log("Benchmark 1: concurrency " + level + " for " + o.b1Seconds + " s");
            batches = batchTotals();
            CpuMeter.Sample a = begin();
            Load.Result r = Load.forDuration("b1-c" + level, http, level, o.b1Seconds, requests, Load.STATUS);
            cpuNote("b1 reservations c=" + level, CpuMeter.cores(a, cpu.sample()), r);
            log("  " + r.describe());
            String batch = batchNote("b1 reservations c=" + level, batches, r);
            r.sampleErrors().forEach(e -> log("    error sample: " + e));
            errors += r.countNot("201");
            if (level == 32) {
                at32 = r;
            }
            report.add("1 reservations", "c=" + level + " throughput", String.format("%.0f req/s", r.throughput()),
                    "", "", "", Verdict.INFO);
            report.add("1 reservations", "c=" + level + " latency p50 / p99",
                    String.format("%.2f / %.2f ms", r.percentileMillis(50), r.percentileMillis(99)), "", "", "", Verdict.INFO);
            report.add("1 reservations", "c=" + level + " mean batch size (requests per lane transaction)", batch, "", "", "",
                    Verdict.INFO);
            if (r.countNot("201") > 0) {
                report.note("Benchmark 1 errors", "c=" + level + ": " + r.outcomes() + " e.g. " + r.sampleErrors());
            }
        }
        if (at32 != null) {
            String ref = simpleUpdate == null ? "n/a" : String.format("%.0f tps (pgbench -N c=32)", simpleUpdate.tps());
            if (simpleUpdate != null) {
                double ratio = at32.throughput() / simpleUpdate.tps();
                report.add("1 reservations", "c=32 throughput vs pgbench -N", String.format("%.0f req/s", at32.throughput()), ref,
                        String.format("%.2f", ratio), ">= 0.50 x pgbench -N", Verdict.of(ratio >= 0.5));
                log(String.format("Benchmark 1: c=32 %.0f req/s vs pgbench -N %.0f tps: ratio %.2f (target >= 0.5)",
                        at32.throughput(), simpleUpdate.tps(), ratio));
            } else {
                report.add("1 reservations", "c=32 throughput vs pgbench -N", String.format("%.0f req/s", at32.throughput()), ref,
                        "n/a", ">= 0.50 x pgbench -N", Verdict.INFO);
            }
            report.add("1 reservations", "c=32 p99 latency", String.format("%.2f ms", at32.percentileMillis(99)), "", "",
                    "< 25 ms", Verdict.of(at32.percentileMillis(99) < 25));
        }
        report.add("1 reservations", "errors (not 201), all levels", Long.toString(errors), "", "", "0", Verdict.of(errors == 0));
    }

    // ------------------------------------------------------------------ benchmark 2: flash sale

    private void benchmark2() throws Exception {
        heap.phase("b2 seeding");
        String location = "B2DC";
        String sku = "B2-FLASH";
        log("Benchmark 2: flash sale of " + o.b2Units + " units of " + sku + " at " + location + "; " + o.b2Clients
                + " clients send " + o.b2Requests + " single-unit reservations");
        putLocations(List.of(location), "benchmark 2");
        putItems(List.of(sku), "benchmark 2");
        putChannel("B2FLASH", List.of(location));
        api.expect(api.post("/api/v1/inventory/adjustments", admin, Api.json(Map.of("sku", sku, "location", location,
                "quantity", o.b2Units, "reason", "RECEIVED", "note", "benchmark 2 flash-sale stock")), SEED_TIMEOUT), 201);
        String token = Api.bearer(apiKey("bench-b2-" + epoch, "B2FLASH"));

        byte[] head = http.head("POST", "/api/v1/reservations", token);
        String bodyTail = "\",\"channel\":\"B2FLASH\",\"lines\":[{\"sku\":\"" + sku + "\",\"location\":\"" + location
                + "\",\"quantity\":1}]}";
        Load.Requests requests = (random, seq, out) -> {
            StringBuilder body = out.scratch;
            body.setLength(0);
            body.append("{\"reference\":\"flash-").append(seq).append(bodyTail);
            out.body(head, body);
        };
        Load.Classifier classifier = r -> {
            int status = r.status();
            if (status == 201) {
                return "201";
            }
            // The problem type, checked with a byte search; the body is parsed only for anything else.
            if (status == 409 && r.stringFieldEndsWith("type", "insufficient-stock")) {
                return "409 insufficient-stock";
            }
            String type = "";
            try {
                type = Api.JSON.readTree(r.body()).path("type").asString("");
            } catch (RuntimeException ignored) {
                // not JSON
            }
            return status + " " + type.substring(type.lastIndexOf('/') + 1);
        };
        // A rehearsal on another SKU first: a service in production has long compiled its refusal path,
        // and a 20,000-request burst is too short to measure anything but the JIT compiler otherwise.
        String rehearsal = "B2-REHEARSAL";
        putItems(List.of(rehearsal), "benchmark 2 rehearsal");
        api.expect(api.post("/api/v1/inventory/adjustments", admin, Api.json(Map.of("sku", rehearsal, "location", location,
                "quantity", Math.max(1, o.b2Units / 5), "reason", "RECEIVED", "note", "benchmark 2 rehearsal stock")), SEED_TIMEOUT), 201);
        String rehearsalTail = bodyTail.replace(sku, rehearsal);
        Load.Requests rehearsalRequests = (random, seq, out) -> {
            StringBuilder body = out.scratch;
            body.setLength(0);
            body.append("{\"reference\":\"rehearsal-").append(seq).append(rehearsalTail);
            out.body(head, body);
        };
        Load.Result warm = Load.forCount("b2-rehearsal", http, o.b2Clients, o.b2Requests, 600, rehearsalRequests, classifier);
        log("  rehearsal on " + rehearsal + ": " + warm.describe());
        heap.phase("b2 flash sale");
        double[] batches = batchTotals();
        CpuMeter.Sample a = begin();
        Load.Result r = Load.forCount("b2-flash", http, o.b2Clients, o.b2Requests, 600, requests, classifier);
        cpuNote("b2 flash sale c=" + o.b2Clients, CpuMeter.cores(a, cpu.sample()), r);
        log("  " + r.describe());
        String batch = batchNote("b2 flash sale c=" + o.b2Clients, batches, r);
        report.info("2 flash sale", "mean batch size (requests per lane transaction)", batch);
        r.sampleErrors().forEach(e -> log("    error sample: " + e));

        long ok = r.count("201");
        long refused = r.count("409 insufficient-stock");
        report.add("2 flash sale", "requests answered 201", Long.toString(ok), "", "", "exactly " + o.b2Units,
                Verdict.of(ok == o.b2Units));
        report.add("2 flash sale", "others answered 409 insufficient-stock", refused + " of " + (r.requests() - ok), "", "",
                "all " + (o.b2Requests - o.b2Units), Verdict.of(refused == o.b2Requests - o.b2Units && r.requests() == o.b2Requests));
        if (r.requests() != ok + refused) {
            report.note("Benchmark 2 unexpected answers", r.outcomes() + " e.g. " + r.sampleErrors());
        }

        long t0 = System.nanoTime();
        JsonNode verify = api.expect(api.get("/api/v1/inventory/verify", admin, VERIFY_TIMEOUT), 200).json();
        double verifySeconds = secondsSince(t0);
        boolean consistent = verify.path("consistent").asBoolean(false);
        report.add("2 flash sale", "GET /inventory/verify consistent", consistent + " (" + verify.path("checkedBalances").asLong()
                + " balances, " + String.format("%.2f s", verifySeconds) + ")", "", "", "true", Verdict.of(consistent));
        if (!consistent) {
            report.note("Benchmark 2 verify mismatches", Api.abbreviate(verify.path("mismatches").toString(), 1000));
        }
        JsonNode stock = api.expect(api.get("/api/v1/inventory/" + sku, admin, SEED_TIMEOUT), 200).json();
        long reserved = -1;
        for (JsonNode l : stock.path("locations")) {
            if (l.path("location").asString("").equals(location)) {
                reserved = l.path("reserved").asLong(-1);
            }
        }
        report.add("2 flash sale", "GET /inventory/" + sku + " reserved at " + location, Long.toString(reserved), "", "",
                Integer.toString(o.b2Units), Verdict.of(reserved == o.b2Units));

        String ref = hotRow == null ? "n/a" : String.format("%.0f tps (pgbench hot row c=64)", hotRow.tps());
        if (hotRow != null) {
            double ratio = r.throughput() / hotRow.tps();
            report.add("2 flash sale", "request rate vs hot-row pgbench", String.format("%.0f req/s", r.throughput()), ref,
                    String.format("%.2f", ratio), ">= 2 x hot row", Verdict.of(ratio >= 2));
            log(String.format("Benchmark 2: %.0f req/s vs hot-row pgbench %.0f tps: ratio %.2f (target >= 2)",
                    r.throughput(), hotRow.tps(), ratio));
        } else {
            report.add("2 flash sale", "request rate", String.format("%.0f req/s", r.throughput()), ref, "n/a", ">= 2 x hot row",
                    Verdict.INFO);
        }
        report.add("2 flash sale", "latency p50 / p99", String.format("%.2f / %.2f ms", r.percentileMillis(50), r.percentileMillis(99)),
                "", "", "", Verdict.INFO);
    }

    // ------------------------------------------------------------------ benchmark 3: availability

    private void benchmark3() throws Exception {
        heap.phase("b3 seeding");
        List<String> locations = codes("B3L", o.b3Locations, 2);
        List<String> skus = codes("B3-", o.b3Skus, 5);
        log("Benchmark 3: seeding " + locations.size() + " locations, " + skus.size() + " items, " + o.b3Channels
                + " channels, " + ((long) skus.size() * locations.size()) + " balance rows");
        putLocations(locations, "benchmark 3");
        putItems(skus, "benchmark 3");
        Random random = new Random(42);
        Map<String, List<String>> channelLocations = new LinkedHashMap<>();
        for (int c = 0; c < o.b3Channels; c++) {
            int size = o.b3Channels == 1 ? o.b3MaxChannelLocations
                    : o.b3MinChannelLocations + (o.b3MaxChannelLocations - o.b3MinChannelLocations) * c / (o.b3Channels - 1);
            List<String> shuffled = new ArrayList<>(locations);
            Collections.shuffle(shuffled, random);
            List<String> chosen = new ArrayList<>(shuffled.subList(0, size));
            Collections.sort(chosen);
            String code = "B3CH" + (c + 1);
            channelLocations.put(code, chosen);
            putChannel(code, chosen);
        }
        snapshots("benchmark 3", locations, skus, Bench::b3Quantity);
        List<String> channels = new ArrayList<>(channelLocations.keySet());
        Map<String, String> tokens = new LinkedHashMap<>();
        for (String c : channels) {
            tokens.put(c, Api.bearer(apiKey("bench-b3-" + c + "-" + epoch, c)));
        }
        vacuumAnalyze("benchmark 3");

        // Correctness spot check: no reservations and no buffers, so available = sum of the snapshot quantities.
        String probeChannel = channels.get(channels.size() - 1);
        String probeSku = skus.get(skus.size() / 2);
        JsonNode probe = api.expect(api.get("/api/v1/availability?channel=" + probeChannel + "&sku=" + enc(probeSku),
                tokens.get(probeChannel), SEED_TIMEOUT), 200).json();
        long expected = channelLocations.get(probeChannel).stream().mapToLong(l -> b3Quantity(l, probeSku)).sum();
        long got = probe.path("items").path(0).path("available").asLong(-1);
        report.add("3 availability", "spot check " + probeSku + " on " + probeChannel, got + " available", expected + " expected", "",
                "equal", Verdict.of(got == expected));

        // Pre-encoded: each channel's headers (its own key) and every SKU as a query value.
        List<byte[]> channelHeaders = channels.stream().map(c -> http.headers(tokens.get(c), false)).toList();
        List<String> encodedSkus = skus.stream().map(Bench::enc).toList();
        Load.Requests single = (r, seq, out) -> {
            int c = r.nextInt(channels.size());
            StringBuilder q = out.scratch;
            q.setLength(0);
            q.append("/api/v1/availability?channel=").append(channels.get(c)).append("&sku=")
                    .append(encodedSkus.get(r.nextInt(skus.size())));
            out.get(q, channelHeaders.get(c));
        };
        Load.Requests multi = (r, seq, out) -> {
            int c = r.nextInt(channels.size());
            StringBuilder q = out.scratch;
            q.setLength(0);
            q.append("/api/v1/availability?channel=").append(channels.get(c));
            java.util.Set<Integer> picked = new java.util.HashSet<>();
            int want = Math.min(o.b3MultiSkus, skus.size());
            while (picked.size() < want) {
                int idx = r.nextInt(skus.size());
                if (picked.add(idx)) {
                    q.append("&sku=").append(encodedSkus.get(idx));
                }
            }
            out.get(q, channelHeaders.get(c));
        };
        heap.phase("b3 warm-up");
        Load.forDuration("b3-warmup", http, o.b3Concurrency, o.quick ? Math.min(5, o.b3Seconds) : 20, single, Load.STATUS);
        Load.forDuration("b3-warmup-multi", http, o.b3Concurrency, o.quick ? Math.min(3, o.b3Seconds) : 15, multi, Load.STATUS);

        heap.phase("b3 one SKU");
        log("Benchmark 3: one SKU per call, concurrency " + o.b3Concurrency + " for " + o.b3Seconds + " s");
        CpuMeter.Sample a = begin();
        Load.Result one = Load.forDuration("b3-one", http, o.b3Concurrency, o.b3Seconds, single, Load.STATUS);
        cpuNote("b3 availability 1 SKU c=" + o.b3Concurrency, CpuMeter.cores(a, cpu.sample()), one);
        log("  " + one.describe());
        one.sampleErrors().forEach(e -> log("    error sample: " + e));

        heap.phase("b3 " + o.b3MultiSkus + " SKUs");
        log("Benchmark 3: " + o.b3MultiSkus + " SKUs per call, concurrency " + o.b3Concurrency + " for " + o.b3Seconds + " s");
        a = begin();
        Load.Result many = Load.forDuration("b3-many", http, o.b3Concurrency, o.b3Seconds, multi, Load.STATUS);
        cpuNote("b3 availability " + o.b3MultiSkus + " SKUs c=" + o.b3Concurrency, CpuMeter.cores(a, cpu.sample()), many);
        log("  " + many.describe());
        many.sampleErrors().forEach(e -> log("    error sample: " + e));

        report.add("3 availability", "1 SKU: throughput", String.format("%.0f req/s", one.throughput()), "", "", "", Verdict.INFO);
        report.add("3 availability", "1 SKU: p50", String.format("%.2f ms", one.percentileMillis(50)), "", "", "", Verdict.INFO);
        report.add("3 availability", "1 SKU: p99", String.format("%.2f ms", one.percentileMillis(99)), "", "", "< 5 ms",
                Verdict.of(one.percentileMillis(99) < 5));
        report.add("3 availability", o.b3MultiSkus + " SKUs: throughput", String.format("%.0f req/s", many.throughput()), "", "", "",
                Verdict.INFO);
        report.add("3 availability", o.b3MultiSkus + " SKUs: p50", String.format("%.2f ms", many.percentileMillis(50)), "", "", "",
                Verdict.INFO);
        report.add("3 availability", o.b3MultiSkus + " SKUs: p99", String.format("%.2f ms", many.percentileMillis(99)), "", "",
                "< 25 ms", Verdict.of(many.percentileMillis(99) < 25));
        long errors = one.countNot("200") + many.countNot("200");
        report.add("3 availability", "errors (not 200)", Long.toString(errors), "", "", "0", Verdict.of(errors == 0));
        if (errors > 0) {
            report.note("Benchmark 3 errors", one.outcomes() + " / " + many.outcomes() + " e.g. " + one.sampleErrors() + many.sampleErrors());
        }
    }

    /** Deterministic stock for benchmark 3: 1..1000 units, never 0 (a 0 would create no balance row). */
    static long b3Quantity(String location, String sku) {
        return 1 + Math.floorMod((location + "/" + sku).hashCode() * 31L, 1000);
    }

    // ------------------------------------------------------------------ benchmark 5: orders

    private static final String B5_CHANNEL = "B5WEB";

    /**
     * Unit prices of benchmark 5. The dearest order (5 lines of 3 units at 39.90) comes to 598.50, under
     * the app's default risk threshold for a new customer's first order (1,000), so no order is held.
     */
    private static final String[] B5_PRICES = {"4.99", "9.90", "12.50", "19.99", "24.00", "39.90"};

    private void benchmark5() throws Exception {
        heap.phase("b5 seeding");
        List<String> nodes = codes("B5N", o.b5Nodes, 2);
        List<String> skus = codes("B5-", o.b5Skus, 5);
        log("Benchmark 5: seeding " + nodes.size() + " nodes spread over Germany (daily capacity " + o.b5DailyCapacity + " orders), "
                + skus.size() + " items, channel " + B5_CHANNEL + " limited to those nodes, stock at about 60% of the SKU-node pairs");
        putLocations(nodes, "benchmark 5", i -> {
            int[] site = Germany.site(i);
            return new Site(Germany.decimal(site[0]), Germany.decimal(site[1]));
        }, o.b5DailyCapacity);
        putItems(skus, "benchmark 5");
        putChannel(B5_CHANNEL, nodes);
        snapshots("benchmark 5", nodes, skus, Bench::b5Quantity);
        String token = Api.bearer(apiKey("bench-b5-" + epoch, B5_CHANNEL));
        vacuumAnalyze("benchmark 5");

        byte[] head = http.head("POST", "/api/v1/orders", token);
        // A first order on its own: a clear error, or a hold, beats thousands of identical ones.
        RawHttp.Response first = once(b5Orders(head, skus, "b5-first-"), 0);
        if (first.status() != 201) {
            throw new IllegalStateException("POST /api/v1/orders answered " + first.status() + ": " + Api.abbreviate(first.body(), 600));
        }
        JsonNode firstOrder = Api.JSON.readTree(first.body());
        String firstStatus = firstOrder.path("status").asString("");
        if (!firstStatus.equals("ALLOCATED") && !firstStatus.equals("BACKORDERED")) {
            throw new IllegalStateException("the first order was not routed: status " + firstStatus + ", holds " + firstOrder.path("holds")
                    + ": " + Api.abbreviate(first.body(), 600));
        }
        long created = 1;
        Map<String, Long> outcomes = new java.util.TreeMap<>();
        outcomes.put("201", 1L);

        heap.phase("b5 warm-up");
        log("Benchmark 5: warm-up " + o.b5WarmupSeconds + " s at concurrency 32");
        Load.Result warm = Load.forDuration("b5-warmup", http, 32, o.b5WarmupSeconds, b5Orders(head, skus, "b5-warm-"), Load.STATUS);
        log("  " + warm.describe());
        warm.sampleErrors().forEach(e -> log("    error sample: " + e));
        created += warm.count("201");
        warm.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
        if (warm.countNot("201") > 0) {
            report.note("Benchmark 5 errors", "warm-up: " + warm.outcomes() + " e.g. " + warm.sampleErrors());
        }

        Load.Result at32 = null;
        for (int level : o.b5Levels) {
            heap.phase("b5 c=" + level);
            log("Benchmark 5: concurrency " + level + " for " + o.b5Seconds + " s");
            CpuMeter.Sample a = begin();
            Load.Result r = Load.forDuration("b5-c" + level, http, level, o.b5Seconds, b5Orders(head, skus, "b5-c" + level + "-"),
                    Load.STATUS);
            cpuNote("b5 orders c=" + level, CpuMeter.cores(a, cpu.sample()), r);
            log("  " + r.describe());
            r.sampleErrors().forEach(e -> log("    error sample: " + e));
            created += r.count("201");
            r.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
            if (level == 32) {
                at32 = r;
            }
            report.add("5 orders", "c=" + level + " throughput", String.format("%.0f orders/s", r.throughput()), "", "", "", Verdict.INFO);
            report.add("5 orders", "c=" + level + " latency p50 / p95 / p99", String.format("%.2f / %.2f / %.2f ms",
                    r.percentileMillis(50), r.percentileMillis(95), r.percentileMillis(99)), "", "", "", Verdict.INFO);
            if (r.countNot("201") > 0) {
                report.note("Benchmark 5 errors", "c=" + level + ": " + r.outcomes() + " e.g. " + r.sampleErrors());
            }
        }
        if (at32 != null) {
            String ref = simpleUpdate == null ? "n/a" : String.format("%.0f tps (pgbench -N c=32)", simpleUpdate.tps());
            if (simpleUpdate != null) {
                double ratio = at32.throughput() / simpleUpdate.tps();
                report.add("5 orders", "c=32 orders/s vs pgbench -N", String.format("%.0f orders/s", at32.throughput()), ref,
                        String.format("%.2f", ratio), ">= 0.25 x pgbench -N", Verdict.of(ratio >= 0.25));
                log(String.format("Benchmark 5: c=32 %.0f orders/s vs pgbench -N %.0f tps: ratio %.2f (target >= 0.25)",
                        at32.throughput(), simpleUpdate.tps(), ratio));
            } else {
                report.add("5 orders", "c=32 orders/s vs pgbench -N", String.format("%.0f orders/s", at32.throughput()), ref, "n/a",
                        ">= 0.25 x pgbench -N", Verdict.INFO);
            }
            report.add("5 orders", "c=32 p99 latency", String.format("%.2f ms", at32.percentileMillis(99)), "", "", "< 50 ms",
                    Verdict.of(at32.percentileMillis(99) < 50));
        }
        long errors = outcomes.entrySet().stream().filter(e -> !e.getKey().equals("201")).mapToLong(Map.Entry::getValue).sum();
        Map<String, Long> byStatus = new java.util.TreeMap<>(outcomes);
        byStatus.remove("201");
        report.add("5 orders", "errors (not 201) by status, warm-up and all levels", errors == 0 ? "0" : errors + " " + byStatus, "", "",
                "0", Verdict.of(errors == 0));
        b5Checks(created);
    }

    /**
     * After the load: the ledger is consistent, every 201 is one order in the database and nothing
     * else is, orders were routed (not held), no balance has more reserved than on hand, and every
     * order left events in the outbox. The counts are read with SQL on the app's database.
     */
    private void b5Checks(long created) throws Exception {
        heap.phase("b5 checks");
        log("Benchmark 5: consistency checks");
        long t0 = System.nanoTime();
        JsonNode verify = api.expect(api.get("/api/v1/inventory/verify", admin, VERIFY_TIMEOUT), 200).json();
        double verifySeconds = secondsSince(t0);
        boolean consistent = verify.path("consistent").asBoolean(false);
        report.add("5 orders", "GET /inventory/verify consistent", consistent + " (" + verify.path("checkedBalances").asLong()
                + " balances, " + String.format("%.2f s", verifySeconds) + ")", "", "", "true", Verdict.of(consistent));
        if (!consistent) {
            report.note("Benchmark 5 verify mismatches", Api.abbreviate(verify.path("mismatches").toString(), 1000));
        }

        long orders = pg.queryLong(appDb, "select count(*) from sales_order where channel = ?", B5_CHANNEL);
        report.add("5 orders", "orders in the database / answers 201", orders + " / " + created, "", "", "equal",
                Verdict.of(orders == created));
        Map<String, Long> byStatus = pg.queryCounts(appDb,
                "select status, count(*) from sales_order where channel = ? group by status order by status", B5_CHANNEL);
        report.info("5 orders", "orders by status", byStatus.toString());
        long held = byStatus.getOrDefault("HELD", 0L);
        report.add("5 orders", "orders held", Long.toString(held), "", "", "0", Verdict.of(held == 0));

        long overReserved = pg.queryLong(appDb, "select count(*) from inventory_balance where reserved > on_hand");
        report.add("5 orders", "balances with more reserved than on hand", Long.toString(overReserved), "", "", "0",
                Verdict.of(overReserved == 0));

        // The tables were empty at the post-load ANALYZE; without fresh statistics the anti-join below
        // can become a nested loop over every outbox row per order.
        pg.sql(appDb, "analyze sales_order", "analyze outbox_event");
        long outbox = pg.queryLong(appDb, "select count(*) from outbox_event");
        Map<String, Long> orderEvents = pg.queryCounts(appDb,
                "select type, count(*) from outbox_event where aggregate_type = 'order' group by type order by type");
        report.info("5 orders", "outbox_event rows (whole database)", outbox + "; order events " + orderEvents);
        long silent = pg.queryLong(appDb, "select count(*) from sales_order o where o.channel = ? and not exists"
                + " (select 1 from outbox_event e where e.aggregate_type = 'order' and e.aggregate_id = o.id::text)", B5_CHANNEL);
        report.add("5 orders", "orders without an event in the outbox", Long.toString(silent), "", "", "0",
                Verdict.of(silent == 0 && orders > 0));
        log(String.format("  verify consistent=%s; %d orders for %d answers 201, by status %s; %d balances over-reserved;"
                + " %d outbox rows, order events %s; %d orders without an event", consistent, orders, created, byStatus, overReserved,
                outbox, orderEvents, silent));
    }

    /** Orders of 1 to 5 lines (random SKUs, 1 to 3 units) to customers anywhere in Germany; externalId is prefix + seq. */
    private Load.Requests b5Orders(byte[] head, List<String> skus, String prefix) {
        int customers = o.b5Customers;
        int maxLines = o.b5MaxLines;
        int maxQuantity = o.b5MaxQuantity;
        return (random, seq, out) -> {
            StringBuilder b = out.scratch;
            b.setLength(0);
            int customer = random.nextInt(customers);
            b.append("{\"channel\":\"").append(B5_CHANNEL).append("\",\"externalId\":\"").append(prefix).append(seq)
                    .append("\",\"currency\":\"EUR\",\"customer\":{\"email\":\"customer").append(customer)
                    .append("@bench.example\",\"name\":\"Customer ").append(customer)
                    .append("\"},\"shipTo\":{\"name\":\"Customer ").append(customer).append("\",\"line1\":\"Hauptstrasse ")
                    .append(1 + random.nextInt(200)).append("\",\"city\":\"Bench\",\"postalCode\":\"")
                    .append(10_000 + random.nextInt(90_000)).append("\",\"country\":\"DE\",\"latitude\":");
            Germany.append(b, Germany.randomLatitude(random));
            b.append(",\"longitude\":");
            Germany.append(b, Germany.randomLongitude(random));
            b.append("},\"deliveryMethod\":\"SHIP\",\"serviceLevel\":\"STANDARD\",\"paymentStatus\":\"")
                    .append(random.nextBoolean() ? "AUTHORIZED" : "CAPTURED").append("\",\"lines\":[");
            int lines = 1 + random.nextInt(maxLines);
            for (int i = 0; i < lines; i++) {
                if (i > 0) {
                    b.append(',');
                }
                b.append("{\"lineId\":\"").append(i + 1).append("\",\"sku\":\"").append(skus.get(random.nextInt(skus.size())))
                        .append("\",\"quantity\":").append(1 + random.nextInt(maxQuantity)).append(",\"unitPrice\":\"")
                        .append(B5_PRICES[random.nextInt(B5_PRICES.length)]).append("\"}");
            }
            b.append("]}");
            out.body(head, b);
        };
    }

    /**
     * Deterministic stock for benchmark 5: one SKU in a hundred is out of stock everywhere (orders
     * with it are partly backordered); each other SKU has 50 to 249 units at about 60% of the nodes,
     * far more than a run sells, so the mix of single-node, split and backordered orders stays the
     * same from the first second to the last.
     */
    static long b5Quantity(String location, String sku) {
        if (Math.floorMod(sku.hashCode(), 100) == 0) {
            return 0;
        }
        SplittableRandom r = new SplittableRandom((location + "/" + sku).hashCode());
        return r.nextInt(100) < 40 ? 0 : 50 + r.nextInt(200);
    }

    // ------------------------------------------------------------------ benchmark 6: sourcing in process

    private void benchmark6() {
        log("Benchmark 6: RoutingPolicy.decide in this JVM, " + o.b6Nodes + " candidate nodes, " + o.b6Lines + " lines per order; "
                + o.b6WarmupIterations + " warm-up and " + o.b6Iterations + " measured decisions over " + o.b6Inputs + " generated orders");
        CpuMeter.Sample a = begin();
        RoutingBench.Result r = RoutingBench.run(o.b6Nodes, o.b6Lines, o.b6Skus, o.b6Inputs, o.b6WarmupIterations, o.b6Iterations, 42);
        cpuNote("b6 sourcing in process (one thread)", CpuMeter.cores(a, cpu.sample()));
        log("  " + r.describe());
        String group = "6 sourcing in process";
        report.add(group, o.b6Nodes + " nodes, " + o.b6Lines + " lines: decisions per second (one thread)",
                String.format("%.0f /s", r.calls() / r.seconds()), "", "", "", Verdict.INFO);
        report.add(group, "latency p50 / p99.9 / max", String.format("%.1f / %.1f / %.1f us", r.percentileMicros(50),
                r.percentileMicros(99.9), r.percentileMicros(100)), "", "", "", Verdict.INFO);
        report.add(group, "latency p99 per order", String.format("%.1f us", r.percentileMicros(99)), "", "", "< 1 ms",
                Verdict.of(r.percentileMicros(99) < 1000));
        report.info(group, "plans", String.format("%.2f shipments per order, %.1f%% split, %.1f%% with a backordered line",
                (double) r.shipments() / r.calls(), 100.0 * r.splitOrders() / r.calls(), 100.0 * r.backorderedOrders() / r.calls()));
    }

    private void finalVerify() {
        heap.phase("final verify");
        log("Final GET /api/v1/inventory/verify over everything the run wrote");
        long t0 = System.nanoTime();
        JsonNode verify = api.expect(api.get("/api/v1/inventory/verify", admin, VERIFY_TIMEOUT), 200).json();
        double seconds = secondsSince(t0);
        boolean consistent = verify.path("consistent").asBoolean(false);
        log(String.format("  consistent=%s, %d balances checked in %.1f s", consistent, verify.path("checkedBalances").asLong(), seconds));
        report.add("all", "final GET /inventory/verify", consistent + " (" + verify.path("checkedBalances").asLong() + " balances, "
                + String.format("%.1f s", seconds) + ")", "", "", "consistent", Verdict.of(consistent));
        if (!consistent) {
            report.note("Final verify mismatches", Api.abbreviate(verify.path("mismatches").toString(), 1000));
        }
    }

    // ------------------------------------------------------------------ benchmark 4: heap

    private void heapResults() {
        heap.phase("end");
        boolean alive = app.alive();
        double maxMb = heap.maxBytes() / 1024 / 1024;
        String limit = heap.heapMaxBytes() == null ? "512 MB (-Xmx512m)"
                : String.format("%.0f MB (jvm.memory.max)", heap.heapMaxBytes() / 1024 / 1024);
        report.add("4 heap", "max heap used (" + heap.samples() + " samples, 1/s)", String.format("%.0f MB", maxMb), limit,
                String.format("%.2f", maxMb / 512), "< 512 MB", Verdict.of(heap.samples() > 0 && maxMb < 512));
        report.add("4 heap", "app process alive throughout (no OOM)", alive ? "yes" : "NO, exit code " + app.exitCode(), "", "", "yes",
                Verdict.of(alive));
        heap.maxByPhase().forEach((phase, bytes) -> report.note("Heap: max used per phase",
                String.format("%s: %.0f MB", phase, bytes / 1024 / 1024)));
        if (heap.failures() > 0) {
            report.note("Heap: sampling problems", heap.failures() + " failed samples, last: " + heap.lastFailure());
        }
        List<String> bad = app.grepLog("OutOfMemoryError", " ERROR ", "Reservation batch of", "HikariPool-", "Connection is not available");
        if (!bad.isEmpty()) {
            report.note("App log: errors and warnings worth a look (" + bad.size() + " lines, first 10)", "see " + o.root.relativize(app.log()));
            bad.stream().limit(10).forEach(l -> report.note("App log: errors and warnings worth a look (" + bad.size()
                    + " lines, first 10)", Api.abbreviate(l, 300)));
        }
    }

    private void jfrSummary(Path recording) {
        try {
            List<String> lines = JfrSummary.summarize(recording, 25);
            Path out = runDir.resolve("app-jfr-summary.txt");
            Files.write(out, lines);
            log("Flight recording " + o.root.relativize(recording) + "; hot methods in " + o.root.relativize(out));
            lines.stream().limit(30).forEach(l -> System.out.println("  " + l));
            report.note("App profile (--jfr)", "recording " + o.root.relativize(recording) + ", hot methods in " + o.root.relativize(out));
        } catch (IOException | RuntimeException e) {
            log("could not summarise the flight recording: " + e);
        }
    }

    // ------------------------------------------------------------------ summary

    private int summary() throws IOException {
        String command = "bench/run" + (o.quick ? " --quick" : "") + (o.only.equals(Options.ALL) ? ""
                : " --only=" + String.join(",", o.only.stream().map(String::valueOf).toList()));
        List<String> preamble = new ArrayList<>();
        preamble.add("Run " + Instant.ofEpochSecond(epoch) + ", command `" + command + "`" + (o.quick ? " (quick: smoke-test sizes, not meaningful)" : "")
                + String.format(", took %.0f s.", secondsSince(started)));
        preamble.add("");
        machine.forEach(l -> preamble.add("- " + l));
        if (app != null) {
            preamble.add("- app: `" + app.commandLine() + "` against a fresh database on the same PostgreSQL server");
        }
        String text = report.text();
        System.out.println();
        System.out.println("================================ SUMMARY ================================");
        preamble.forEach(System.out::println);
        System.out.println();
        System.out.print(text);
        Path results = targetDir.resolve("bench-results.md");
        report.write(results, "Tributary benchmark results", preamble);
        Files.copy(results, runDir.resolve("bench-results.md"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        System.out.println();
        long failed = report.failures();
        System.out.println((failed == 0 ? "All targets met." : failed + " target(s) missed or step(s) failed.")
                + " Results written to " + o.root.relativize(results));
        return failures.isEmpty() ? 0 : 1;
    }

    private void cpuNote(String phase, Map<String, Double> cores) {
        String line = phase + ": " + CpuMeter.format(cores);
        log("  CPU (average cores) " + line);
        report.note("CPU by process (average cores busy over the phase; " + Runtime.getRuntime().availableProcessors() + " cores)", line);
    }

    /** Marks the start of a measured phase: a CPU sample and the app database's counters. */
    private CpuMeter.Sample begin() {
        statsBefore = appDb == null ? null : pg.stats(appDb);
        return cpu.sample();
    }

    /** The CPU note plus CPU milliseconds per request of the app (without JIT and GC), PostgreSQL and the load generator. */
    private void cpuNote(String phase, Map<String, Double> cores, Load.Result r) {
        cpuNote(phase, cores);
        if (r.requests() == 0 || cores.getOrDefault(CpuMeter.APP, 0.0) == 0.0) {
            return;
        }
        double perCoreSecond = r.seconds() * 1000.0 / r.requests();
        double jitGc = cores.getOrDefault(CpuMeter.APP_JIT.trim(), 0.0) + cores.getOrDefault(CpuMeter.APP_GC.trim(), 0.0);
        String line = String.format("%s: app %.2f ms (+ %.2f ms JIT and GC), postgres %.2f ms, load generator %.2f ms",
                phase, (cores.get(CpuMeter.APP) - jitGc) * perCoreSecond, jitGc * perCoreSecond,
                cores.getOrDefault(CpuMeter.PG_OURS, 0.0) * perCoreSecond, cores.getOrDefault(CpuMeter.BENCH, 0.0) * perCoreSecond);
        log("  CPU per request " + line);
        report.note("CPU milliseconds per request", line);
        Postgres.DbStats after = appDb == null ? null : pg.stats(appDb);
        if (statsBefore != null && after != null) {
            Postgres.DbStats d = after.minus(statsBefore);
            double n = r.requests();
            String db = String.format("%s: %.2f transactions, %.1f rows inserted, %.1f updated, %.1f fetched, %.0f buffer hits,"
                            + " %.1f buffer reads per request (pg_stat_database; includes the heap sampler and background jobs)",
                    phase, (d.commits() + d.rollbacks()) / n, d.inserted() / n, d.updated() / n, d.fetched() / n, d.hit() / n, d.read() / n);
            log("  DB work " + db);
            report.note("Database work per request", db);
        }
    }

    /** Sends one request built by {@code requests} on a connection of its own. */
    private RawHttp.Response once(Load.Requests requests, long seq) throws IOException {
        RawHttp.Request request = new RawHttp.Request();
        requests.next(new SplittableRandom(1), seq, request);
        try (RawHttp.Conn conn = http.open()) {
            return conn.send(request);
        }
    }

    /**
     * {@code VACUUM ANALYZE} of the app's tables after a bulk load, as a DBA would do (autovacuum would get
     * there a little later, possibly in the middle of a measured phase): fresh planner statistics and a
     * visibility map for index-only scans. Tables that are still empty are left alone: analysing them
     * would record "0 rows", and plans cached by the app's connections (generic plans, foreign-key
     * checks) would then keep sequential scans while the measured phase fills those tables.
     */
    private void vacuumAnalyze(String label) throws java.sql.SQLException {
        long t0 = System.nanoTime();
        List<String> done = new ArrayList<>();
        List<String> empty = new ArrayList<>();
        try (java.sql.Connection c = pg.connect(appDb); java.sql.Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (java.sql.ResultSet rs = s.executeQuery("select quote_ident(schemaname) || '.' || quote_ident(relname)"
                    + " from pg_stat_user_tables order by 1")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String t : tables) {
                boolean rows;
                try (java.sql.ResultSet rs = s.executeQuery("select exists (select 1 from " + t + ")")) {
                    rs.next();
                    rows = rs.getBoolean(1);
                }
                if (rows) {
                    s.execute("vacuum analyze " + t);
                    done.add(t);
                } else {
                    empty.add(t);
                }
            }
        }
        double s = secondsSince(t0);
        log(String.format("  VACUUM ANALYZE after the bulk load: %d tables in %.1f s (%d empty tables skipped: %s)", done.size(), s,
                empty.size(), String.join(", ", empty)));
        report.info("seeding (" + label + ")", "VACUUM ANALYZE of the app's non-empty tables after the bulk load",
                String.format("%d tables in %.1f s", done.size(), s));
    }

    private static final String BATCH_METRIC = "/actuator/metrics/tributary.reservations.batch.size";

    /** COUNT and TOTAL of the app's reservation batch-size summary, or null when the app has no such metric. */
    private double[] batchTotals() {
        try {
            Api.Resp r = api.send(api.get(BATCH_METRIC, admin, SEED_TIMEOUT));
            if (r.status() != 200) {
                return null;
            }
            double count = Double.NaN;
            double total = Double.NaN;
            for (JsonNode m : r.json().path("measurements")) {
                switch (m.path("statistic").asString("")) {
                    case "COUNT" -> count = m.path("value").asDouble(Double.NaN);
                    case "TOTAL" -> total = m.path("value").asDouble(Double.NaN);
                    default -> {
                    }
                }
            }
            return Double.isNaN(count) || Double.isNaN(total) ? null : new double[] {count, total};
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Logs and notes the mean batch size of a reservation phase; returns it as text ("n/a" without the metric). */
    private String batchNote(String phase, double[] before, Load.Result r) {
        double[] after = batchTotals();
        String text;
        if (before == null || after == null) {
            text = "n/a";
        } else {
            double batches = after[0] - before[0];
            double requests = after[1] - before[1];
            text = batches <= 0 ? "no batches" : String.format("%.1f (%.0f requests in %.0f batches)", requests / batches, requests, batches);
        }
        log("  mean reservation batch size " + phase + ": " + text);
        report.note("Reservation batch sizes (tributary.reservations.batch.size: requests decided per lane transaction)",
                phase + ": " + text + (r == null ? "" : String.format(", %.0f req/s", r.throughput())));
        return text;
    }

    // ------------------------------------------------------------------ seeding through the public API

    /** Where a seeded location is. */
    private record Site(java.math.BigDecimal latitude, java.math.BigDecimal longitude) {
    }

    /** Locations around Berlin, 0.01 degree apart, without a daily order limit. */
    private void putLocations(List<String> codes, String label) {
        putLocations(codes, label, i -> new Site(new java.math.BigDecimal("52.52").add(java.math.BigDecimal.valueOf(i, 2)),
                new java.math.BigDecimal("13.40").add(java.math.BigDecimal.valueOf(i, 2))), null);
    }

    /** DCs that SHIP and RECEIVE at the given sites; {@code dailyOrderCapacity} null means unlimited. */
    private void putLocations(List<String> codes, String label, java.util.function.IntFunction<Site> site, Integer dailyOrderCapacity) {
        long t0 = System.nanoTime();
        parallel(codes.size(), Math.min(8, o.seedConcurrency), i -> {
            String code = codes.get(i);
            Site at = site.apply(i);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("name", "Bench DC " + code);
            body.put("type", "DC");
            body.put("country", "DE");
            body.put("postalCode", String.format("%05d", 10115 + i));
            body.put("latitude", at.latitude());
            body.put("longitude", at.longitude());
            body.put("capabilities", List.of("SHIP", "RECEIVE"));
            if (dailyOrderCapacity != null) {
                body.put("dailyOrderCapacity", dailyOrderCapacity);
            }
            body.put("staleAfter", null);
            body.put("staleBufferPercent", 0);
            body.put("active", true);
            api.expect(api.put("/api/v1/locations/" + enc(code), admin, Api.json(body), SEED_TIMEOUT), 200, 201);
        });
        log(String.format("  %d locations in %.1f s", codes.size(), secondsSince(t0)));
    }

    private void putItems(List<String> skus, String label) {
        long t0 = System.nanoTime();
        parallel(skus.size(), o.seedConcurrency, i -> {
            String sku = skus.get(i);
            String body = "{\"name\":\"Bench item " + sku + "\",\"unitsPerCase\":1,\"casesPerPallet\":1,"
                    + "\"inspectionRequired\":false,\"lotTracked\":false,\"components\":[]}";
            api.expect(api.put("/api/v1/items/" + enc(sku), admin, body, SEED_TIMEOUT), 200, 201);
        });
        double s = secondsSince(t0);
        log(String.format("  %d items in %.1f s (%.0f PUT/s at concurrency %d)", skus.size(), s, skus.size() / s, o.seedConcurrency));
        if (skus.size() >= 100) {
            report.info("seeding (" + label + ")", "PUT /items, concurrency " + o.seedConcurrency,
                    String.format("%d in %.1f s = %.0f/s", skus.size(), s, skus.size() / s));
        }
    }

    private void putChannel(String code, List<String> locations) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Bench channel " + code);
        body.put("type", "STOREFRONT");
        body.put("locations", locations);
        body.put("bufferUnits", 0);
        body.put("bufferPercent", 0);
        api.expect(api.put("/api/v1/channels/" + enc(code), admin, Api.json(body), SEED_TIMEOUT), 200, 201);
    }

    private interface Quantity {
        long of(String location, String sku);
    }

    /** One JSON snapshot per location with every SKU (the server reconciles set-based). */
    private void snapshots(String label, List<String> locations, List<String> skus, Quantity quantity) {
        long t0 = System.nanoTime();
        String asOf = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).toString();
        long[] maxMillis = new long[1];
        long[] bytes = new long[1];
        AtomicInteger done = new AtomicInteger();
        parallel(locations.size(), o.b3SnapshotParallel, i -> {
            String location = locations.get(i);
            StringBuilder sb = new StringBuilder(skus.size() * 40 + 100);
            sb.append("{\"location\":\"").append(location).append("\",\"asOf\":\"").append(asOf).append("\",\"lines\":[");
            for (int k = 0; k < skus.size(); k++) {
                if (k > 0) {
                    sb.append(',');
                }
                sb.append("{\"sku\":\"").append(skus.get(k)).append("\",\"quantity\":").append(quantity.of(location, skus.get(k))).append('}');
            }
            sb.append("]}");
            long s0 = System.nanoTime();
            api.expect(api.post("/api/v1/inventory/snapshots", admin, sb.toString(), SNAPSHOT_TIMEOUT), 201);
            long ms = (System.nanoTime() - s0) / 1_000_000;
            synchronized (maxMillis) {
                maxMillis[0] = Math.max(maxMillis[0], ms);
                bytes[0] = Math.max(bytes[0], sb.length());
            }
            int n = done.incrementAndGet();
            if (n % 10 == 0 || n == locations.size()) {
                log(String.format("  snapshots: %d of %d locations done (%.0f s)", n, locations.size(), secondsSince(t0)));
            }
        });
        double s = secondsSince(t0);
        long rows = (long) locations.size() * skus.size();
        log(String.format("  %d snapshots x %d lines = %d balance rows in %.1f s (%.0f rows/s; slowest call %d ms; body %d KB)",
                locations.size(), skus.size(), rows, s, rows / s, maxMillis[0], bytes[0] / 1024));
        report.info("seeding (" + label + ")", "POST /inventory/snapshots, " + locations.size() + " x " + skus.size() + " lines, "
                + o.b3SnapshotParallel + " in parallel", String.format("%.1f s = %.0f rows/s (slowest call %.1f s)", s, rows / s,
                maxMillis[0] / 1000.0));
    }

    private String apiKey(String name, String channel) {
        JsonNode r = api.expect(api.post("/api/v1/api-keys", admin, Api.json(Map.of("name", name, "role", "CHANNEL", "channel", channel)),
                SEED_TIMEOUT), 201, 200).json();
        String token = r.path("token").asString("");
        if (token.isEmpty()) {
            throw new IllegalStateException("POST /api/v1/api-keys returned no token: " + Api.abbreviate(r.toString(), 300));
        }
        return token;
    }

    // ------------------------------------------------------------------ helpers

    /** Runs task(0..n-1) on {@code threads} threads; the first failure stops the rest and is rethrown. */
    private static void parallel(int n, int threads, IntConsumer task) {
        AtomicInteger next = new AtomicInteger();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        List<Thread> started = new ArrayList<>();
        for (int t = 0; t < Math.max(1, Math.min(threads, n)); t++) {
            started.add(Thread.ofVirtual().start(() -> {
                int i;
                while (failure.get() == null && (i = next.getAndIncrement()) < n) {
                    try {
                        task.accept(i);
                    } catch (RuntimeException e) {
                        failure.compareAndSet(null, e);
                    }
                }
            }));
        }
        for (Thread t : started) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
        }
        if (failure.get() != null) {
            throw failure.get();
        }
    }

    private static List<String> codes(String prefix, int n, int digits) {
        List<String> out = new ArrayList<>(n);
        for (int i = 1; i <= n; i++) {
            out.add(prefix + String.format("%0" + digits + "d", i));
        }
        return List.copyOf(out);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private double secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }

    private void log(String message) {
        long s = (long) secondsSince(started);
        System.out.printf("[%02d:%02d] %s%n", s / 60, s % 60, message);
        System.out.flush();
    }
}
