package io.tributary.integration;

import com.sun.net.httpserver.HttpServer;
import io.tributary.support.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.function.Predicate;
import tools.jackson.databind.JsonNode;

/**
 * A webhook subscriber for tests: a JDK HTTP server on a loopback port that records every request
 * (raw body, headers, parsed JSON) and answers with the status its responder chooses.
 */
final class Subscriber implements AutoCloseable {

    /** One request as received. */
    record Received(byte[] raw, Map<String, String> headers, JsonNode json, Instant at, int answered) {

        String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }

        String eventId() {
            return json.path("id").asString();
        }

        String aggregateId() {
            return json.path("aggregateId").asString();
        }

        String type() {
            return json.path("type").asString();
        }

        /** The first SKU of an {@code inventory.changed} event. */
        String sku() {
            return json.path("data").path("skus").path(0).asString();
        }
    }

    private final int port;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<JsonNode, Integer> responder = body -> 200;
    private HttpServer server;

    private Subscriber(int port) {
        this.port = port;
    }

    /** A running subscriber on a free port. */
    static Subscriber start() {
        Subscriber s = new Subscriber(0);
        s.listen();
        return s;
    }

    /** A subscriber on a free port that is not listening yet: connections are refused until {@link #listen()}. */
    static Subscriber down() {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return new Subscriber(probe.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Subscriber answering(Function<JsonNode, Integer> responder) {
        this.responder = responder;
        return this;
    }

    synchronized Subscriber listen() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new TreeMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.getFirst()));
            JsonNode json = Api.JSON.readTree(raw);
            int status = responder.apply(json);
            received.add(new Received(raw, headers, json, Instant.now(), status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
        return this;
    }

    String url() {
        return "http://127.0.0.1:" + (server == null ? port : server.getAddress().getPort()) + "/hooks/tributary";
    }

    /** Requests received so far that match {@code filter}, in arrival order. */
    List<Received> received(Predicate<Received> filter) {
        List<Received> result = new ArrayList<>();
        for (Received r : received) {
            if (filter.test(r)) {
                result.add(r);
            }
        }
        return result;
    }

    /** Requests about one aggregate, in arrival order. */
    List<Received> about(String aggregateId) {
        return received(r -> aggregateId.equals(r.aggregateId()));
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
    }
}
