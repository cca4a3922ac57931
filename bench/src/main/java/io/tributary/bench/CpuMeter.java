package io.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Where the CPU went during a phase, from /proc: the app JVM, the load generator (this JVM),
 * pgbench, the PostgreSQL backends serving the benchmark databases, the rest of the PostgreSQL
 * server (background writers and other people's sessions) and everything else on the machine.
 * Figures are average cores busy over the phase. A process that exits within a phase loses its
 * share (pgbench backends are therefore measured while pgbench runs, via its own process).
 */
final class CpuMeter {

    static final double TICKS_PER_SECOND = 100.0; // USER_HZ on Linux

    static final String APP = "app JVM";
    static final String APP_JIT = "  of which JIT compiler";
    static final String APP_GC = "  of which GC";
    static final String BENCH = "load generator (bench JVM)";
    static final String PGBENCH = "pgbench client";
    static final String PG_OURS = "postgres backends (benchmark dbs)";
    static final String PG_OTHER = "postgres other (background, other sessions)";
    static final String REST = "everything else on the machine";
    static final String IDLE = "idle";

    record Sample(long nanoTime, Map<Long, Long> ticks, Map<Long, String> category, long machineBusy, long machineAll) {
    }

    private final long self = ProcessHandle.current().pid();
    private volatile long appPid = -1;
    private volatile long postmaster = -1;
    private volatile List<String> databases = List.of();

    void app(long pid) {
        this.appPid = pid;
    }

    void postmaster(long pid) {
        this.postmaster = pid;
    }

    void databases(List<String> names) {
        this.databases = List.copyOf(names);
    }

    boolean available() {
        return Files.isReadable(Path.of("/proc/stat"));
    }

    Sample sample() {
        Map<Long, Long> ticks = new HashMap<>();
        Map<Long, String> category = new HashMap<>();
        long busy = 0;
        long all = 0;
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0);
            String[] f = first.trim().split("\\s+");
            // cpu user nice system idle iowait irq softirq steal
            for (int i = 1; i < Math.min(f.length, 9); i++) {
                long v = Long.parseLong(f[i]);
                all += v;
                if (i != 4 && i != 5) {
                    busy += v;
                }
            }
            try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
                for (Path p : (Iterable<Path>) procs::iterator) {
                    String name = p.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    Stat st = stat(pid);
                    if (st == null) {
                        continue;
                    }
                    String c = classify(pid, st);
                    if (c != null) {
                        ticks.put(pid, st.ticks);
                        category.put(pid, c);
                    }
                    if (pid == appPid) {
                        long[] jitGc = appThreads(pid);
                        ticks.put(-1L, jitGc[0]);
                        category.put(-1L, APP_JIT);
                        ticks.put(-2L, jitGc[1]);
                        category.put(-2L, APP_GC);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort: an empty sample yields no breakdown
        }
        return new Sample(System.nanoTime(), ticks, category, busy, all);
    }

    private String classify(long pid, Stat st) {
        if (pid == appPid) {
            return APP;
        }
        if (pid == self) {
            return BENCH;
        }
        if (st.comm.equals("pgbench") && st.ppid == self) {
            return PGBENCH;
        }
        if (pid == postmaster) {
            return PG_OTHER;
        }
        if (postmaster > 0 && st.ppid == postmaster) {
            String cmdline = cmdline(pid);
            for (String db : databases) {
                if (cmdline.contains(" " + db + " ")) {
                    return PG_OURS;
                }
            }
            return PG_OTHER;
        }
        return null;
    }

    /** Average cores per category between two samples, in a stable order, with the rest and idle. */
    static Map<String, Double> cores(Sample a, Sample b) {
        double seconds = (b.nanoTime() - a.nanoTime()) / 1e9;
        Map<String, Double> out = new LinkedHashMap<>();
        for (String c : List.of(APP, PG_OURS, BENCH, PGBENCH, PG_OTHER)) {
            out.put(c, 0.0);
        }
        if (seconds <= 0 || b.ticks().isEmpty()) {
            return out;
        }
        double ours = 0;
        for (Map.Entry<Long, Long> e : b.ticks().entrySet()) {
            long before = a.ticks().getOrDefault(e.getKey(), 0L);
            long delta = Math.max(0, e.getValue() - before);
            double cores = delta / TICKS_PER_SECOND / seconds;
            out.merge(b.category().get(e.getKey()), cores, Double::sum);
            if (e.getKey() >= 0) {
                ours += cores;
            }
        }
        // Show the JIT and GC shares right after the app's total.
        Map<String, Double> ordered = new LinkedHashMap<>();
        out.forEach((k, v) -> {
            if (!k.equals(APP_JIT) && !k.equals(APP_GC)) {
                ordered.put(k, v);
            }
            if (k.equals(APP)) {
                ordered.put(APP_JIT.trim(), out.getOrDefault(APP_JIT, 0.0));
                ordered.put(APP_GC.trim(), out.getOrDefault(APP_GC, 0.0));
            }
        });
        out.clear();
        out.putAll(ordered);
        long allDelta = b.machineAll() - a.machineAll();
        long busyDelta = b.machineBusy() - a.machineBusy();
        int n = Runtime.getRuntime().availableProcessors();
        if (allDelta > 0) {
            double busyCores = (double) busyDelta / allDelta * n;
            out.put(REST, Math.max(0, busyCores - ours));
            out.put(IDLE, Math.max(0, n - busyCores));
        }
        return out;
    }

    static String format(Map<String, Double> cores) {
        StringBuilder sb = new StringBuilder();
        cores.forEach((k, v) -> {
            boolean part = k.equals(APP_JIT.trim()) || k.equals(APP_GC.trim());
            if (part) {
                return;
            }
            if (v >= 0.005 || k.equals(APP) || k.equals(IDLE)) {
                if (!sb.isEmpty()) {
                    sb.append(", ");
                }
                sb.append(k).append(' ').append(String.format("%.2f", v));
                if (k.equals(APP)) {
                    sb.append(String.format(" (JIT %.2f, GC %.2f)", cores.getOrDefault(APP_JIT.trim(), 0.0),
                            cores.getOrDefault(APP_GC.trim(), 0.0)));
                }
            }
        });
        return sb.toString();
    }

    /** CPU ticks of the app's JIT compiler threads and GC threads, from /proc/pid/task. */
    private static long[] appThreads(long pid) {
        long jit = 0;
        long gc = 0;
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            for (Path t : (Iterable<Path>) tasks::iterator) {
                Stat st = statAt(t.resolve("stat"));
                if (st == null) {
                    continue;
                }
                if (st.comm.startsWith("C1 Compiler") || st.comm.startsWith("C2 Compiler")) {
                    jit += st.ticks;
                } else if (st.comm.startsWith("GC Thread") || st.comm.startsWith("G1 ")) {
                    gc += st.ticks;
                }
            }
        } catch (IOException | RuntimeException e) {
            // best effort
        }
        return new long[] {jit, gc};
    }

    static long parentOf(long pid) throws IOException {
        Stat st = stat(pid);
        if (st == null) {
            throw new IOException("no /proc/" + pid + "/stat");
        }
        return st.ppid;
    }

    private record Stat(String comm, long ppid, long ticks) {
    }

    private static Stat stat(long pid) {
        return statAt(Path.of("/proc", Long.toString(pid), "stat"));
    }

    private static Stat statAt(Path file) {
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8);
            int open = s.indexOf('(');
            int close = s.lastIndexOf(')');
            String comm = s.substring(open + 1, close);
            String[] f = s.substring(close + 2).trim().split("\\s+");
            // f[0]=state f[1]=ppid ... f[11]=utime f[12]=stime (fields 14 and 15 of stat)
            long ppid = Long.parseLong(f[1]);
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
            return new Stat(comm, ppid, ticks);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static String cmdline(long pid) {
        try {
            return new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")), StandardCharsets.UTF_8)
                    .replace('\0', ' ');
        } catch (IOException e) {
            return "";
        }
    }
}
