package io.tributary.network.web;

import io.tributary.shared.web.ETags;
import io.tributary.network.Capability;
import io.tributary.network.Location;
import io.tributary.network.LocationCode;
import io.tributary.network.LocationDetails;
import io.tributary.network.LocationType;
import io.tributary.network.NetworkService;
import io.tributary.network.PutLocation;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
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
 * Locations: {@code PUT /locations/{code}} creates (201) or replaces (200) a location, {@code GET} reads
 * one or a page. Responses carry the version as ETag; a PUT with {@code If-Match} fails with 412 unless
 * it names the current version.
 */
@RestController
@RequestMapping("/api/v1/locations")
class LocationController {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Duration MAX_STALE_AFTER = Duration.ofDays(3650);

    private final NetworkService network;

    LocationController(NetworkService network) {
        this.network = network;
    }

    /**
     * The body of {@code PUT /locations/{code}}. {@code staleAfter} is an ISO-8601 duration (null: never
     * stale); {@code staleBufferPercent} defaults to 0 and {@code active} to true.
     */
    record PutLocationRequest(
            @NotBlank @Size(max = 200, message = "must be 1 to 200 characters") String name,
            @NotNull LocationType type,
            @NotNull String country,
            @Size(max = 20, message = "must be at most 20 characters") String postalCode,
            @DecimalMin("-90") @DecimalMax("90") BigDecimal latitude,
            @DecimalMin("-180") @DecimalMax("180") BigDecimal longitude,
            List<@NotNull Capability> capabilities,
            @Min(0) Integer dailyOrderCapacity,
            Duration staleAfter,
            @Min(0) @Max(100) Integer staleBufferPercent,
            Boolean active) {
    }

    record LocationResponse(String code, String name, LocationType type, String country, String postalCode,
                            BigDecimal latitude, BigDecimal longitude, List<Capability> capabilities,
                            Integer dailyOrderCapacity, String staleAfter, int staleBufferPercent, boolean active,
                            long version, Instant createdAt, String createdBy, Instant updatedAt, String updatedBy) {

        static LocationResponse of(LocationDetails d) {
            Location l = d.location();
            return new LocationResponse(l.code().value(), l.name(), l.type(), l.country(), l.postalCode(), l.latitude(),
                    l.longitude(), l.capabilities().stream().sorted().toList(), l.dailyOrderCapacity(),
                    l.staleAfter() == null ? null : l.staleAfter().toString(), l.staleBufferPercent(), l.active(),
                    l.version(), d.createdAt(), d.createdBy(), d.updatedAt(), d.updatedBy());
        }
    }

    record LocationList(List<LocationResponse> items, String nextCursor) {
    }

    @PutMapping("/{code}")
    ResponseEntity<LocationResponse> put(@PathVariable String code,
                                         @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                         @Valid @RequestBody PutLocationRequest body) {
        LocationCode locationCode = LocationCode.parse(code, "code");
        List<FieldError> errors = new ArrayList<>();
        if (!COUNTRIES.contains(body.country())) {
            errors.add(new FieldError("country", "must be an ISO 3166-1 alpha-2 country code in upper case, e.g. DE"));
        }
        if (body.latitude() != null && body.longitude() == null) {
            errors.add(new FieldError("longitude", "is required when latitude is given"));
        }
        if (body.longitude() != null && body.latitude() == null) {
            errors.add(new FieldError("latitude", "is required when longitude is given"));
        }
        Duration staleAfter = body.staleAfter();
        if (staleAfter != null) {
            if (staleAfter.isNegative() || staleAfter.isZero()) {
                errors.add(new FieldError("staleAfter", "must be a positive duration such as PT4H, or null for never stale"));
            } else if (staleAfter.getNano() != 0 || staleAfter.compareTo(MAX_STALE_AFTER) > 0) {
                errors.add(new FieldError("staleAfter", "must be whole seconds and at most " + MAX_STALE_AFTER));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        if (body.capabilities() != null) {
            capabilities.addAll(body.capabilities());
        }
        PutLocation command = new PutLocation(locationCode, body.name(), body.type(), body.country(), body.postalCode(),
                body.latitude(), body.longitude(), capabilities, body.dailyOrderCapacity(), staleAfter,
                body.staleBufferPercent() == null ? 0 : body.staleBufferPercent(), !Boolean.FALSE.equals(body.active()));
        NetworkService.Saved saved = network.put(command, ETags.ifMatch(ifMatch));
        ResponseEntity.BodyBuilder response = saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/locations/" + locationCode.value()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(saved.location().location().version())).body(LocationResponse.of(saved.location()));
    }

    @GetMapping("/{code}")
    ResponseEntity<LocationResponse> get(@PathVariable String code) {
        LocationCode locationCode = LocationCode.parse(code, "code");
        LocationDetails location = network.details(locationCode).orElseThrow(() -> new NotFound("Location", locationCode.value()));
        return ResponseEntity.ok().eTag(ETags.of(location.location().version())).body(LocationResponse.of(location));
    }

    @GetMapping
    LocationList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Page<LocationDetails> page = network.list(cursor, Page.limit(limit));
        return new LocationList(page.items().stream().map(LocationResponse::of).toList(), page.nextCursor());
    }
}
