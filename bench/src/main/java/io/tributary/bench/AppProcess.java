package io.tributary.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The app under test: {@code java -Xmx512m -XX:+UseG1GC -jar app/target/tributary.jar} on a free port. */
final class AppProcess {

    static final Duration STARTUP_LIMIT = Duration.ofMinutes(3);

    private final Path log;
    private final int port;
    private final List<String> command;
    private final Map<String, String> env;
    private final Path jar;
    private final String displayCommand;
    private Process process;

    AppProcess(Options options, Path log, String jdbcUrl, String user, String adminPassword, Path jfr) throws IOException {
        this.log = log;
        this.port = freePort();
        if (!Files.isRegularFile(options.jar)) {
            throw new IllegalStateException("the app jar " + options.jar + " does not exist; build it with ./mvnw -q -B -DskipTests package");
        }
        // Run a private copy: a colleague's rebuild of app/target must not pull the jar from under the running app.
        this.jar = log.resolveSibling("tributary.jar");
        Files.copy(options.jar, jar, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        this.command = new ArrayList<>(List.of(options.java, "-Xmx512m", "-XX:+UseG1GC",
                // An OutOfMemoryError ends the process at once, so "never died" below proves "never ran out of heap".
                "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(options.jvmArgs);
        if (jfr != null) {
            command.add("-XX:StartFlightRecording=filename=" + jfr + ",settings=profile,dumponexit=true");
        }
        command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port));
        command.addAll(options.appArgs);
        this.displayCommand = String.join(" ", command).replace(jar.toString(), "app/target/tributary.jar")
                .replace(System.getProperty("user.dir") + "/", "");
        this.env = Map.of(
                "TRIBUTARY_DB_URL", jdbcUrl,
                "TRIBUTARY_DB_USER", user,
                "TRIBUTARY_DB_PASSWORD", "",
                "TRIBUTARY_ADMIN_PASSWORD", adminPassword,
                "TRIBUTARY_DEMO_DATA", "false");
    }

    int port() {
        return port;
    }

    Path log() {
        return log;
    }

    /** The command as documented (the private copy of the jar shown as app/target/tributary.jar). */
    String commandLine() {
        return displayCommand;
    }

    long pid() {
        return process == null ? -1 : process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    Integer exitCode() {
        return process != null && !process.isAlive() ? process.exitValue() : null;
    }

    void start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env);
        // The bench's own JAVA_TOOL_OPTIONS etc. must not leak into the app.
        pb.environment().remove("JAVA_TOOL_OPTIONS");
        pb.environment().remove("SERVER_PORT");
        process = pb.start();
    }

    /** Waits for GET /actuator/health to answer {"status":"UP"}; fails early if the process dies. */
    void awaitHealthy(Api api) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + STARTUP_LIMIT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the app exited with code " + process.exitValue() + " during start-up; last log lines:\n"
                        + tail(40));
            }
            try {
                HttpRequest r = api.get("/actuator/health", null, Duration.ofSeconds(3));
                Api.Resp resp = api.send(r);
                last = resp.status() + " " + Api.abbreviate(resp.body(), 200);
                if (resp.status() == 200 && resp.json().path("status").asString("").equals("UP")) {
                    return;
                }
            } catch (RuntimeException e) {
                last = e.getMessage();
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the app did not report UP within " + STARTUP_LIMIT.toSeconds() + " s (last: " + last
                + "); last log lines:\n" + tail(40));
    }

    /** SIGTERM (graceful shutdown), then SIGKILL after 30 s. Safe to call more than once. */
    synchronized void stop() {
        if (process == null || !process.isAlive()) {
            deleteJarCopy();
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                System.err.println("WARNING: the app did not stop within 30 s of SIGTERM; killing it");
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        deleteJarCopy();
    }

    private void deleteJarCopy() {
        try {
            Files.deleteIfExists(jar);
        } catch (IOException e) {
            System.err.println("WARNING: could not delete " + jar + ": " + e.getMessage());
        }
    }

    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | RuntimeException e) {
            return "(could not read " + log + ": " + e.getMessage() + ")";
        }
    }

    /** Lines of the app log matching any of the markers (WARN/ERROR summaries for the report). */
    List<String> grepLog(String... markers) {
        List<String> out = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
                for (String m : markers) {
                    if (line.contains(m)) {
                        out.add(line);
                        break;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            out.add("(could not read " + log + ": " + e.getMessage() + ")");
        }
        return out;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }
}
