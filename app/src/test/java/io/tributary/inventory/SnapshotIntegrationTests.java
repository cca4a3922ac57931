package io.tributary.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.support.Api;
import io.tributary.support.Fixtures;
import io.tributary.support.IntegrationTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class SnapshotIntegrationTests extends IntegrationTest {

    @Test
    void jsonSnapshotBecomesSnapshotAdjustmentsWithAVarianceReport() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.location();
        f.stock(a, loc, 10);
        f.stock(b, loc, 4);
        Instant asOf = Instant.now();

        JsonNode report = snapshot(api, loc, asOf, line(a, 7), line(b, 9)).expect(201).json();

        assertThat(report.path("adjusted").asInt()).isEqualTo(2);
        assertThat(report.path("unitsAdded").asLong()).isEqualTo(5);
        assertThat(report.path("unitsRemoved").asLong()).isEqualTo(3);
        JsonNode va = variance(report, a);
        assertThat(va.path("expected").asLong()).isEqualTo(10);
        assertThat(va.path("reported").asLong()).isEqualTo(7);
        assertThat(va.path("variance").asLong()).isEqualTo(-3);
        JsonNode vb = variance(report, b);
        assertThat(vb.path("expected").asLong()).isEqualTo(4);
        assertThat(vb.path("reported").asLong()).isEqualTo(9);
        assertThat(vb.path("variance").asLong()).isEqualTo(5);
        assertThat(CountIntegrationTests.onHand(api, a)).isEqualTo(7);
        assertThat(CountIntegrationTests.onHand(api, b)).isEqualTo(9);
        JsonNode newest = api.get("/inventory/" + a + "/movements").expect(200).json().path("items").get(0);
        assertThat(newest.path("type").asString()).isEqualTo("SNAPSHOT");
        assertThat(newest.path("quantity").asLong()).isEqualTo(-3);
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void skusWithStockButAbsentFromTheFileGoToZero() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String listed = f.item();
        String absent = f.item();
        String loc = f.location();
        f.stock(listed, loc, 3);
        f.stock(absent, loc, 6);

        JsonNode report = snapshot(api, loc, Instant.now(), line(listed, 3)).expect(201).json();

        assertThat(report.path("adjusted").asInt()).isEqualTo(1);
        JsonNode v = variance(report, absent);
        assertThat(v.path("expected").asLong()).isEqualTo(6);
        assertThat(v.path("reported").asLong()).isZero();
        assertThat(v.path("variance").asLong()).isEqualTo(-6);
        assertThat(CountIntegrationTests.onHand(api, absent)).isZero();
        assertThat(CountIntegrationTests.onHand(api, listed)).isEqualTo(3);
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void sendingTheSameSnapshotTwiceChangesNothingTheSecondTime() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        f.stock(sku, loc, 10);
        Instant asOf = Instant.now();

        snapshot(api, loc, asOf, line(sku, 8)).expect(201);
        int movements = movementCount(api, sku);
        JsonNode second = snapshot(api, loc, asOf, line(sku, 8)).expect(201).json();

        assertThat(second.path("adjusted").asInt()).isZero();
        assertThat(second.path("variances")).isEmpty();
        assertThat(movementCount(api, sku)).isEqualTo(movements);
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(8);
    }

    @Test
    void aSnapshotOlderThanTheLastAppliedIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Instant now = Instant.now();
        snapshot(api, loc, now.minus(1, ChronoUnit.MINUTES), line(sku, 5)).expect(201);

        Api.Response stale = snapshot(api, loc, now.minus(10, ChronoUnit.MINUTES), line(sku, 99)).expect(409);

        assertThat(stale.problemSlug()).isEqualTo("stale-snapshot");
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(5);
    }

    @Test
    void movementsAfterAsOfArePreserved() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Instant now = Instant.now();
        // Book: 12 as of ten minutes ago, then 2 units shipped just now (after the next file was cut).
        snapshot(api, loc, now.minus(10, ChronoUnit.MINUTES), line(sku, 12)).expect(201);
        api.post("/inventory/adjustments", Map.of("sku", sku, "location", loc, "quantity", -2, "reason", "DAMAGED")).expect(201);

        // The node's file as of a minute ago says 10: it was cut before the -2, so 10 - 2 = 8 now.
        JsonNode report = snapshot(api, loc, now.minus(1, ChronoUnit.MINUTES), line(sku, 10)).expect(201).json();

        JsonNode v = variance(report, sku);
        assertThat(v.path("expected").asLong()).isEqualTo(12);
        assertThat(v.path("reported").asLong()).isEqualTo(10);
        assertThat(v.path("variance").asLong()).isEqualTo(-2);
        assertThat(CountIntegrationTests.onHand(api, sku)).isEqualTo(8);
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void csvBodyIsReconciled() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.location();
        f.stock(a, loc, 1);

        String csv = "sku,quantity\n" + a + ",4\n" + b + ",2\n";
        JsonNode report = api.send("POST", "/inventory/snapshots?location=" + loc + "&asOf=" + enc(Instant.now()), csv, "text/csv")
                .expect(201).json();

        assertThat(report.path("linesReceived").asInt()).isEqualTo(2);
        assertThat(report.path("adjusted").asInt()).isEqualTo(2);
        assertThat(CountIntegrationTests.onHand(api, a)).isEqualTo(4);
        assertThat(CountIntegrationTests.onHand(api, b)).isEqualTo(2);
    }

    @Test
    void csvColumnsMayComeInAnyOrder() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.location();
        String csv = "quantity,sku\r\n7," + a + "\r\n";
        api.send("POST", "/inventory/snapshots?location=" + loc + "&asOf=" + enc(Instant.now()), csv, "text/csv").expect(201);
        assertThat(CountIntegrationTests.onHand(api, a)).isEqualTo(7);
    }

    @Test
    void multipartUploadIsReconciled() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String loc = f.location();
        f.stock(a, loc, 9);

        String boundary = "----tributary" + UUID.randomUUID();
        String body = "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"location\"\r\n\r\n" + loc + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"asOf\"\r\n\r\n" + Instant.now() + "\r\n"
                + "--" + boundary + "\r\n"
                + "Content-Disposition: form-data; name=\"file\"; filename=\"stock.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n"
                + "sku,quantity\n" + a + ",3\n\r\n"
                + "--" + boundary + "--\r\n";
        HttpResponse<String> r = postRaw("/api/v1/inventory/snapshots", body, "multipart/form-data; boundary=" + boundary);

        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(CountIntegrationTests.onHand(api, a)).isEqualTo(3);
        CountIntegrationTests.assertConsistent(api);
    }

    @Test
    void csvErrorsNameTheLine() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String a = f.item();
        String b = f.item();
        String loc = f.location();
        f.stock(a, loc, 2);
        String csv = "sku,quantity\n" + a + ",4\n" + b + ",four\n" + b + ",-1\n";

        Api.Response r = api.send("POST", "/inventory/snapshots?location=" + loc + "&asOf=" + enc(Instant.now()), csv, "text/csv")
                .expect(400);

        assertThat(r.errorFields()).containsExactly("line 3.quantity", "line 4.quantity");
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(CountIntegrationTests.onHand(api, a)).isEqualTo(2);
    }

    @Test
    void csvWithoutTheRequiredColumnsIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String loc = f.location();
        Api.Response r = api.send("POST", "/inventory/snapshots?location=" + loc + "&asOf=" + enc(Instant.now()), "code,qty\nA,1\n", "text/csv")
                .expect(400);
        assertThat(r.errorFields()).containsExactly("file");
    }

    @Test
    void asOfInTheFutureIsRefused() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location();
        Api.Response r = snapshot(api, loc, Instant.now().plus(2, ChronoUnit.HOURS), line(sku, 1)).expect(400);
        assertThat(r.errorFields()).containsExactly("asOf");
        assertThat(api.get("/inventory/" + sku + "/movements").expect(200).json().path("items")).isEmpty();
    }

    @Test
    void aSnapshotMakesAStaleLocationFresh() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location("PT1H", 50);
        f.stock(sku, loc, 4);
        assertThat(confidence(api, sku)).isEqualTo("STALE");

        snapshot(api, loc, Instant.now(), line(sku, 4)).expect(201);

        assertThat(confidence(api, sku)).isEqualTo("FRESH");
    }

    @Test
    void aSnapshotOlderThanStaleAfterLeavesTheLocationStale() {
        Api api = admin();
        Fixtures f = new Fixtures(api);
        String sku = f.item();
        String loc = f.location("PT1H", 50);

        snapshot(api, loc, Instant.now().minus(2, ChronoUnit.HOURS), line(sku, 4)).expect(201);

        JsonNode balance = api.get("/inventory/" + sku).expect(200).json().path("locations").get(0);
        assertThat(balance.path("onHand").asLong()).isEqualTo(4);
        assertThat(balance.path("confidence").asString()).isEqualTo("STALE");
        assertThat(balance.path("lastSyncedAt").isMissingNode()).isFalse();
    }

    // ------------------------------------------------------------------ helpers

    static Map<String, Object> line(String sku, long quantity) {
        return Map.of("sku", sku, "quantity", quantity);
    }

    @SafeVarargs
    static Api.Response snapshot(Api api, String location, Instant asOf, Map<String, Object>... lines) {
        return api.post("/inventory/snapshots", Map.of("location", location, "asOf", asOf.toString(), "lines", List.of(lines)));
    }

    static JsonNode variance(JsonNode report, String sku) {
        for (JsonNode v : report.path("variances")) {
            if (v.path("sku").asString().equals(sku)) {
                return v;
            }
        }
        throw new AssertionError("no variance for " + sku + " in " + report);
    }

    static int movementCount(Api api, String sku) {
        return api.get("/inventory/" + sku + "/movements").expect(200).json().path("items").size();
    }

    static String confidence(Api api, String sku) {
        return api.get("/inventory/" + sku).expect(200).json().path("locations").get(0).path("confidence").asString();
    }

    static String enc(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> postRaw(String path, String body, String contentType) {
        String auth = "Basic " + Base64.getEncoder().encodeToString(("admin:" + Api.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", auth)
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        try {
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
