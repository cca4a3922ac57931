package io.tributary.support;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every HTTP integration test: the whole application on a random port, on its own
 * database of the JVM's embedded PostgreSQL, with admin password {@link Api#ADMIN_PASSWORD} and no
 * demo data. The context is shared by all subclasses, so tests create their own uniquely named
 * items, locations and channels ({@link Api#unique(String)}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class IntegrationTest {

    private static final String URL = TestDatabase.freshDatabase();

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        registry.add("tributary.db.url", () -> URL);
        registry.add("tributary.db.user", () -> "postgres");
        registry.add("tributary.db.password", () -> "");
        registry.add("tributary.admin-password", () -> Api.ADMIN_PASSWORD);
        registry.add("tributary.demo-data", () -> "false");
    }

    /** The JDBC URL of this context's database (user {@code postgres}), for tests that inspect or damage it. */
    protected static String jdbcUrl() {
        return URL;
    }

    /** The API as the built-in admin. */
    protected Api admin() {
        return Api.basic(port, "admin", Api.ADMIN_PASSWORD);
    }

    /** The API without credentials. */
    protected Api anonymous() {
        return new Api(port, null);
    }
}
