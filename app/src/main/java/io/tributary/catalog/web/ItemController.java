package io.tributary.catalog.web;

import io.tributary.shared.web.ETags;
import io.tributary.catalog.CatalogService;
import io.tributary.catalog.Item;
import io.tributary.catalog.ItemDetails;
import io.tributary.catalog.PutItem;
import io.tributary.catalog.Sku;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Items: {@code PUT /items/{sku}} creates (201) or replaces (200) an item, {@code GET} reads one or a page.
 * Responses carry the version as ETag;
 * a PUT with {@code If-Match} fails with 412 unless it names the current version.
 */
@RestController
@RequestMapping("/api/v1/items")
class ItemController {

    private final CatalogService catalog;

    ItemController(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The body of {@code PUT /items/{sku}}; absent pack sizes default to 1, absent flags to false. */
    record PutItemRequest(
            @NotBlank @Size(max = 200, message = "must be 1 to 200 characters") String name,
            @Min(1) @Max(100_000) Integer unitsPerCase,
            @Min(1) @Max(10_000) Integer casesPerPallet,
            Boolean inspectionRequired,
            Boolean lotTracked,
            @Size(max = 100, message = "may list at most 100 components") List<@NotNull @Valid ComponentRequest> components) {
    }

    record ComponentRequest(@NotNull String sku, @NotNull @Min(1) @Max(100_000) Integer quantity) {
    }

    record ComponentResponse(String sku, long quantity) {
    }

    record ItemResponse(String sku, String name, int unitsPerCase, int casesPerPallet, boolean inspectionRequired,
                        boolean lotTracked, List<ComponentResponse> components, boolean kit, long version,
                        Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static ItemResponse of(ItemDetails d) {
            Item i = d.item();
            return new ItemResponse(i.sku().value(), i.name(), i.unitsPerCase(), i.casesPerPallet(), i.inspectionRequired(),
                    i.lotTracked(), i.components().stream().map(c -> new ComponentResponse(c.sku().value(), c.quantity())).toList(),
                    i.isKit(), i.version(), d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy());
        }
    }

    record ItemList(List<ItemResponse> items, String nextCursor) {
    }

    @PutMapping("/{sku}")
    ResponseEntity<ItemResponse> put(@PathVariable("sku") String path,
                                     @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                     @Valid @RequestBody PutItemRequest body) {
        Sku sku = Sku.parse(path, "sku");
        List<PutItem.ComponentLine> components = new ArrayList<>();
        List<ComponentRequest> requested = body.components() == null ? List.of() : body.components();
        for (int i = 0; i < requested.size(); i++) {
            ComponentRequest c = requested.get(i);
            components.add(new PutItem.ComponentLine(Sku.parse(c.sku(), "components[" + i + "].sku"), c.quantity()));
        }
        PutItem command = new PutItem(sku, body.name(), orOne(body.unitsPerCase()), orOne(body.casesPerPallet()),
                Boolean.TRUE.equals(body.inspectionRequired()), Boolean.TRUE.equals(body.lotTracked()), components);
        CatalogService.Saved saved = catalog.put(command, ETags.ifMatch(ifMatch));
        ResponseEntity.BodyBuilder response = saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/items/" + sku.value()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(saved.item().item().version())).body(ItemResponse.of(saved.item()));
    }

    @GetMapping("/{sku}")
    ResponseEntity<ItemResponse> get(@PathVariable("sku") String path) {
        Sku sku = Sku.parse(path, "sku");
        ItemDetails item = catalog.details(sku).orElseThrow(() -> new NotFound("Item", sku.value()));
        return ResponseEntity.ok().eTag(ETags.of(item.item().version())).body(ItemResponse.of(item));
    }

    @GetMapping
    ItemList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Page<ItemDetails> page = catalog.list(cursor, Page.limit(limit));
        return new ItemList(page.items().stream().map(ItemResponse::of).toList(), page.nextCursor());
    }

    private static int orOne(Integer value) {
        return value == null ? 1 : value;
    }
}
