package io.tributary.catalog;

import io.tributary.shared.ReadCache;
import io.tributary.catalog.Item.Component;
import io.tributary.catalog.PutItem.ComponentLine;
import io.tributary.catalog.domain.Kits;
import io.tributary.catalog.persistence.JdbcItems;
import io.tributary.catalog.persistence.JdbcItems.ItemRow;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The catalog: reads for other modules through a short-lived cache ({@link #CACHE_TTL}, dropped on
 * every local write), and the create-or-replace of items behind {@code PUT /items/{sku}}.
 *
 * <p>A put is optimistic: it reads the item, checks the caller's {@code If-Match} against that version,
 * and writes with {@code where id = ? and version = ?}. If another writer got in between, the whole put
 * is retried against the new state (so an {@code If-Match} naming the old version then fails with 412;
 * without {@code If-Match} the last writer wins, visibly, with its own version). A put whose content
 * equals what is stored changes nothing: the version is <em>not</em> bumped and no event is published,
 * so retried PUTs are free. Every real change bumps the version by one and publishes {@link ItemChanged}
 * in the same transaction.
 */
@Service
public class CatalogService implements Catalog {

    /**
     * How long another instance's change to an item may go unseen here. Items rarely change and
     * every reservation resolves its SKUs, so a short TTL turns random traffic over many SKUs into
     * a stream of cache misses; local writes still invalidate at once.
     */
    static final Duration CACHE_TTL = Duration.ofSeconds(60);
    private static final int ATTEMPTS = 3;

    private final JdbcItems items;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final ReadCache<Sku, Item> bySku = new ReadCache<>(CACHE_TTL, 100_000);
    private final ReadCache<UUID, Item> byId = new ReadCache<>(CACHE_TTL, 100_000);

    CatalogService(JdbcItems items, ApplicationEventPublisher events, Clock clock, PlatformTransactionManager transactions) {
        this.items = items;
        this.events = events;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
    }

    /** The outcome of a put: the item as stored and whether this put created it. */
    /** The item after a put; {@code changed} is false when the put matched what was stored. */
    public record Saved(ItemDetails item, boolean created, boolean changed) {
    }

    // ---------------------------------------------------------------- reads for other modules (cached)

    @Override
    public Optional<Item> find(Sku sku) {
        return Optional.ofNullable(bySku.get(sku, s -> items.bySku(s).map(this::toItem).orElse(null)));
    }

    @Override
    public Optional<Item> find(UUID id) {
        return Optional.ofNullable(byId.get(id, i -> items.byId(i).map(this::toItem).orElse(null)));
    }

    @Override
    public Map<Sku, Item> findAll(Collection<Sku> skus) {
        return bySku.getAll(skus, missing -> {
            List<ItemRow> rows = items.bySkus(missing);
            Map<UUID, List<Component>> bom = items.structureBelow(rows.stream().map(ItemRow::id).toList());
            Map<Sku, Item> found = new HashMap<>();
            rows.forEach(r -> found.put(r.sku(), toItem(r, bom)));
            return found;
        });
    }

    // ---------------------------------------------------------------- reads for the REST API (uncached)

    /** The item as stored right now, for the API (never from the cache, so ETags are current). */
    public Optional<ItemDetails> details(Sku sku) {
        return items.bySku(sku).map(r -> details(r, items.componentsOf(List.of(r.id())).getOrDefault(r.id(), List.of())));
    }

    /** A page of items in SKU order. */
    public Page<ItemDetails> list(String cursor, int limit) {
        List<ItemRow> rows = items.page(Page.decodeCursor(cursor), limit + 1);
        Map<UUID, List<Component>> components = items.componentsOf(rows.stream().map(ItemRow::id).toList());
        List<ItemDetails> all = rows.stream().map(r -> details(r, components.getOrDefault(r.id(), List.of()))).toList();
        return Page.of(all, limit, d -> d.item().sku().value());
    }

    // ---------------------------------------------------------------- writes

    /**
     * Creates or replaces the item {@code command.sku()}. {@code ifMatch}, when present, must accept the
     * stored version ({@link PreconditionFailed} otherwise, and always when the item does not exist).
     * Components must exist, appear once, and keep the kit structure acyclic and within {@link Kits}'
     * limits ({@link ValidationFailed} naming {@code components[i].sku} or {@code components}).
     */
    public Saved put(PutItem command, Optional<LongPredicate> ifMatch) {
        String author = io.tributary.shared.Authors.current();
        for (int attempt = 1; ; attempt++) {
            try {
                Saved saved = tx.execute(status -> attemptPut(command, ifMatch, author));
                if (saved.changed()) {
                    invalidate();
                }
                return saved;
            } catch (ConcurrentChange e) {
                invalidate();
                if (attempt >= ATTEMPTS) {
                    throw new DomainException("concurrent-modification", 409,
                            "Item '" + command.sku() + "' is being changed concurrently; retry.");
                }
            }
        }
    }

    private Saved attemptPut(PutItem command, Optional<LongPredicate> ifMatch, String author) {
        checkComponentsAreDistinct(command);
        Optional<ItemRow> existing = items.bySku(command.sku());
        if (ifMatch.isPresent()) {
            if (existing.isEmpty()) {
                throw new PreconditionFailed("Item '" + command.sku() + "' does not exist, so If-Match cannot match.");
            }
            if (!ifMatch.get().test(existing.get().version())) {
                throw new PreconditionFailed("Item '" + command.sku() + "' is at version " + existing.get().version()
                        + ", not the one named in If-Match.");
            }
        }
        List<Component> components = resolveComponents(command);
        UUID id = existing.map(ItemRow::id).orElseGet(Ids::newId);
        if (existing.isPresent()) {
            List<Component> stored = items.componentsOf(List.of(id)).getOrDefault(id, List.of());
            if (sameContent(existing.get(), stored, command, components)) {
                return new Saved(details(existing.get(), stored), false, false);
            }
        }
        if (!components.isEmpty()) {
            items.lockKitStructure();
            checkStructure(id, components);
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        ItemRow row;
        if (existing.isEmpty()) {
            row = new ItemRow(id, command.sku(), command.name(), command.unitsPerCase(), command.casesPerPallet(),
                    command.inspectionRequired(), command.lotTracked(), 1, now, author, now, author);
            if (!items.insert(row)) {
                throw new ConcurrentChange();
            }
        } else {
            ItemRow old = existing.get();
            row = new ItemRow(id, command.sku(), command.name(), command.unitsPerCase(), command.casesPerPallet(),
                    command.inspectionRequired(), command.lotTracked(), old.version() + 1, old.createdAt(), old.createdBy(), now, author);
            if (!items.update(row, old.version())) {
                throw new ConcurrentChange();
            }
        }
        items.replaceComponents(id, components);
        events.publishEvent(new ItemChanged(id, command.sku(), row.version()));
        return new Saved(details(row, components), existing.isEmpty(), true);
    }

    private static void checkComponentsAreDistinct(PutItem command) {
        List<FieldError> errors = new ArrayList<>();
        Set<Sku> seen = new HashSet<>();
        for (int i = 0; i < command.components().size(); i++) {
            Sku sku = command.components().get(i).sku();
            if (sku.equals(command.sku())) {
                throw new ValidationFailed("components", "a kit cannot contain itself: components[" + i + "].sku is '" + sku + "'");
            }
            if (!seen.add(sku)) {
                errors.add(new FieldError("components[" + i + "].sku", "'" + sku + "' is listed more than once"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
    }

    private List<Component> resolveComponents(PutItem command) {
        Map<Sku, UUID> ids = items.idsOf(command.components().stream().map(ComponentLine::sku).toList());
        List<FieldError> errors = new ArrayList<>();
        List<Component> components = new ArrayList<>();
        for (int i = 0; i < command.components().size(); i++) {
            ComponentLine line = command.components().get(i);
            UUID componentId = ids.get(line.sku());
            if (componentId == null) {
                errors.add(new FieldError("components[" + i + "].sku", "item '" + line.sku() + "' does not exist"));
            } else {
                components.add(new Component(componentId, line.sku(), line.quantity()));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationFailed(errors);
        }
        return components;
    }

    /** Checks the bill of materials as it would be after giving {@code id} these components. */
    private void checkStructure(UUID id, List<Component> components) {
        Set<UUID> affected = new HashSet<>(items.kitsContaining(id));
        affected.add(id);
        Set<UUID> roots = new HashSet<>(affected);
        components.forEach(c -> roots.add(c.itemId()));
        Map<UUID, List<Component>> bom = new HashMap<>(items.structureBelow(roots));
        bom.put(id, components);
        Kits.violation(id, bom, affected).ifPresent(reason -> {
            throw new ValidationFailed("components", reason);
        });
    }

    private static boolean sameContent(ItemRow row, List<Component> stored, PutItem command, List<Component> components) {
        return row.name().equals(command.name()) && row.unitsPerCase() == command.unitsPerCase()
                && row.casesPerPallet() == command.casesPerPallet() && row.inspectionRequired() == command.inspectionRequired()
                && row.lotTracked() == command.lotTracked()
                && stored.stream().map(c -> c.itemId() + "*" + c.quantity()).toList()
                        .equals(components.stream().map(c -> c.itemId() + "*" + c.quantity()).toList());
    }

    private void invalidate() {
        bySku.invalidateAll();
        byId.invalidateAll();
    }

    // ---------------------------------------------------------------- mapping

    private Item toItem(ItemRow row) {
        return toItem(row, items.structureBelow(List.of(row.id())));
    }

    private static Item toItem(ItemRow row, Map<UUID, List<Component>> bom) {
        List<Component> components = bom.getOrDefault(row.id(), List.of());
        List<Component> exploded = components.isEmpty() ? List.of() : Kits.explode(row.id(), bom);
        return new Item(row.id(), row.sku(), row.name(), row.unitsPerCase(), row.casesPerPallet(), row.inspectionRequired(),
                row.lotTracked(), components, exploded, row.version());
    }

    private static ItemDetails details(ItemRow row, List<Component> components) {
        Item item = new Item(row.id(), row.sku(), row.name(), row.unitsPerCase(), row.casesPerPallet(), row.inspectionRequired(),
                row.lotTracked(), List.copyOf(components), List.of(), row.version());
        return new ItemDetails(item, row.createdAt(), row.createdBy(), row.updatedAt(), row.updatedBy());
    }


    /** Another writer changed the item between our read and our write; the put is retried. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }
}
