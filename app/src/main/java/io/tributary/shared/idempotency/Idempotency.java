package io.tributary.shared.idempotency;

import io.tributary.shared.DomainException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Makes a state-changing POST safe to retry. A key is claimed in its own short transaction; the
 * action then runs in a transaction that also stores its response, so an acknowledged response and
 * its replay record commit together or not at all. Same key and body: the first response again,
 * with {@code Idempotent-Replayed: true}. Same key, other body: 422. Same key still running: 409.
 * A claim whose holder died is taken over once its lease has passed.
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    static final Duration LEASE = Duration.ofSeconds(30);

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final TransactionTemplate newTx;
    private final TransactionTemplate tx;

    Idempotency(JdbcClient jdbc, JsonMapper json, Clock clock, PlatformTransactionManager txm) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.newTx = new TransactionTemplate(txm);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.tx = new TransactionTemplate(txm);
    }

    /** The outcome of claiming a key: either we own it now, or there is a stored response to replay. */
    public sealed interface Claim permits Owned, Replay {
    }

    /** This request owns the key and must complete it. */
    public record Owned(String principal, String key) implements Claim {
    }

    /** The key was used before with the same request; this is the stored response. */
    public record Replay(ResponseEntity<Object> response) implements Claim {
    }

    /**
     * Runs {@code action} at most once per key. Without a key, it simply runs. The action's own
     * transaction joins the one opened here, so the stored response commits with its effects.
     */
    public ResponseEntity<Object> run(String principal, String key, String operation, Object request,
                                      Supplier<ResponseEntity<Object>> action) {
        if (key == null) {
            return action.get();
        }
        Claim claim = claim(principal, key, operation, request);
        if (claim instanceof Replay replay) {
            return replay.response();
        }
        Owned owned = (Owned) claim;
        try {
            return tx.execute(status -> {
                ResponseEntity<Object> response = action.get();
                completeInCurrentTransaction(owned, response.getStatusCode().value(), response.getBody());
                return response;
            });
        } catch (DomainException e) {
            failed(owned, e);
            throw e;
        } catch (RuntimeException e) {
            release(owned);
            throw e;
        }
    }

    public Claim claim(String principal, String key, String operation, Object request) {
        validateKey(key);
        String hash = hash(operation, request);
        Instant now = clock.instant();
        return newTx.execute(status -> {
            int inserted = jdbc.sql("""
                    insert into idempotency_key (principal, key, operation, request_hash, state, locked_until, created_at)
                    values (:principal, :key, :operation, :hash, 'IN_PROGRESS', :lockedUntil, :now)
                    on conflict do nothing""")
                    .param("principal", principal).param("key", key).param("operation", operation)
                    .param("hash", hash).param("lockedUntil", java.sql.Timestamp.from(now.plus(LEASE)))
                    .param("now", java.sql.Timestamp.from(now))
                    .update();
            if (inserted == 1) {
                return new Owned(principal, key);
            }
            Stored stored = jdbc.sql("""
                    select request_hash, state, locked_until, response_status, response_body
                    from idempotency_key where principal = :principal and key = :key for update""")
                    .param("principal", principal).param("key", key)
                    .query((rs, i) -> new Stored(rs.getString(1), rs.getString(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(),
                            (Integer) rs.getObject(4), rs.getString(5)))
                    .single();
            if (!stored.hash().equals(hash)) {
                throw new DomainException("idempotency-key-reused", 422,
                        "Idempotency-Key '" + key + "' was already used with a different request.");
            }
            if ("COMPLETE".equals(stored.state())) {
                return new Replay(replay(stored));
            }
            if (stored.lockedUntil() != null && stored.lockedUntil().isAfter(now)) {
                throw new DomainException("idempotency-key-in-flight", 409,
                        "A request with Idempotency-Key '" + key + "' is still being processed; retry later.");
            }
            jdbc.sql("update idempotency_key set locked_until = :lockedUntil where principal = :principal and key = :key")
                    .param("lockedUntil", java.sql.Timestamp.from(now.plus(LEASE)))
                    .param("principal", principal).param("key", key).update();
            return new Owned(principal, key);
        });
    }

    /** Stores the response; call inside the transaction that makes the request's effects durable. */
    public void completeInCurrentTransaction(Owned owned, int status, Object body) {
        String text = body == null ? null : json.writeValueAsString(body);
        jdbc.sql("""
                update idempotency_key set state = 'COMPLETE', response_status = :status, response_body = :body,
                       response_type = :type, locked_until = null
                where principal = :principal and key = :key""")
                .param("status", status).param("body", text)
                .param("type", body instanceof ProblemDetail ? MediaType.APPLICATION_PROBLEM_JSON_VALUE : MediaType.APPLICATION_JSON_VALUE)
                .param("principal", owned.principal()).param("key", owned.key())
                .update();
    }

    /** A business refusal is a final answer too: store it so a retry gets the same refusal. */
    public void failed(Owned owned, DomainException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(org.springframework.http.HttpStatusCode.valueOf(e.status()), e.getMessage());
        pd.setType(java.net.URI.create(io.tributary.shared.web.Problems.TYPE_BASE + e.slug()));
        pd.setTitle(io.tributary.shared.web.Problems.titleFor(e.slug()));
        io.tributary.shared.web.Problems.withErrors(pd, e.errors());
        e.properties().forEach(pd::setProperty);
        newTx.executeWithoutResult(s -> completeInCurrentTransaction(owned, e.status(), pd));
    }

    /** Nothing was decided (an infrastructure failure): free the key so a retry runs again. */
    public void release(Owned owned) {
        try {
            newTx.executeWithoutResult(s -> jdbc.sql("delete from idempotency_key where principal = :principal and key = :key and state = 'IN_PROGRESS'")
                    .param("principal", owned.principal()).param("key", owned.key()).update());
        } catch (RuntimeException ignored) {
            // The lease expires by itself when the database cannot be reached.
        }
    }

    private ResponseEntity<Object> replay(Stored stored) {
        Object body = stored.body() == null ? null : json.readValue(stored.body(), Object.class);
        boolean problem = stored.status() >= 400;
        return ResponseEntity.status(stored.status())
                .header("Idempotent-Replayed", "true")
                .contentType(problem ? MediaType.APPLICATION_PROBLEM_JSON : MediaType.APPLICATION_JSON)
                .body(body);
    }

    private String hash(String operation, Object request) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(operation.getBytes(StandardCharsets.UTF_8));
            digest.update((byte) 0);
            digest.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void validateKey(String key) {
        if (key.isBlank() || key.length() > 255) {
            throw new io.tributary.shared.ValidationFailed(HEADER, "must be 1 to 255 characters");
        }
    }


    private record Stored(String hash, String state, Instant lockedUntil, Integer status, String body) {
    }

}
