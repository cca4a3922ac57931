package io.tributary.access;

import io.tributary.access.persistence.AccessStore;
import io.tributary.access.persistence.AccessStore.KeyRow;
import io.tributary.access.persistence.AccessStore.UserRow;
import io.tributary.channels.ChannelCode;
import io.tributary.channels.Channels;
import io.tributary.shared.Ids;
import io.tributary.shared.NotFound;
import io.tributary.shared.ValidationFailed;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * Users, API keys and authentication. Passwords are hashed with Argon2id; API keys are random
 * 256-bit tokens of which only the SHA-256 is stored. Successful authentications are cached for a
 * short time (keyed by a hash of the credentials) so the hot path does not pay Argon2 per request;
 * a disabled key stops working everywhere within {@link #CACHE_TTL}.
 */
@Service
public class Access {

    static final Duration CACHE_TTL = Duration.ofSeconds(30);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessStore store;
    private final Channels channels;
    private final Clock clock;
    private final Argon2PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

    Access(AccessStore store, Channels channels, Clock clock) {
        this.store = store;
        this.channels = channels;
        this.clock = clock;
    }

    /** A person as listed to administrators; the password hash never leaves this module. */
    public record User(UUID id, String username, Set<Role> roles, List<String> locations, boolean enabled, Instant createdAt) {
    }

    /** A key as listed to administrators: the token itself is shown once, at creation. */
    public record ApiKey(UUID id, String name, String prefix, Role role, String channel, boolean enabled, Instant createdAt) {
    }

    /** A key just created, with its token. */
    public record IssuedKey(ApiKey key, String token) {
    }

    public User createUser(String username, String password, Set<Role> roles, List<String> locations, Actor by) {
        if (roles.contains(Role.CHANNEL)) {
            throw new ValidationFailed("roles", "CHANNEL is a role for API keys bound to a channel, not for people");
        }
        UUID id = Ids.newId();
        Instant now = clock.instant();
        if (!store.insertUser(id, username, encoder.encode(password), roles, locations, now, by.name())) {
            throw new io.tributary.shared.DomainException("already-exists", 409, "User '" + username + "' already exists.");
        }
        return new User(id, username, roles, locations, true, now);
    }

    /** Creates the built-in admin on first start; false when it already exists. */
    public boolean ensureAdmin(String password) {
        return store.insertUser(Ids.newId(), "admin", encoder.encode(password), EnumSet.of(Role.ADMIN), List.of(),
                clock.instant(), Actor.SYSTEM.name());
    }

    public List<User> users() {
        return store.users().stream().map(u -> new User(u.id(), u.username(), u.roles(), u.locations(), u.enabled(), u.createdAt())).toList();
    }

    /** The person with this username, enabled or not; empty when there is none. */
    public Optional<User> user(String username) {
        return store.user(username).map(u -> new User(u.id(), u.username(), u.roles(), u.locations(), u.enabled(), u.createdAt()));
    }

    public IssuedKey createKey(String name, Role role, Optional<ChannelCode> channel, Actor by) {
        if (role == Role.CHANNEL && channel.isEmpty()) {
            throw new ValidationFailed("channel", "is required for a CHANNEL key");
        }
        if (role != Role.CHANNEL && channel.isPresent()) {
            throw new ValidationFailed("channel", "only CHANNEL keys are bound to a channel");
        }
        if (channel.isPresent() && channels.find(channel.get()).isEmpty()) {
            throw new ValidationFailed("channel", "channel '" + channel.get().value() + "' does not exist");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "trb_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyRow row = new KeyRow(Ids.newId(), name, token.substring(0, 10), sha256(token), role,
                channel.map(ChannelCode::value).orElse(null), true, clock.instant(), by.name());
        store.insertKey(row);
        return new IssuedKey(view(row), token);
    }

    public List<ApiKey> keys() {
        return store.keys().stream().map(Access::view).toList();
    }

    public void revokeKey(UUID id) {
        if (!store.disableKey(id)) {
            throw new NotFound("API key", id.toString());
        }
        cache.clear();
    }

    /** Authenticates a Bearer token; empty when unknown or disabled. */
    public Optional<Actor> authenticateToken(String token) {
        String hash = sha256(token);
        Cached hit = cache.get("k" + hash);
        Instant now = clock.instant();
        if (hit != null && hit.until().isAfter(now)) {
            return Optional.of(hit.actor());
        }
        Optional<Actor> actor = store.keyByHash(hash).filter(KeyRow::enabled).map(k -> new Actor("key:" + k.name(),
                EnumSet.of(k.role()), Optional.ofNullable(k.channel()).map(ChannelCode::new)));
        actor.ifPresent(a -> remember("k" + hash, a, now));
        return actor;
    }

    /** Authenticates a username and password; empty when wrong or disabled. */
    public Optional<Actor> authenticatePassword(String username, String password) {
        String key = "u" + sha256(username + "\u0000" + password);
        Cached hit = cache.get(key);
        Instant now = clock.instant();
        if (hit != null && hit.until().isAfter(now)) {
            return Optional.of(hit.actor());
        }
        Optional<UserRow> user = store.user(username).filter(UserRow::enabled);
        if (user.isEmpty() || !encoder.matches(password, user.get().passwordHash())) {
            return Optional.empty();
        }
        Actor actor = new Actor("user:" + username, user.get().roles(), Optional.empty());
        remember(key, actor, now);
        return Optional.of(actor);
    }

    private void remember(String key, Actor actor, Instant now) {
        if (cache.size() > 10_000) {
            cache.clear();
        }
        cache.put(key, new Cached(actor, now.plus(CACHE_TTL)));
    }

    private static ApiKey view(KeyRow k) {
        return new ApiKey(k.id(), k.name(), k.prefix(), k.role(), k.channel(), k.enabled(), k.createdAt());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Cached(Actor actor, Instant until) {
    }
}
