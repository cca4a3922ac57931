package io.tributary.network;

import io.tributary.shared.ReadCache;
import io.tributary.network.persistence.JdbcLocations;
import io.tributary.shared.DomainException;
import io.tributary.shared.Ids;
import io.tributary.shared.Page;
import io.tributary.shared.PreconditionFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The network: reads for other modules through a short-lived cache ({@link #CACHE_TTL}, dropped on every
 * local write), and the create-or-replace of locations behind {@code PUT /locations/{code}}.
 *
 * <p>A put is optimistic: it reads the location, checks the caller's {@code If-Match} against that
 * version, and writes with {@code where id = ? and version = ?}; if another writer got in between, the
 * put is retried against the new state (an {@code If-Match} naming the old version then fails with 412).
 * A put whose content equals what is stored changes nothing: the version is <em>not</em> bumped and no
 * event is published. Every real change bumps the version by one and publishes {@link LocationChanged}
 * in the same transaction.
 */
@Service
public class NetworkService implements Network {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private final JdbcLocations locations;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReadCache<LocationCode, Location> byCode = new ReadCache<>(CACHE_TTL, 100_000);
    private final ReadCache<UUID, Location> byId = new ReadCache<>(CACHE_TTL, 100_000);
    private final ReadCache<String, List<Location>> everything = new ReadCache<>(CACHE_TTL, 1);

    NetworkService(JdbcLocations locations, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.locations = locations;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The outcome of a put: the location as stored and whether this put created it. */
    public record Saved(LocationDetails location, boolean created) {
    }

    @Override
    public Optional<Location> find(LocationCode code) {
        return Optional.ofNullable(byCode.get(code, c -> locations.byCode(c).map(LocationDetails::location).orElse(null)));
    }

    @Override
    public Optional<Location> find(UUID id) {
        return Optional.ofNullable(byId.get(id, i -> locations.byId(i).map(LocationDetails::location).orElse(null)));
    }

    @Override
    public List<Location> all() {
        return everything.get("all", k -> locations.all().stream().map(LocationDetails::location).toList());
    }

    /** The location as stored right now, for the API (never from the cache, so ETags are current). */
    public Optional<LocationDetails> details(LocationCode code) {
        return locations.byCode(code);
    }

    /** A page of locations in code order. */
    public Page<LocationDetails> list(String cursor, int limit) {
        return Page.of(locations.page(Page.decodeCursor(cursor), limit + 1), limit, d -> d.location().code().value());
    }

    /**
     * Creates or replaces the location {@code command.code()}. {@code ifMatch}, when present, must accept
     * the stored version ({@link PreconditionFailed} otherwise, and always when the location does not exist).
     */
    public Saved put(PutLocation command, Optional<LongPredicate> ifMatch) {
        String author = io.tributary.shared.Authors.current();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return tx.execute(status -> attemptPut(command, ifMatch, author));
                } catch (ConcurrentChange e) {
                    if (attempt >= ATTEMPTS) {
                        throw new DomainException("concurrent-modification", 409,
                                "Location '" + command.code() + "' is being changed concurrently; retry.");
                    }
                }
            }
        } finally {
            byCode.invalidateAll();
            byId.invalidateAll();
            everything.invalidateAll();
        }
    }

    private Saved attemptPut(PutLocation c, Optional<LongPredicate> ifMatch, String author) {
        Optional<LocationDetails> existing = locations.byCode(c.code());
        if (ifMatch.isPresent()) {
            if (existing.isEmpty()) {
                throw new PreconditionFailed("Location '" + c.code() + "' does not exist, so If-Match cannot match.");
            }
            if (!ifMatch.get().test(existing.get().location().version())) {
                throw new PreconditionFailed("Location '" + c.code() + "' is at version " + existing.get().location().version()
                        + ", not the one named in If-Match.");
            }
        }
        UUID id = existing.map(d -> d.location().id()).orElseGet(Ids::newId);
        long version = existing.map(d -> d.location().version()).orElse(0L);
        Location wanted = location(id, c, version);
        if (existing.isPresent() && existing.get().location().equals(wanted)) {
            return new Saved(existing.get(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        LocationDetails saved;
        if (existing.isEmpty()) {
            saved = new LocationDetails(location(id, c, 1), now, author, now, author);
            if (!locations.insert(saved)) {
                throw new ConcurrentChange();
            }
        } else {
            saved = new LocationDetails(location(id, c, version + 1), existing.get().createdAt(), existing.get().createdBy(), now, author);
            if (!locations.update(saved, version)) {
                throw new ConcurrentChange();
            }
        }
        events.publishEvent(new LocationChanged(id, c.code(), saved.location().version()));
        return new Saved(saved, existing.isEmpty());
    }

    private static Location location(UUID id, PutLocation c, long version) {
        EnumSet<Capability> capabilities = EnumSet.noneOf(Capability.class);
        capabilities.addAll(c.capabilities());
        return new Location(id, c.code(), c.name(), c.type(), c.country(), c.postalCode(), c.latitude(), c.longitude(),
                Collections.unmodifiableSet(capabilities), c.dailyOrderCapacity(), c.staleAfter(), c.staleBufferPercent(),
                c.active(), version);
    }


    /** Another writer changed the location between our read and our write; the put is retried. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
