package io.tributary.exceptions;

import io.tributary.shared.events.ExternalEvent;
import io.tributary.support.Api;
import io.tributary.support.IntegrationTest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * What the exception tests share: the facade (cases are raised by modules, not over HTTP), people
 * with roles, the events published while a test runs, and moving a case's due time into the past.
 */
abstract class ExceptionsTestSupport extends IntegrationTest {

    static final String PASSWORD = "correct-horse-battery";

    @Autowired
    Exceptions exceptions;

    @Autowired
    ConfigurableApplicationContext context;

    final List<ExternalEvent> published = new CopyOnWriteArrayList<>();
    private final ApplicationListener<ApplicationEvent> listener = e -> {
        if (e instanceof PayloadApplicationEvent<?> p && p.getPayload() instanceof ExternalEvent x && "exception".equals(x.aggregateType())) {
            published.add(x);
        }
    };

    @BeforeEach
    void listen() {
        context.addApplicationListener(listener);
    }

    @AfterEach
    void stopListening() {
        context.removeApplicationListener(listener);
    }

    /** The exception events published for this case, in order, by type. */
    List<String> eventsOf(String caseId) {
        return published.stream().filter(e -> e.aggregateId().equals(caseId)).map(ExternalEvent::eventType).toList();
    }

    /** A unique entity id, so tests never see each other's cases. */
    static String entity(String prefix) {
        return Api.unique(prefix);
    }

    ExceptionCase raise(ExceptionType type, String entityType, String entityId) {
        return exceptions.raise(new RaiseException(type, entityType, entityId, type + " on " + entityType + " " + entityId,
                Map.of("reason", "test", "amount", 12)));
    }

    /** A person with these roles; returns the username (the client is {@link #as(String)}). */
    String user(String... roles) {
        String name = Api.unique("user");
        admin().post("/users", Map.of("username", name, "password", PASSWORD, "roles", List.of(roles))).expect(201);
        return name;
    }

    Api as(String username) {
        return Api.basic(port, username, PASSWORD);
    }

    /** Moves a case's due time into the past, as if its SLA had run out. */
    void makeOverdue(String caseId, Instant dueAt) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), "postgres", "");
             PreparedStatement s = c.prepareStatement("update exception_case set due_at = ? where id = ?")) {
            s.setTimestamp(1, Timestamp.from(dueAt));
            s.setObject(2, UUID.fromString(caseId));
            if (s.executeUpdate() != 1) {
                throw new AssertionError("no case " + caseId);
            }
        }
    }
}
