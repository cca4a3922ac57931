package io.tributary.inventory.web;

import io.tributary.access.Actor;
import io.tributary.access.CurrentActor;
import io.tributary.catalog.Sku;
import io.tributary.channels.ChannelCode;
import io.tributary.inventory.Availability;
import io.tributary.inventory.Commands.ReserveLine;
import io.tributary.inventory.Commands.ReserveStock;
import io.tributary.inventory.Reservation;
import io.tributary.inventory.Reservations;
import io.tributary.inventory.Views;
import io.tributary.network.LocationCode;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.ValidationFailed;
import io.tributary.shared.idempotency.Idempotency;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Availability per channel and reservations. A CHANNEL key acts only for its own channel; the
 * facades refuse anything else with 403.
 */
@RestController
class ReservationController {


    private final Reservations reservations;
    private final Availability availability;
    private final Idempotency idempotency;

    ReservationController(Reservations reservations, Availability availability, Idempotency idempotency) {
        this.reservations = reservations;
        this.availability = availability;
        this.idempotency = idempotency;
    }

    record ReservationRequest(@NotNull @Size(min = 1, max = 200) String reference, @NotNull String channel, Instant expiresAt,
                              @NotEmpty @Size(max = 500) List<@Valid @NotNull LineRequest> lines) {
    }

    record LineRequest(@NotNull String sku, @NotNull String location, @NotNull Long quantity, Boolean allowBackorder) {
    }

    @GetMapping("/api/v1/availability")
    Views.ChannelAvailability availability(@RequestParam String channel, @RequestParam(name = "sku", required = false) List<String> skus) {
        ChannelCode code = ChannelCode.parse(channel, "channel");
        List<Sku> parsed = new ArrayList<>();
        for (String s : skus == null ? List.<String>of() : skus) {
            parsed.add(Sku.parse(s, "sku"));
        }
        return availability.forChannel(code, parsed, CurrentActor.get());
    }

    @PostMapping("/api/v1/reservations")
    ResponseEntity<Object> reserve(@Valid @RequestBody ReservationRequest body,
                                   @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        actor.requireChannel(ChannelCode.parse(body.channel(), "channel"));
        ReserveStock command = command(body);
        if (key == null) {
            return ResponseEntity.status(HttpStatus.CREATED).body(reservations.reserve(command, actor, null));
        }
        Idempotency.Claim claim = idempotency.claim(actor.name(), key, "reservations.create", body);
        if (claim instanceof Idempotency.Replay replay) {
            return replay.response();
        }
        Idempotency.Owned owned = (Idempotency.Owned) claim;
        try {
            Reservation made = reservations.reserve(command, actor,
                    r -> idempotency.completeInCurrentTransaction(owned, 201, r));
            return ResponseEntity.status(HttpStatus.CREATED).body(made);
        } catch (DomainException e) {
            idempotency.failed(owned, e);
            throw e;
        } catch (RuntimeException e) {
            idempotency.release(owned);
            throw e;
        }
    }

    @GetMapping("/api/v1/reservations/{id}")
    Reservation get(@PathVariable UUID id) {
        return reservations.get(id, CurrentActor.get());
    }

    @GetMapping("/api/v1/reservations/{id}/history")
    Map<String, Object> history(@PathVariable UUID id) {
        return Map.of("items", reservations.history(id, CurrentActor.get()));
    }

    @PostMapping("/api/v1/reservations/{id}/release")
    ResponseEntity<Object> release(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "reservations.release", id.toString(),
                () -> ResponseEntity.ok(reservations.releaseAsClient(id, actor)));
    }

    @PostMapping("/api/v1/reservations/{id}/fulfil")
    ResponseEntity<Object> fulfil(@PathVariable UUID id, @RequestHeader(value = Idempotency.HEADER, required = false) String key) {
        Actor actor = CurrentActor.get();
        return idempotency.run(actor.name(), key, "reservations.fulfil", id.toString(),
                () -> ResponseEntity.ok(reservations.fulfilAsClient(id, actor)));
    }

    private static ReserveStock command(ReservationRequest body) {
        ChannelCode channel = ChannelCode.parse(body.channel(), "channel");
        List<FieldError> errors = new ArrayList<>();
        List<ReserveLine> lines = new ArrayList<>();
        for (int i = 0; i < body.lines().size(); i++) {
            LineRequest l = body.lines().get(i);
            String prefix = "lines[" + i + "].";
            if (!Sku.isValid(l.sku())) {
                errors.add(new FieldError(prefix + "sku", "is not a valid SKU"));
            }
            if (!LocationCode.isValid(l.location())) {
                errors.add(new FieldError(prefix + "location", "is not a valid location code"));
            }
            if (l.quantity() < 1 || l.quantity() > io.tributary.inventory.Commands.MAX_QUANTITY) {
                errors.add(new FieldError(prefix + "quantity", "must be between 1 and " + io.tributary.inventory.Commands.MAX_QUANTITY));
            }
            if (errors.isEmpty()) {
                lines.add(new ReserveLine(new Sku(l.sku()), new LocationCode(l.location()), l.quantity(),
                        Boolean.TRUE.equals(l.allowBackorder())));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return new ReserveStock(body.reference(), channel, body.expiresAt(), lines);
    }
}
