package io.tributary.shared.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the data lives. With {@code TRIBUTARY_DB_URL} set, an external PostgreSQL; otherwise an
 * embedded PostgreSQL whose data directory survives restarts. The embedded server runs with
 * {@code synchronous_commit=on} so an acknowledged write survives a crash (the library's default
 * turns it off for throwaway test databases).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseProperties.class)
class DatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(DatabaseConfiguration.class);

    @Bean(destroyMethod = "close")
    EmbeddedDatabase embeddedDatabase(DatabaseProperties props) throws IOException {
        if (props.external()) {
            return EmbeddedDatabase.none();
        }
        Path dir = props.dataDir().toAbsolutePath().resolve("pg");
        Files.createDirectories(dir.getParent());
        log.info("Starting embedded PostgreSQL with data in {}", dir);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dir)
                .setCleanDataDirectory(false)
                .setServerConfig("synchronous_commit", props.embeddedDurable() ? "on" : "off")
                .setServerConfig("fsync", props.embeddedDurable() ? "on" : "off")
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "128MB");
        if (props.embeddedPort() > 0) {
            builder.setPort(props.embeddedPort());
        }
        return new EmbeddedDatabase(builder.start());
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(DatabaseProperties props, EmbeddedDatabase embedded) {
        HikariConfig config = new HikariConfig();
        if (props.external()) {
            config.setJdbcUrl(props.url());
            config.setUsername(props.user());
            config.setPassword(props.password());
        } else {
            config.setJdbcUrl(embedded.postgres().getJdbcUrl("postgres", "postgres"));
            config.setUsername("postgres");
        }
        config.setPoolName("tributary");
        config.setMaximumPoolSize(props.poolSize());
        // Fail fast when the database is gone, so callers get a 503 instead of a hung request.
        config.setConnectionTimeout(props.connectionTimeout().toMillis());
        config.setValidationTimeout(Math.min(1000, props.connectionTimeout().toMillis()));
        config.setInitializationFailTimeout(-1);
        config.addDataSourceProperty("reWriteBatchedInserts", "true");
        config.addDataSourceProperty("tcpKeepAlive", "true");
        config.addDataSourceProperty("ApplicationName", "tributary");
        config.setConnectionInitSql("set statement_timeout = '" + props.statementTimeout().toMillis() + "ms';"
                + " set idle_in_transaction_session_timeout = '60s'");
        return new HikariDataSource(config);
    }

    /** The embedded server's handle; empty when an external database is configured. */
    static final class EmbeddedDatabase implements AutoCloseable {
        private final EmbeddedPostgres postgres;

        EmbeddedDatabase(EmbeddedPostgres postgres) {
            this.postgres = postgres;
        }

        static EmbeddedDatabase none() {
            return new EmbeddedDatabase(null);
        }

        EmbeddedPostgres postgres() {
            return postgres;
        }

        @Override
        public void close() throws IOException {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
