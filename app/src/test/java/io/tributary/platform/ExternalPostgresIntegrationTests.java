package io.tributary.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tributary.support.AppInstance;
import io.tributary.support.Fixtures;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The service on an external PostgreSQL server, configured the way operators do it
 * ({@code TRIBUTARY_DB_URL}, {@code _USER}, {@code _PASSWORD}). Runs against the server named by
 * {@code TRIBUTARY_TEST_EXTERNAL_PG} (default {@code jdbc:postgresql://127.0.0.1:5432/postgres},
 * user {@code postgres}) in a database of its own, created and dropped here; skipped when no
 * server answers there.
 */
class ExternalPostgresIntegrationTests {

    @Test
    void runsMigrationsAndServesStockOnAnExternalServer() throws Exception {
        String admin = System.getenv().getOrDefault("TRIBUTARY_TEST_EXTERNAL_PG", "jdbc:postgresql://127.0.0.1:5432/postgres");
        String user = System.getenv().getOrDefault("TRIBUTARY_TEST_EXTERNAL_PG_USER", "postgres");
        String password = System.getenv().getOrDefault("TRIBUTARY_TEST_EXTERNAL_PG_PASSWORD", "");
        String name = "tributary_ext_" + ProcessHandle.current().pid() + "_" + System.nanoTime();
        assumeTrue(execute(admin, user, password, "create database " + name), "no external PostgreSQL at " + admin);
        String url = admin.substring(0, admin.lastIndexOf('/') + 1) + name;
        try {
            try (AppInstance app = AppInstance.start(url, user, password)) {
                Fixtures f = new Fixtures(app.admin());
                String sku = f.item();
                String loc = f.location();
                String channel = f.channel(List.of(loc));
                f.stock(sku, loc, 7);
                f.reserve(channel, sku, loc, 2).expect(201);
                var row = app.admin().get("/inventory/" + sku).expect(200).json().path("locations").get(0);
                assertThat(row.path("onHand").asLong()).isEqualTo(7);
                assertThat(row.path("available").asLong()).isEqualTo(5);
                assertThat(app.admin().get("/inventory/verify").expect(200).json().path("consistent").asBoolean()).isTrue();
            }
            try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
                var rs = s.executeQuery("select count(*) from flyway_schema_history where success");
                rs.next();
                assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(4);
            }
        } finally {
            execute(admin, user, password, "drop database if exists " + name + " with (force)");
        }
    }

    private static boolean execute(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }
}
