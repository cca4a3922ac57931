package io.tributary.inventory.web;

import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.inventory.Commands;
import io.tributary.inventory.Commands.ReconcileSnapshot;
import io.tributary.inventory.Commands.SnapshotLine;
import io.tributary.inventory.Inventory;
import io.tributary.network.LocationCode;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * Snapshot reconciliation: a node's full stock file as JSON, as a CSV body
 * ({@code text/csv} with {@code ?location=&asOf=}), or as a CSV file upload (multipart fields
 * {@code file}, {@code location}, {@code asOf}). The CSV has a header row naming the columns
 * {@code sku} and {@code quantity}, in any order.
 */
@RestController
@RequestMapping("/api/v1/inventory/snapshots")
class SnapshotController {

    static final int MAX_LINES = 200_000;

    private final Inventory inventory;
    private final Idempotency idempotency;

    SnapshotController(Inventory inventory, Idempotency idempotency) {
        this.inventory = inventory;
        this.idempotency = idempotency;
    }

    record SnapshotRequest(@NotNull String location, @NotNull Instant asOf,
                           @NotNull @Size(max = MAX_LINES) List<@Valid @NotNull SnapshotLineRequest> lines) {
    }

    record SnapshotLineRequest(@NotNull String sku, @NotNull Long quantity) {
    }

    @PostMapping(consumes = "application/json")
    ResponseEntity<Object> json(@Valid @RequestBody SnapshotRequest body,
                                @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        LocationCode location = LocationCode.parse(body.location(), "location");
        List<FieldError> errors = new ArrayList<>();
        List<SnapshotLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            SnapshotLineRequest l = body.lines().get(i);
            line(l.sku(), l.quantity(), "lines[" + i + "]", lines, errors);
        }
        return run(new ReconcileSnapshot(location, body.asOf(), lines), errors, key, body);
    }

    @PostMapping(consumes = "text/csv")
    ResponseEntity<Object> csv(@RequestParam String location, @RequestParam String asOf, InputStream body,
                               @RequestHeader(value = Idempotency.HEADER, required = false) String key) throws IOException {
        return fromCsv(location, asOf, body, key);
    }

    @PostMapping(consumes = "multipart/form-data")
    ResponseEntity<Object> upload(@RequestPart("file") MultipartFile file, @RequestParam String location, @RequestParam String asOf,
                                  @RequestHeader(value = Idempotency.HEADER, required = false) String key) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return fromCsv(location, asOf, in, key);
        }
    }

    private ResponseEntity<Object> fromCsv(String locationText, String asOfText, InputStream in, String key) throws IOException {
        LocationCode location = LocationCode.parse(locationText, "location");
        Instant asOf;
        try {
            asOf = Instant.parse(asOfText);
        } catch (DateTimeParseException e) {
            throw new ValidationFailed("asOf", "must be an RFC 3339 timestamp such as 2026-11-24T06:00:00Z");
        }
        List<FieldError> errors = new ArrayList<>();
        List<SnapshotLine> lines = new ArrayList<>();
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String header = reader.readLine();
        if (header == null) {
            throw new ValidationFailed("file", "is empty; expected a header row with sku and quantity");
        }
        String[] columns = header.replace("\uFEFF", "").split(",", -1);
        int skuColumn = -1;
        int quantityColumn = -1;
        for (int i = 0; i < columns.length; i++) {
            String c = columns[i].trim().replace("\"", "").toLowerCase();
            if (c.equals("sku")) {
                skuColumn = i;
            } else if (c.equals("quantity") || c.equals("qty")) {
                quantityColumn = i;
            }
        }
        if (skuColumn < 0 || quantityColumn < 0) {
            throw new ValidationFailed("file", "the header row must name the columns sku and quantity");
        }
        String row;
        int lineNo = 1;
        while ((row = reader.readLine()) != null) {
            lineNo++;
            if (row.isBlank()) {
                continue;
            }
            String[] cells = row.split(",", -1);
            String field = "line " + lineNo;
            if (cells.length <= Math.max(skuColumn, quantityColumn)) {
                errors.add(new FieldError(field, "has " + cells.length + " columns; the header has " + columns.length));
                continue;
            }
            Long quantity;
            try {
                quantity = Long.parseLong(cells[quantityColumn].trim().replace("\"", ""));
            } catch (NumberFormatException e) {
                errors.add(new FieldError(field + ".quantity", "must be a whole number"));
                continue;
            }
            line(cells[skuColumn].trim().replace("\"", ""), quantity, field, lines, errors);
            if (lines.size() > MAX_LINES) {
                throw new ValidationFailed("file", "has more than " + MAX_LINES + " lines");
            }
            if (errors.size() >= 100) {
                break;
            }
        }
        ReconcileSnapshot command = new ReconcileSnapshot(location, asOf, lines);
        return run(command, errors, key, Map.of("location", locationText, "asOf", asOfText, "lines", lines.stream()
                .map(l -> l.sku().value() + "=" + l.quantity()).toList()));
    }

    private static void line(String sku, Long quantity, String field, List<SnapshotLine> lines, List<FieldError> errors) {
        if (!Sku.isValid(sku)) {
            errors.add(new FieldError(field + ".sku", "is not a valid SKU"));
        } else if (quantity < 0 || quantity > Commands.MAX_QUANTITY) {
            errors.add(new FieldError(field + ".quantity", "must be between 0 and " + Commands.MAX_QUANTITY));
        } else {
            lines.add(new SnapshotLine(new Sku(sku), quantity));
        }
    }

    private ResponseEntity<Object> run(ReconcileSnapshot command, List<FieldError> errors, String key, Object request) {
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        var actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "inventory.snapshot", request,
                () -> ResponseEntity.status(HttpStatus.CREATED).body(inventory.reconcile(command, actor)));
    }
}
