package io.tributary.access.web;

import io.tributary.access.Access;
import io.tributary.access.CurrentActor;
import io.tributary.access.Role;
import io.tributary.channels.ChannelCode;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** People and API keys; administrators only. */
@RestController
@RequestMapping("/api/v1")
class AccessController {

    private final Access access;

    AccessController(Access access) {
        this.access = access;
    }

    record CreateUser(
            @NotBlank @Pattern(regexp = "[A-Za-z0-9._@-]{1,64}", message = "must be 1-64 characters of letters, digits, '.', '_', '@' or '-'") String username,
            @NotNull @Size(min = 12, max = 200, message = "must be 12 to 200 characters") String password,
            @NotEmpty List<@NotNull Role> roles,
            List<@NotBlank String> locations) {
    }

    record CreateKey(@NotBlank @Size(max = 100) String name, @NotNull Role role, String channel) {
    }

    @PostMapping("/users")
    @ResponseStatus(HttpStatus.CREATED)
    Access.User createUser(@Valid @RequestBody CreateUser body) {
        return access.createUser(body.username(), body.password(), EnumSet.copyOf(body.roles()),
                body.locations() == null ? List.of() : body.locations(), CurrentActor.get());
    }

    @GetMapping("/users")
    Map<String, Object> users() {
        return Map.of("items", access.users());
    }

    @PostMapping("/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Object> createKey(@Valid @RequestBody CreateKey body) {
        Optional<ChannelCode> channel = Optional.ofNullable(body.channel()).map(c -> ChannelCode.parse(c, "channel"));
        Access.IssuedKey issued = access.createKey(body.name(), body.role(), channel, CurrentActor.get());
        Map<String, Object> response = new java.util.LinkedHashMap<>();
        response.put("id", issued.key().id());
        response.put("name", issued.key().name());
        response.put("role", issued.key().role());
        if (issued.key().channel() != null) {
            response.put("channel", issued.key().channel());
        }
        response.put("prefix", issued.key().prefix());
        response.put("token", issued.token());
        return response;
    }

    @GetMapping("/api-keys")
    Map<String, Object> keys() {
        return Map.of("items", access.keys());
    }

    @PostMapping("/api-keys/{id}/revoke")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable UUID id) {
        access.revokeKey(id);
    }
}
