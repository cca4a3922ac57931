package io.tributary.procurement.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.procurement.Procurement;
import io.tributary.procurement.PutSupplier;
import io.tributary.procurement.PutSupplierItem;
import io.tributary.procurement.Supplier;
import io.tributary.procurement.SupplierCode;
import io.tributary.procurement.SupplierItem;
import io.tributary.procurement.domain.OrderAmounts;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.web.ETags;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
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
 * Suppliers: {@code PUT /suppliers/{code}} creates (201) or replaces (200) a supplier's terms
 * ({@code If-Match} with the ETag of a GET: 412 on a stale version), {@code GET} one or a page;
 * {@code PUT /suppliers/{code}/items/{sku}} sets its terms for one item and {@code GET
 * /suppliers/{code}/items} lists them.
 */
@RestController
@RequestMapping("/api/v1/suppliers")
class SupplierController {

    private final Procurement procurement;

    SupplierController(Procurement procurement) {
        this.procurement = procurement;
    }

    /** The body of {@code PUT /suppliers/{code}}; {@code minOrderQuantity} is optional (total units). */
    record PutSupplierRequest(
            @NotBlank @Size(max = 200, message = "must be 1 to 200 characters") String name,
            @NotNull String currency,
            @NotNull @Min(0) @Max(3650) Integer leadTimeDays,
            @NotNull @DecimalMin("0") BigDecimal minOrderValue,
            @Min(1) Long minOrderQuantity,
            @NotBlank @Size(max = 100, message = "must be 1 to 100 characters") String paymentTerms,
            @NotBlank @Size(max = 20, message = "must be 1 to 20 characters") String incoterms,
            @Pattern(regexp = "[A-Za-z0-9 ]{0,15}", message = "must be at most 15 letters, digits or spaces") String ediId) {
    }

    record SupplierResponse(String code, String name, String currency, int leadTimeDays,
                            @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal minOrderValue, Long minOrderQuantity,
                            String paymentTerms, String incoterms, String ediId, long version, Instant createdAt, String createdBy,
                            Instant updatedAt, String updatedBy) {

        static SupplierResponse of(Supplier s) {
            return new SupplierResponse(s.code().value(), s.name(), s.currency().getCurrencyCode(), s.leadTimeDays(), s.minOrderValue(),
                    s.minOrderQuantity(), s.paymentTerms(), s.incoterms(), s.ediId(), s.version(), s.createdAt(), s.createdBy(), s.updatedAt(),
                    s.updatedBy());
        }
    }

    record SupplierList(List<SupplierResponse> items, String nextCursor) {
    }

    /** The body of {@code PUT /suppliers/{code}/items/{sku}}; {@code leadTimeDays} overrides the supplier's, null for none. */
    record PutItemRequest(
            @NotBlank @Size(max = 64, message = "must be 1 to 64 characters") String supplierSku,
            @NotNull @DecimalMin("0") BigDecimal unitCost,
            @NotNull @Min(1) Long casePack,
            @NotNull @Min(0) Long minOrderQuantity,
            @Min(0) @Max(3650) Integer leadTimeDays,
            @NotNull Boolean primary) {
    }

    record ItemList(List<SupplierItem> items) {
    }

    @PutMapping("/{code}")
    ResponseEntity<SupplierResponse> put(@PathVariable String code, @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PutSupplierRequest body) {
        SupplierCode supplierCode = SupplierCode.parse(code, "code");
        List<FieldError> errors = new ArrayList<>();
        Currency currency = currency(body.currency(), errors);
        if (body.minOrderValue().scale() > 4) {
            errors.add(new FieldError("minOrderValue", "must have at most 4 decimals"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        Procurement.Saved<Supplier> saved = procurement.putSupplier(new PutSupplier(supplierCode, body.name().strip(), currency,
                body.leadTimeDays(), body.minOrderValue(), body.minOrderQuantity(), body.paymentTerms().strip(), body.incoterms().strip(),
                body.ediId() == null || body.ediId().isBlank() ? null : body.ediId().strip()),
                ETags.ifMatch(ifMatch), CurrentActor.get());
        ResponseEntity.BodyBuilder response = saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/suppliers/" + supplierCode.value()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(saved.value().version())).body(SupplierResponse.of(saved.value()));
    }

    @GetMapping("/{code}")
    ResponseEntity<SupplierResponse> get(@PathVariable String code) {
        SupplierCode supplierCode = SupplierCode.parse(code, "code");
        Supplier s = procurement.supplier(supplierCode).orElseThrow(() -> new NotFound("Supplier", supplierCode.value()));
        return ResponseEntity.ok().eTag(ETags.of(s.version())).body(SupplierResponse.of(s));
    }

    @GetMapping
    SupplierList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Page<Supplier> page = procurement.suppliers(cursor, limit);
        return new SupplierList(page.items().stream().map(SupplierResponse::of).toList(), page.nextCursor());
    }

    @PutMapping("/{code}/items/{sku}")
    ResponseEntity<SupplierItem> putItem(@PathVariable String code, @PathVariable String sku, @Valid @RequestBody PutItemRequest body) {
        SupplierCode supplierCode = SupplierCode.parse(code, "code");
        Sku itemSku = Sku.parse(sku, "sku");
        if (body.unitCost().scale() > OrderAmounts.UNIT_COST_SCALE) {
            throw new ValidationFailed("unitCost", "must have at most " + OrderAmounts.UNIT_COST_SCALE + " decimals");
        }
        Procurement.Saved<SupplierItem> saved = procurement.putItem(new PutSupplierItem(supplierCode, itemSku, body.supplierSku().strip(),
                body.unitCost(), body.casePack(), body.minOrderQuantity(), body.leadTimeDays(), body.primary()), CurrentActor.get());
        return ResponseEntity.status(saved.created() ? HttpStatus.CREATED : HttpStatus.OK).body(saved.value());
    }

    @GetMapping("/{code}/items")
    ItemList items(@PathVariable String code) {
        return new ItemList(procurement.items(SupplierCode.parse(code, "code")));
    }

    /** An ISO 4217 code in upper case, e.g. EUR; adds an error naming {@code currency} otherwise. */
    static Currency currency(String code, List<FieldError> errors) {
        try {
            Currency c = Currency.getInstance(code);
            if (code.equals(code.toUpperCase(Locale.ROOT))) {
                return c;
            }
        } catch (IllegalArgumentException | NullPointerException e) {
            // reported below
        }
        errors.add(new FieldError("currency", "must be an ISO 4217 code such as EUR"));
        return null;
    }
}
