package io.tributary.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The local PostgreSQL server: database admin over JDBC and the pgbench reference runs. */
final class Postgres {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    record PgbenchResult(String label, String command, double tps, double latencyMillis, long transactions, Path log) {
    }

    private final Options options;
    private final Path logDir;
    private final List<String> created = new ArrayList<>();

    Postgres(Options options, Path logDir) {
        this.options = options;
        this.logDir = logDir;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://" + options.pgHost + ":" + options.pgPort + "/" + database;
    }

    Connection connect(String database) throws SQLException {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("user", options.pgUser);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "600");
        p.setProperty("ApplicationName", "tributary-bench");
        return DriverManager.getConnection(jdbcUrl(database), p);
    }

    /** Version and the settings that matter for write throughput. */
    Map<String, String> facts() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select version()")) {
                rs.next();
                out.put("version", rs.getString(1));
            }
            for (String setting : List.of("max_connections", "shared_buffers", "synchronous_commit", "fsync", "wal_level", "commit_delay")) {
                try (ResultSet rs = s.executeQuery("show " + setting)) {
                    rs.next();
                    out.put(setting, rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where backend_type = 'client backend'")) {
                rs.next();
                out.put("client connections at start", rs.getString(1));
            }
        }
        return out;
    }

    /** The postmaster's pid, to attribute CPU to the server's processes. */
    long postmasterPid() throws SQLException, IOException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return CpuMeter.parentOf(rs.getLong(1));
        }
    }

    /** Cumulative counters of one database (pg_stat_database), to tell the work per request. */
    record DbStats(long commits, long rollbacks, long inserted, long updated, long fetched, long returned, long hit, long read) {

        DbStats minus(DbStats o) {
            return new DbStats(commits - o.commits, rollbacks - o.rollbacks, inserted - o.inserted, updated - o.updated,
                    fetched - o.fetched, returned - o.returned, hit - o.hit, read - o.read);
        }
    }

    DbStats stats(String database) {
        String sql = "select xact_commit, xact_rollback, tup_inserted, tup_updated, tup_fetched, tup_returned, blks_hit, blks_read"
                + " from pg_stat_database where datname = ?";
        try (Connection c = connect("postgres"); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, database);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                return new DbStats(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                        rs.getLong(7), rs.getLong(8));
            }
        } catch (SQLException e) {
            return null;
        }
    }

    void createDatabase(String name) throws SQLException {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("create database " + name);
        }
        synchronized (created) {
            created.add(name);
        }
    }

    void dropDatabase(String name) {
        try (Connection c = connect("postgres"); Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            synchronized (created) {
                created.remove(name);
            }
        } catch (SQLException e) {
            System.err.println("WARNING: could not drop database " + name + ": " + e.getMessage());
        }
    }

    void dropAll() {
        List<String> names;
        synchronized (created) {
            names = List.copyOf(created);
        }
        for (String name : names) {
            dropDatabase(name);
            System.out.println("Dropped database " + name);
        }
    }

    List<String> createdDatabases() {
        synchronized (created) {
            return List.copyOf(created);
        }
    }

    void sql(String database, String... statements) throws SQLException {
        try (Connection c = connect(database); Statement s = c.createStatement()) {
            for (String sql : statements) {
                s.execute(sql);
            }
        }
    }

    /** The single number a query returns (a count or a sum); its parameters are bound in order. */
    long queryLong(String database, String sql, Object... params) throws SQLException {
        try (Connection c = connect(database); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** A query of (name, number) rows as an ordered map, e.g. counts per status. */
    Map<String, Long> queryCounts(String database, String sql, Object... params) throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        try (Connection c = connect(database); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    /** {@code pgbench -i -s scale}. */
    void pgbenchInit(String database, int scale) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("pgbench", "-h", options.pgHost, "-p", Integer.toString(options.pgPort),
                "-U", options.pgUser, "-i", "-s", Integer.toString(scale), "-q", database));
        String out = run(cmd, "pgbench-init.log", 600);
        if (!out.contains("done")) {
            throw new IllegalStateException("pgbench -i did not finish:\n" + out);
        }
    }

    /** Runs pgbench with the given arguments and parses TPS (without initial connection time). */
    PgbenchResult pgbench(String label, String logName, String database, int seconds, String... args)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("pgbench", "-h", options.pgHost, "-p", Integer.toString(options.pgPort),
                "-U", options.pgUser));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-T", Integer.toString(seconds), database));
        String out = run(cmd, logName, seconds + 180L);
        Matcher m = TPS.matcher(out);
        if (!m.find()) {
            throw new IllegalStateException("no 'tps = ... (without initial connection time)' in pgbench output:\n" + out);
        }
        double tps = Double.parseDouble(m.group(1));
        Matcher lat = LATENCY.matcher(out);
        double latency = lat.find() ? Double.parseDouble(lat.group(1)) : Double.NaN;
        Matcher tx = Pattern.compile("number of transactions actually processed: ([0-9]+)").matcher(out);
        long transactions = tx.find() ? Long.parseLong(tx.group(1)) : -1;
        String shown = String.join(" ", cmd).replace(database, "<db>");
        return new PgbenchResult(label, shown, tps, latency, transactions, logDir.resolve(logName));
    }

    private String run(List<String> cmd, String logName, long timeoutSeconds) throws IOException, InterruptedException {
        Path log = logDir.resolve(logName);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("PGCONNECT_TIMEOUT", "5");
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            throw new IOException("could not start " + cmd.get(0) + " (is it on PATH?): " + e.getMessage(), e);
        }
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", cmd) + " did not finish within " + timeoutSeconds + " s; see " + log);
        }
        String out = Files.readString(log, StandardCharsets.UTF_8);
        if (p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", cmd) + " exited with " + p.exitValue() + ":\n" + out);
        }
        return out;
    }
}
