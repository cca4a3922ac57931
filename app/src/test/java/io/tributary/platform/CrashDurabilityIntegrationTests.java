package io.tributary.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.AppInstance;
import io.tributary.support.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The service on its own embedded database (the default way to run it), writing as fast as it
 * can; the database is killed with SIGKILL mid-stream, as a power cut or OOM kill would. After a
 * restart on the same data directory, every adjustment that was acknowledged with 201 is there.
 */
class CrashDurabilityIntegrationTests {

    @Test
    void everyAcknowledgedWriteSurvivesADatabaseCrash() throws Exception {
        Path dataDir = Files.createTempDirectory("tributary-crash");
        String sku;
        String loc;
        AtomicInteger acknowledged = new AtomicInteger();
        AppInstance first = AppInstance.start("", "", "", "tributary.db.data-dir=" + dataDir, "tributary.db.connection-timeout=1s");
        try {
            Fixtures f = new Fixtures(first.admin());
            sku = f.item();
            loc = f.location();
            Api api = first.admin();
            ExecutorService writers = Executors.newFixedThreadPool(8);
            List<Future<?>> running = new java.util.ArrayList<>();
            for (int w = 0; w < 8; w++) {
                running.add(writers.submit(() -> {
                    for (int i = 0; i < 400; i++) {
                        Api.Response r = api.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", 1, "reason", "FOUND"));
                        if (r.status() == 201) {
                            acknowledged.incrementAndGet();
                        } else if (r.status() >= 500) {
                            return;
                        }
                    }
                }));
            }
            while (acknowledged.get() < 300) {
                Thread.sleep(5);
            }
            killPostgres(dataDir.resolve("pg"));
            for (Future<?> r : running) {
                r.get();
            }
            writers.shutdown();
        } finally {
            try {
                first.close();
            } catch (RuntimeException ignored) {
                // Stopping a database that was killed may fail; the restart below is what matters.
            }
        }
        assertThat(acknowledged.get()).isGreaterThanOrEqualTo(300);

        try (AppInstance second = AppInstance.start("", "", "", "tributary.db.data-dir=" + dataDir)) {
            var row = second.admin().get("/inventory/" + sku).expect(200).json().path("locations").get(0);
            assertThat(row.path("location").asString()).isEqualTo(loc);
            // Acknowledged writes all survived; a write in flight at the kill may or may not have.
            assertThat(row.path("onHand").asLong()).isGreaterThanOrEqualTo(acknowledged.get());
            assertThat(second.admin().get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
        }
    }

    /** SIGKILL to the postmaster and every backend: no shutdown checkpoint, no flush of anything. */
    private static void killPostgres(Path pgData) throws Exception {
        long pid = Long.parseLong(Files.readAllLines(pgData.resolve("postmaster.pid")).get(0).trim());
        ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
        List<ProcessHandle> all = new java.util.ArrayList<>(postmaster.descendants().toList());
        all.add(postmaster);
        all.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : all) {
            p.onExit().get();
        }
    }
}
