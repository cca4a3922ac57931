package io.tributary.channels;

import io.tributary.shared.ReadCache;
import io.tributary.channels.persistence.JdbcChannels;
import io.tributary.channels.persistence.JdbcChannels.ChannelRow;
import io.tributary.network.LocationCode;
import io.tributary.network.Network;
import io.tributary.shared.DomainException;
import io.tributary.shared.DomainException.FieldError;
import io.tributary.shared.Ids;
import io.tributary.shared.Page;
import io.tributary.shared.PreconditionFailed;
import io.tributary.shared.ValidationFailed;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
 * The channels: reads for other modules through a short-lived cache ({@link #CACHE_TTL}, dropped on
 * every local write), and the create-or-replace of channels behind {@code PUT /channels/{code}}.
 *
 * <p>A put is optimistic: it reads the channel, checks the caller's {@code If-Match} against that
 * version, and writes with {@code where id = ? and version = ?}; if another writer got in between, the
 * put is retried against the new state (an {@code If-Match} naming the old version then fails with 412).
 * A put whose content equals what is stored (an omitted webhook secret counts as "unchanged") changes
 * nothing: the version is <em>not</em> bumped and no event is published. Every real change bumps the
 * version by one and publishes {@link ChannelChanged} in the same transaction.
 */
@Service
public class ChannelsService implements Channels {

    static final Duration CACHE_TTL = Duration.ofSeconds(5);
    private static final int ATTEMPTS = 3;

    private final JdbcChannels channels;
    private final Network network;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReadCache<ChannelCode, ChannelRow> byCode = new ReadCache<>(CACHE_TTL, 10_000);

    ChannelsService(JdbcChannels channels, Network network, ApplicationEventPublisher events, Clock clock,
                    PlatformTransactionManager transactions) {
        this.channels = channels;
        this.network = network;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The outcome of a put: the channel as stored and whether this put created it. */
    public record Saved(ChannelDetails channel, boolean created) {
    }

    @Override
    public Optional<Channel> find(ChannelCode code) {
        return cached(code).map(r -> r.details().channel());
    }

    @Override
    public Optional<String> webhookSecret(ChannelCode code) {
        return cached(code).map(ChannelRow::webhookSecret);
    }

    private Optional<ChannelRow> cached(ChannelCode code) {
        return Optional.ofNullable(byCode.get(code, c -> channels.byCode(c).orElse(null)));
    }

    /** The channel as stored right now, for the API (never from the cache, so ETags are current). */
    public Optional<ChannelDetails> details(ChannelCode code) {
        return channels.byCode(code).map(ChannelRow::details);
    }

    /** A page of channels in code order. */
    public Page<ChannelDetails> list(String cursor, int limit) {
        List<ChannelDetails> rows = channels.page(Page.decodeCursor(cursor), limit + 1).stream().map(ChannelRow::details).toList();
        return Page.of(rows, limit, d -> d.channel().code().value());
    }

    /**
     * Creates or replaces the channel {@code command.code()}. Every listed location must exist and appear
     * once ({@link ValidationFailed} naming {@code locations[i]}). {@code ifMatch}, when present, must
     * accept the stored version ({@link PreconditionFailed} otherwise, and always when the channel does
     * not exist).
     */
    public Saved put(PutChannel command, Optional<LongPredicate> ifMatch) {
        String author = io.tributary.shared.Authors.current();
        try {
            for (int attempt = 1; ; attempt++) {
                try {
                    return tx.execute(status -> attemptPut(command, ifMatch, author));
                } catch (ConcurrentChange e) {
                    if (attempt >= ATTEMPTS) {
                        throw new DomainException("concurrent-modification", 409,
                                "Channel '" + command.code() + "' is being changed concurrently; retry.");
                    }
                }
            }
        } finally {
            byCode.invalidateAll();
        }
    }

    private Saved attemptPut(PutChannel c, Optional<LongPredicate> ifMatch, String author) {
        Optional<ChannelRow> existing = channels.byCode(c.code());
        if (ifMatch.isPresent()) {
            if (existing.isEmpty()) {
                throw new PreconditionFailed("Channel '" + c.code() + "' does not exist, so If-Match cannot match.");
            }
            long current = existing.get().details().channel().version();
            if (!ifMatch.get().test(current)) {
                throw new PreconditionFailed("Channel '" + c.code() + "' is at version " + current + ", not the one named in If-Match.");
            }
        }
        checkLocations(c.locations());
        UUID id = existing.map(r -> r.details().channel().id()).orElseGet(Ids::newId);
        long version = existing.map(r -> r.details().channel().version()).orElse(0L);
        String secret = c.webhookSecret().orElse(existing.map(ChannelRow::webhookSecret).orElse(null));
        if (existing.isPresent() && existing.get().details().channel().equals(channel(id, c, version))
                && Objects.equals(existing.get().webhookSecret(), secret)) {
            return new Saved(existing.get().details(), false);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ChannelDetails saved;
        if (existing.isEmpty()) {
            saved = new ChannelDetails(channel(id, c, 1), secret != null, now, author, now, author);
            if (!channels.insert(new ChannelRow(saved, secret))) {
                throw new ConcurrentChange();
            }
        } else {
            ChannelDetails old = existing.get().details();
            saved = new ChannelDetails(channel(id, c, version + 1), secret != null, old.createdAt(), old.createdBy(), now, author);
            if (!channels.update(new ChannelRow(saved, secret), version)) {
                throw new ConcurrentChange();
            }
        }
        events.publishEvent(new ChannelChanged(id, c.code(), saved.channel().version()));
        return new Saved(saved, existing.isEmpty());
    }

    private void checkLocations(List<LocationCode> locations) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < locations.size(); i++) {
            LocationCode code = locations.get(i);
            if (locations.subList(0, i).contains(code)) {
                errors.add(new FieldError("locations[" + i + "]", "'" + code + "' is listed more than once"));
            } else if (network.find(code).isEmpty()) {
                errors.add(new FieldError("locations[" + i + "]", "location '" + code + "' does not exist"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private static Channel channel(UUID id, PutChannel c, long version) {
        return new Channel(id, c.code(), c.name(), c.type(), c.locations(), c.bufferUnits(), c.bufferPercent(), version);
    }


    /** Another writer changed the channel between our read and our write; the put is retried. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
