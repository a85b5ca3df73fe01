package com.cruddur.common.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** A bounded in-process cache (Caffeine), the local default: per instance, so invalidations stay in it. */
public final class InProcessCache implements Cache {

    private record Entry(String value, Duration ttl) {
    }

    private final com.github.benmanes.caffeine.cache.Cache<String, Entry> entries;
    private final CacheMetrics metrics;

    public InProcessCache(long maxEntries, CacheMetrics metrics) {
        this.metrics = metrics;
        this.entries = Caffeine.newBuilder()
                .maximumSize(maxEntries)
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

    /** The number of entries, after pending evictions ran. */
    public long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
