package io.tributary.shared;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A small time-bounded read-through cache. Only present values are cached, so something created on
 * another instance is visible at once; changes made elsewhere show within the TTL. Local writes call
 * {@link #invalidateAll()}, and a generation counter keeps a load that raced with a write from putting
 * the old value back. Expiry uses {@link System#nanoTime()}, not the business clock, which tests and the
 * simulator may stop.
 */
public final class ReadCache<K, V> {

    private final long ttlNanos;
    private final int maxEntries;
    private final ConcurrentHashMap<K, Entry<V>> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    public ReadCache(java.time.Duration ttl, int maxEntries) {
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
    }

    /** The cached value or the loader's; {@code null} when the loader finds nothing. */
    public V get(K key, Function<K, V> loader) {
        Entry<V> hit = entries.get(key);
        long now = System.nanoTime();
        if (hit != null && hit.expiresAt() - now > 0) {
            return hit.value();
        }
        long gen = generation.get();
        V value = loader.apply(key);
        if (value != null) {
            store(key, value, gen, now);
        }
        return value;
    }

    /** Cached values for {@code keys}, loading the missing ones in one call; absent keys are left out. */
    public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
        Map<K, V> result = new HashMap<>();
        Set<K> missing = new HashSet<>();
        long now = System.nanoTime();
        for (K key : keys) {
            Entry<V> hit = entries.get(key);
            if (hit != null && hit.expiresAt() - now > 0) {
                result.put(key, hit.value());
            } else {
                missing.add(key);
            }
        }
        if (!missing.isEmpty()) {
            long gen = generation.get();
            loader.apply(missing).forEach((k, v) -> {
                result.put(k, v);
                store(k, v, gen, now);
            });
        }
        return result;
    }

    public void invalidateAll() {
        generation.incrementAndGet();
        entries.clear();
    }

    private void store(K key, V value, long gen, long loadedAt) {
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
        Entry<V> entry = new Entry<>(value, loadedAt + ttlNanos);
        entries.put(key, entry);
        if (generation.get() != gen) {
            entries.remove(key, entry);
        }
    }

    private record Entry<V>(V value, long expiresAt) {
    }
}
