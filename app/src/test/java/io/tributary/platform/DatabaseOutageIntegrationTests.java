package io.tributary.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.AppInstance;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database goes away under a running service: requests get a 503 problem (never a hang or a
 * 500), and once the database is back the service answers again by itself.
 */
class DatabaseOutageIntegrationTests {

    @Test
    void answers503WhileTheDatabaseIsDownAndRecoversWhenItReturns() throws Exception {
        Path dir = Files.createTempDirectory("tributary-outage");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        EmbeddedPostgres pg = start(dir, port);
        String url = pg.getJdbcUrl("postgres", "postgres");
        try (AppInstance app = AppInstance.start(url, "postgres", "", "tributary.db.connection-timeout=1s")) {
            Api api = app.admin();
            api.get("/items?limit=1").expect(200);

            pg.close();
            Api.Response down = api.post("/inventory/adjustments", Map.of("sku", "X-1", "location", "L-1", "quantity", 1, "reason", "FOUND"));
            assertThat(down.status()).as(down.body()).isEqualTo(503);
            assertThat(down.header("Content-Type")).startsWith("application/problem+json");
            assertThat(api.get("/items?limit=1").status()).isEqualTo(503);
            assertThat(app.admin().get("/actuator/health").status()).isEqualTo(503);

            pg = start(dir, port);
            Api.Response back = null;
            for (int i = 0; i < 50; i++) {
                back = api.get("/items?limit=1");
                if (back.status() == 200) {
                    break;
                }
                Thread.sleep(200);
            }
            assertThat(back.status()).as(back.body()).isEqualTo(200);
        } finally {
            pg.close();
        }
    }

    private static EmbeddedPostgres start(Path dir, int port) throws Exception {
        return EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(false).setPort(port).start();
    }
}
