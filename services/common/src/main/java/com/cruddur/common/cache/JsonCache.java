package com.cruddur.common.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Typed read-through on top of the {@link Cache} port: values as compact JSON, an unreadable entry is a miss, and
 * at most one load per key at a time in this instance (stampede protection). A hit whose text is the one last read
 * for its key is served as the value read then, not parsed again (a warm feed page is read as it is served), so values
 * read from the cache are shared: never change one.
 * <p>
 * A load that raced a delete of its key in this instance never leaves its value behind: {@link #delete} notes the
 * key's deletion before deleting, and a value read from the source before it ({@link #since}, {@link #putLoaded}) is
 * deleted again after it was stored. Either the loader sees the note, or the deleter's delete comes after its store.
 */
@ApplicationScoped
public class JsonCache {

    private static final Logger LOG = Logger.getLogger(JsonCache.class);
    static final AttributeKey<Boolean> HIT = AttributeKey.booleanKey("cache.hit");
    static final AttributeKey<Long> HITS = AttributeKey.longKey("cache.hits");

    private final Cache cache;
    private final ObjectMapper json;
    private final Tracer tracer;
    private final Map<String, CompletableFuture<Object>> loading = new ConcurrentHashMap<>();
    /** Counts deletes; the keys deleted lately, with the count at their delete (longer than any load takes). */
    private final AtomicLong deletes = new AtomicLong();

    private final com.github.benmanes.caffeine.cache.Cache<String, Long> deleted = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1))
            .maximumSize(100_000)
            .build();

    /** The value last read for a key, with the text it was read from; bounded by the texts' length (4 MiB). */
    private record Decoded(String text, Object value) {}

    private final com.github.benmanes.caffeine.cache.Cache<String, Decoded> decoded = Caffeine.newBuilder()
            .maximumWeight(4L << 20)
            .weigher((String key, Decoded entry) -> entry.text().length())
            .build();

    public JsonCache(Cache cache, ObjectMapper json, Tracer tracer) {
        this.cache = cache;
        this.json = json;
        this.tracer = tracer;
    }

    /** The cached value, or the loaded one (then cached for {@code ttl}); concurrent callers share one load. */
    @SuppressWarnings("unchecked")
    public <T> T getOrLoad(String key, Class<T> type, Duration ttl, Supplier<T> load) {
        Optional<T> cached = traced("cache get", key, 1, () -> {
                    Optional<String> value = cache.get(key);
                    Span.current().setAttribute(HITS, value.isPresent() ? 1 : 0).setAttribute(HIT, value.isPresent());
                    return value;
                })
                .flatMap(value -> read(key, value, type));
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
            long since = since();
            T value = load.get();
            putLoaded(key, value, ttl, since);
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
        if (keys.isEmpty()) {
            return found;
        }
        Map<String, String> values = traced("cache get", keys.iterator().next(), keys.size(), () -> {
            Map<String, String> hits = cache.getAll(keys);
            Span.current().setAttribute(HITS, hits.size()).setAttribute(HIT, hits.size() == keys.size());
            return hits;
        });
        values.forEach((key, value) -> read(key, value, type).ifPresent(v -> found.put(key, v)));
        return found;
    }

    public void put(String key, Object value, Duration ttl) {
        try {
            String text = json.writeValueAsString(value);
            traced("cache set", key, 1, () -> {
                Span.current().setAttribute("cache.ttl_seconds", ttl.toSeconds());
                cache.set(key, text, ttl);
                return null;
            });
        } catch (JsonProcessingException e) {
            LOG.warnf("cannot cache %s: %s", key, e.getMessage());
        }
    }

    /** The point to pass to {@link #putLoaded}: take it before reading the source. */
    public long since() {
        return deletes.get();
    }

    /**
     * Caches a value read from the source after {@link #since} answered {@code since}; when its key was deleted
     * meanwhile (a write of the source), the value may be older than that write and is deleted again.
     */
    public void putLoaded(String key, Object value, Duration ttl, long since) {
        put(key, value, ttl);
        Long deletedAt = deleted.getIfPresent(key);
        if (deletedAt != null && deletedAt > since) {
            delete(key);
        }
    }

    public void delete(String key) {
        deleted.asMap().merge(key, deletes.incrementAndGet(), Math::max);
        traced("cache delete", key, 1, () -> {
            cache.delete(key);
            return null;
        });
    }

    /**
     * A span around one cache call, named by operation, with the key's namespace (never the key itself, which may
     * hold a user id) and the number of keys.
     */
    private <T> T traced(String operation, String key, int keys, Supplier<T> call) {
        Span span = tracer.spanBuilder(operation)
                .setSpanKind(SpanKind.CLIENT)
                .setAttribute("cache.namespace", namespace(key))
                .setAttribute("cache.keys", keys)
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            return call.get();
        } finally {
            span.end();
        }
    }

    /** {@code v1:profile:sub:<sub>} becomes {@code v1:profile:sub}. */
    static String namespace(String key) {
        int last = key.lastIndexOf(':');
        return key.startsWith("v1:feed:home") ? key : key.substring(0, Math.max(0, last));
    }

    private <T> Optional<T> read(String key, String value, Class<T> type) {
        Decoded last = decoded.getIfPresent(key);
        if (last != null && type.isInstance(last.value()) && last.text().equals(value)) {
            return Optional.of(type.cast(last.value()));
        }
        try {
            T read = json.readValue(value, type);
            decoded.put(key, new Decoded(value, read));
            return Optional.of(read);
        } catch (JsonProcessingException e) {
            LOG.warnf("unreadable cache entry %s, ignored: %s", key, e.getMessage());
            return Optional.empty();
        }
    }
}
