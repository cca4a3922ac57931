package io.tributary.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

/**
 * A thin HTTP/1.1 client for the app on 127.0.0.1. Every call has a time-out. Load is spread over
 * several {@link HttpClient}s so a single selector thread is not the load generator's bottleneck.
 */
final class Api {

    static final ObjectMapper JSON = JsonMapper.builder().build();
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    record Resp(int status, String body) {
        JsonNode json() {
            return JSON.readTree(body);
        }
    }

    /** A call that answered with an unexpected status, or did not answer. */
    static final class CallFailed extends RuntimeException {
        CallFailed(String message) {
            super(message);
        }

        CallFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final String base;
    private final HttpClient[] clients;
    private final AtomicInteger next = new AtomicInteger();

    Api(int port, int clientCount) {
        this.base = "http://127.0.0.1:" + port;
        this.clients = new HttpClient[clientCount];
        for (int i = 0; i < clientCount; i++) {
            clients[i] = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .executor(Executors.newVirtualThreadPerTaskExecutor())
                    .build();
        }
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    static String bearer(String token) {
        return "Bearer " + token;
    }

    String base() {
        return base;
    }

    HttpClient client(int index) {
        return clients[Math.floorMod(index, clients.length)];
    }

    HttpRequest get(String path, String auth, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout).GET()
                .header("Accept", "application/json");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    HttpRequest post(String path, String auth, String json, Duration timeout) {
        return body("POST", path, auth, json, timeout);
    }

    HttpRequest put(String path, String auth, String json, Duration timeout) {
        return body("PUT", path, auth, json, timeout);
    }

    private HttpRequest body(String method, String path, String auth, String json, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(timeout)
                .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json");
        if (auth != null) {
            b.header("Authorization", auth);
        }
        return b.build();
    }

    /** Sends on one of the clients (round robin); I/O problems and time-outs become {@link CallFailed}. */
    Resp send(HttpRequest request) {
        return send(next.getAndIncrement(), request);
    }

    Resp send(int clientIndex, HttpRequest request) {
        try {
            HttpResponse<String> r = client(clientIndex).send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Resp(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new CallFailed(request.method() + " " + request.uri().getPath() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CallFailed(request.method() + " " + request.uri().getPath() + " interrupted", e);
        }
    }

    /** Sends and insists on one of the expected statuses; the error names the call and shows the body. */
    Resp expect(HttpRequest request, int... statuses) {
        Resp r = send(request);
        for (int s : statuses) {
            if (r.status() == s) {
                return r;
            }
        }
        throw new CallFailed(request.method() + " " + request.uri().getRawPath()
                + (request.uri().getRawQuery() == null ? "" : "?" + abbreviate(request.uri().getRawQuery(), 120))
                + " answered " + r.status() + " (expected " + java.util.Arrays.toString(statuses) + "): " + abbreviate(r.body(), 600));
    }

    static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        s = s.replace('\n', ' ');
        return s.length() <= max ? s : s.substring(0, max) + "...(" + s.length() + " chars)";
    }
}
