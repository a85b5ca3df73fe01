package com.cruddur.common.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * A bounded in-process cache (Caffeine), the local default: per instance, so invalidations stay in it. Bounded by
 * weight (about the bytes of its keys and values), since entries range from a reader's few markers to a feed page.
 */
public final class InProcessCache implements Cache {

    private record Entry(String value, Duration ttl) {}

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
    /** What an entry costs beyond its characters (the map's node, the entry, the strings' headers), roughly. */
    static final int ENTRY_OVERHEAD = 128;

    private final CacheMetrics metrics;

    public InProcessCache(long maxWeight, CacheMetrics metrics) {
        this.metrics = metrics;
        this.entries = Caffeine.newBuilder()
                .maximumWeight(maxWeight)
                .weigher((String key, Entry entry) ->
                        ENTRY_OVERHEAD + key.length() + entry.value().length())
                .expireAfter(new Expiry<String, Entry>() {
                    @Override
                    public long expireAfterCreate(String key, Entry entry, long now) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterUpdate(String key, Entry entry, long now, long current) {
                        return entry.ttl().toNanos();
                    }

                    @Override
                    public long expireAfterRead(String key, Entry entry, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public Optional<String> get(String key) {
        Entry entry = entries.getIfPresent(key);
        if (entry == null) {
            metrics.miss();
            return Optional.empty();
        }
        metrics.hit();
        return Optional.of(entry.value());
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        Map<String, String> found = new java.util.HashMap<>();
        for (String key : keys) {
            get(key).ifPresent(value -> found.put(key, value));
        }
        return found;
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        entries.put(key, new Entry(value, ttl));
    }

    @Override
    public void delete(String key) {
        entries.invalidate(key);
    }

    /** The total weight of the entries, after pending evictions ran. */
    public long weight() {
        entries.cleanUp();
        return entries.policy().eviction().orElseThrow().weightedSize().orElseThrow();
    }
}
