package io.tributary.support;

import io.tributary.TributaryApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application in a JVM of its own (the test classpath, a small heap), so a test can kill the
 * service process itself with SIGKILL, as an OOM kill, a crashed host or {@code kill -9} would:
 * no shutdown hook, no graceful stop, no transaction finished. Its output goes to a log file whose
 * tail is shown when it fails to start. Close it when done; closing kills it if it still runs.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration STARTUP = Duration.ofSeconds(120);

    private final Process process;
    private final int port;
    private final Path log;

    private ServiceProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts the service on a free loopback port and returns once it reports UP. */
    public static ServiceProcess start(String jdbcUrl, String user, String password) {
        int port = freePort();
        Path log;
        Process process;
        try {
            log = Files.createTempFile("tributary-service-", ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx256m",
                    "-XX:+UseSerialGC",
                    // Start-up speed matters more than peak speed for a service that lives for seconds.
                    "-XX:TieredStopAtLevel=1",
                    "-cp", System.getProperty("java.class.path"),
                    TributaryApplication.class.getName(),
                    "--server.port=" + port,
                    "--tributary.db.url=" + jdbcUrl,
                    "--tributary.db.user=" + user,
                    "--tributary.db.password=" + password,
                    "--tributary.admin-password=" + Api.ADMIN_PASSWORD,
                    "--tributary.demo-data=false",
                    "--spring.jmx.enabled=false"));
            process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // Should the test JVM end without closing it, the service must not outlive it.
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        ServiceProcess service = new ServiceProcess(process, port, log);
        try {
            service.awaitUp();
        } catch (RuntimeException | Error e) {
            service.close();
            throw e;
        }
        return service;
    }

    public int port() {
        return port;
    }

    public Api admin() {
        return Api.basic(port, "admin", Api.ADMIN_PASSWORD);
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("service process " + process.pid() + " survived SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The last lines the service wrote, for failure messages. */
    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(log unreadable: " + e + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            kill();
        }
    }

    private void awaitUp() {
        Api anonymous = new Api(port, null);
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the service exited with " + process.exitValue() + " while starting:\n" + logTail());
            }
            try {
                Api.Response r = anonymous.get("/actuator/health");
                if (r.status() == 200 && "UP".equals(r.json().path("status").asString())) {
                    return;
                }
            } catch (UncheckedIOException notListeningYet) {
                // Keep waiting.
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the service did not report UP within " + STARTUP + ":\n" + logTail());
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
