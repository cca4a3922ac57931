package io.tributary.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small HTTP client for tests: real requests against the running application, JSON in and out.
 * Paths are relative to {@code /api/v1} unless they start with {@code /actuator} or {@code /v3}.
 */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-password-for-tests";
    public static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final AtomicLong SEQ = new AtomicLong();

    private final int port;
    private final String authorization;
    private final Map<String, String> headers;

    public Api(int port, String authorization) {
        this(port, authorization, Map.of());
    }

    private Api(int port, String authorization, Map<String, String> headers) {
        this.port = port;
        this.authorization = authorization;
        this.headers = headers;
    }

    public static Api basic(int port, String user, String password) {
        return new Api(port, "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    public static Api bearer(int port, String token) {
        return new Api(port, "Bearer " + token);
    }

    /** A name no other test uses: {@code prefix-<n>-<random>}. */
    public static String unique(String prefix) {
        return prefix + "-" + SEQ.incrementAndGet() + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** The same client with one more request header. */
    public Api header(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new Api(port, authorization, copy);
    }

    /** Creates an API key with this (admin) client and returns a client that uses it. */
    public Api withKey(String role, String channel) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", unique("key-" + role.toLowerCase()));
        body.put("role", role);
        if (channel != null) {
            body.put("channel", channel);
        }
        Response r = post("/api-keys", body);
        r.expect(201);
        return bearer(port, r.json().get("token").asString());
    }

    public Response get(String path) {
        return send("GET", path, null, null);
    }

    public Response post(String path, Object body) {
        return send("POST", path, body, "application/json");
    }

    public Response put(String path, Object body) {
        return send("PUT", path, body, "application/json");
    }

    public Response delete(String path) {
        return send("DELETE", path, null, null);
    }

    /** Sends a raw body with the given content type (malformed JSON, CSV, oversized bodies). */
    public Response send(String method, String path, Object body, String contentType) {
        String uri = "http://localhost:" + port + (path.startsWith("/actuator") || path.startsWith("/v3") || path.startsWith("/swagger")
                ? path : "/api/v1" + path);
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(uri)).timeout(Duration.ofSeconds(60));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        headers.forEach(b::header);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            String text = body instanceof String s ? s : JSON.writeValueAsString(body);
            b.header("Content-Type", contentType);
            b.method(method, HttpRequest.BodyPublishers.ofString(text));
        }
        try {
            HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A response with its JSON parsed on demand. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public JsonNode json() {
            return raw.body() == null || raw.body().isEmpty() ? JSON.nullNode() : JSON.readTree(raw.body());
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        /** Fails with the body in the message when the status is not the expected one. */
        public Response expect(int status) {
            if (raw.statusCode() != status) {
                throw new AssertionError("expected HTTP " + status + " but got " + raw.statusCode() + " for "
                        + raw.request().method() + " " + raw.request().uri() + ": " + raw.body());
            }
            return this;
        }

        /** The problem type's slug, e.g. {@code insufficient-stock}. */
        public String problemSlug() {
            String type = json().path("type").asString("");
            return type.substring(type.lastIndexOf('/') + 1);
        }

        /** The fields named in a validation problem's {@code errors}. */
        public java.util.List<String> errorFields() {
            java.util.List<String> fields = new java.util.ArrayList<>();
            json().path("errors").forEach(e -> fields.add(e.path("field").asString()));
            return fields;
        }
    }
}
