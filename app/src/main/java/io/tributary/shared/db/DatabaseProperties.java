package io.tributary.shared.db;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings, bound from {@code tributary.db.*}; the environment variables
 * {@code TRIBUTARY_DB_URL}, {@code TRIBUTARY_DB_USER}, {@code TRIBUTARY_DB_PASSWORD} and
 * {@code TRIBUTARY_DATA_DIR} map onto them in application.yml.
 */
@ConfigurationProperties("tributary.db")
record DatabaseProperties(
        String url,
        String user,
        String password,
        @DefaultValue("data") Path dataDir,
        @DefaultValue("0") int embeddedPort,
        @DefaultValue("true") boolean embeddedDurable,
        @DefaultValue("24") int poolSize,
        @DefaultValue("3s") Duration connectionTimeout,
        @DefaultValue("30s") Duration statementTimeout) {

    boolean external() {
        return url != null && !url.isBlank();
    }
}
