package io.tributary.channels.web;

import io.tributary.shared.web.ETags;
import io.tributary.channels.Channel;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.ChannelDetails;
import io.tributary.channels.ChannelType;
import io.tributary.channels.ChannelsService;
import io.tributary.channels.PutChannel;
import io.tributary.network.LocationCode;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.NotFound;
import io.tributary.shared.Page;
import io.tributary.shared.ValidationFailed;
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
import java.util.Optional;
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
 * Channels: {@code PUT /channels/{code}} (administrators only) creates (201) or replaces (200) a channel,
 * {@code GET} reads one or a page. The webhook secret is write-only: responses say only whether one is
 * set. Responses carry the version as ETag; a PUT with {@code If-Match} fails with 412 unless it names the
 * current version.
 */
@RestController
@RequestMapping("/api/v1/channels")
class ChannelController {

    private final ChannelsService channels;

    ChannelController(ChannelsService channels) {
        this.channels = channels;
    }

    /**
     * The body of {@code PUT /channels/{code}}. Buffers default to 0; an omitted {@code webhookSecret}
     * keeps the stored one.
     */
    record PutChannelRequest(
            @NotBlank @Size(max = 200, message = "must be 1 to 200 characters") String name,
            @NotNull ChannelType type,
            @Size(max = 1000, message = "may list at most 1000 locations") List<String> locations,
            @Min(0) @Max(1_000_000_000) Long bufferUnits,
            @Min(0) @Max(100) Integer bufferPercent,
            @Size(min = 1, max = 500, message = "must be 1 to 500 characters") String webhookSecret) {

        @Override
        public String toString() {
            return "PutChannelRequest[name=" + name + ", type=" + type + ", locations=" + locations + "]";
        }
    }

    record ChannelResponse(String code, String name, ChannelType type, List<String> locations, long bufferUnits,
                           int bufferPercent, boolean webhookSecretSet, long version, Instant createdAt, String createdBy,
                           Instant updatedAt, String updatedBy) {

        static ChannelResponse of(ChannelDetails d) {
            Channel c = d.channel();
            return new ChannelResponse(c.code().value(), c.name(), c.type(), c.locations().stream().map(LocationCode::value).toList(),
                    c.bufferUnits(), c.bufferPercent(), d.webhookSecretSet(), c.version(), d.createdAt(), d.createdBy(),
                    d.updatedAt(), d.updatedBy());
        }
    }

    record ChannelList(List<ChannelResponse> items, String nextCursor) {
    }

    @PutMapping("/{code}")
    ResponseEntity<ChannelResponse> put(@PathVariable String code,
                                        @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                        @Valid @RequestBody PutChannelRequest body) {
        ChannelCode channelCode = ChannelCode.parse(code, "code");
        List<FieldError> errors = new ArrayList<>();
        List<LocationCode> locations = new ArrayList<>();
        List<String> requested = body.locations() == null ? List.of() : body.locations();
        for (int i = 0; i < requested.size(); i++) {
            String location = requested.get(i);
            if (LocationCode.isValid(location)) {
                locations.add(new LocationCode(location));
            } else {
                errors.add(new FieldError("locations[" + i + "]", location == null ? "must not be null"
                        : "must be 1-40 characters of A-Z, a-z, 0-9, '-' or '_'"));
            }
        }
        if (body.webhookSecret() != null && body.webhookSecret().isBlank()) {
            errors.add(new FieldError("webhookSecret", "must not be blank; omit it to keep the current secret"));
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        PutChannel command = new PutChannel(channelCode, body.name(), body.type(), locations,
                body.bufferUnits() == null ? 0 : body.bufferUnits(), body.bufferPercent() == null ? 0 : body.bufferPercent(),
                Optional.ofNullable(body.webhookSecret()));
        ChannelsService.Saved saved = channels.put(command, ETags.ifMatch(ifMatch));
        ResponseEntity.BodyBuilder response = saved.created()
                ? ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/channels/" + channelCode.value()))
                : ResponseEntity.ok();
        return response.eTag(ETags.of(saved.channel().channel().version())).body(ChannelResponse.of(saved.channel()));
    }

    @GetMapping("/{code}")
    ResponseEntity<ChannelResponse> get(@PathVariable String code) {
        ChannelCode channelCode = ChannelCode.parse(code, "code");
        ChannelDetails channel = channels.details(channelCode).orElseThrow(() -> new NotFound("Channel", channelCode.value()));
        return ResponseEntity.ok().eTag(ETags.of(channel.channel().version())).body(ChannelResponse.of(channel));
    }

    @GetMapping
    ChannelList list(@RequestParam(required = false) Integer limit, @RequestParam(required = false) String cursor) {
        Page<ChannelDetails> page = channels.list(cursor, Page.limit(limit));
        return new ChannelList(page.items().stream().map(ChannelResponse::of).toList(), page.nextCursor());
    }
}
