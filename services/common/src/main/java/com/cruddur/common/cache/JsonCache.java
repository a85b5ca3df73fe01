package com.cruddur.common.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Typed read-through on top of the {@link Cache} port: values as compact JSON, an unreadable entry is a miss, and
 * at most one load per key at a time in this instance (stampede protection).
 */
@ApplicationScoped
public class JsonCache {

    private static final Logger LOG = Logger.getLogger(JsonCache.class);

    private final Cache cache;
    private final ObjectMapper json;
    private final Map<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();

    public JsonCache(Cache cache, ObjectMapper json) {
        this.cache = cache;
        this.json = json;
    }

    /** The cached value, or the loaded one (then cached for {@code ttl}); concurrent callers share one load. */
    @SuppressWarnings("unchecked")
    public <T> T getOrLoad(String key, Class<T> type, Duration ttl, Supplier<T> load) {
        Optional<T> cached = cache.get(key).flatMap(value -> read(key, value, type));
        if (cached.isPresent()) {
            return cached.get();
        }
        CompletableFuture<Object> mine = new CompletableFuture<>();
        CompletableFuture<Object> running = loading.putIfAbsent(key, mine);
        if (running != null) {
            try {
                return (T) running.join();
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException cause ? cause : e;
            }
        }
        try {
            T value = load.get();
            put(key, value, ttl);
            mine.complete(value);
            return value;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            loading.remove(key, mine);
        }
    }

    /** The hits among {@code keys}, read as {@code type}. */
    public <T> Map<String, T> getAll(Collection<String> keys, Class<T> type) {
        Map<String, T> found = new HashMap<>();
        cache.getAll(keys).forEach((key, value) -> read(key, value, type).ifPresent(v -> found.put(key, v)));
        return found;
    }

    public void put(String key, Object value, Duration ttl) {
        try {
            cache.set(key, json.writeValueAsString(value), ttl);
        } catch (JsonProcessingException e) {
            LOG.warnf("cannot cache %s: %s", key, e.getMessage());
        }
    }

    public void delete(String key) {
        cache.delete(key);
    }

    private <T> Optional<T> read(String key, String value, Class<T> type) {
        try {
            return Optional.of(json.readValue(value, type));
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable cache entry %s, ignored: %s", key, e.getMessage());
            return Optional.empty();
        }
    }
}
