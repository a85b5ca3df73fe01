package com.cruddur.common.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import momento.sdk.CacheClient;
import momento.sdk.auth.CredentialProvider;
import momento.sdk.config.Configurations;
import momento.sdk.responses.cache.DeleteResponse;
import momento.sdk.responses.cache.GetResponse;
import momento.sdk.responses.cache.SetResponse;

/**
 * Momento, through its own SDK. Every call is bounded by {@code timeout}: a read that takes longer is a miss, and a
 * write or delete is waited for at most that long (so that, within the bound, it lands before the response that
 * follows it, and an invalidation is never overtaken by an older write); failures are counted, never thrown.
 */
public final class MomentoCache implements Cache, AutoCloseable {

    private final CacheClient client;
    private final String cacheName;
    private final Duration timeout;
    private final CacheMetrics metrics;

    public MomentoCache(CredentialProvider credentials, String cacheName, Duration timeout, CacheMetrics metrics) {
        this.client = connect(credentials, Configurations.InRegion.latest().withTimeout(timeout));
        this.cacheName = cacheName;
        this.timeout = timeout;
        this.metrics = metrics;
    }

    @Override
    public Optional<String> get(String key) {
        return Optional.ofNullable(getAll(java.util.List.of(key)).get(key));
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        Map<String, CompletableFuture<GetResponse>> pending = new LinkedHashMap<>();
        for (String key : keys) {
            pending.put(key, client.get(cacheName, key));
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        Map<String, String> found = new HashMap<>();
        for (Map.Entry<String, CompletableFuture<GetResponse>> entry : pending.entrySet()) {
            try {
                GetResponse response =
                        entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (response instanceof GetResponse.Hit hit) {
                    metrics.hit();
                    found.put(entry.getKey(), hit.valueString());
                } else if (response instanceof GetResponse.Error error) {
                    metrics.miss();
                    metrics.error("get", error);
                } else {
                    metrics.miss();
                }
            } catch (Exception e) {
                entry.getValue().cancel(true);
                metrics.miss();
                metrics.error("get", e);
            }
        }
        return found;
    }

    @Override
    public void set(String key, String value, Duration ttl) {
        try {
            SetResponse response = client.set(cacheName, key, value, ttl).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response instanceof SetResponse.Error error) {
                metrics.error("set", error);
            }
        } catch (Exception e) {
            metrics.error("set", e);
        }
    }

    /**
     * Waits for the delete within the bound; one that fails or times out is retried in the background a few times
     * (after 0.2, 1 and 5 s), since a lost invalidation would serve stale data until the entry's TTL ends.
     */
    @Override
    public void delete(String key) {
        if (!deleted(key, timeout)) {
            retryDelete(key, 0);
        }
    }

    private static final long[] RETRY_DELAYS_MS = {200, 1000, 5000};

    private void retryDelete(String key, int attempt) {
        if (attempt >= RETRY_DELAYS_MS.length) {
            return;
        }
        CompletableFuture.delayedExecutor(RETRY_DELAYS_MS[attempt], TimeUnit.MILLISECONDS)
                .execute(() -> {
                    if (!deleted(key, Duration.ofSeconds(2))) {
                        retryDelete(key, attempt + 1);
                    }
                });
    }

    private boolean deleted(String key, Duration wait) {
        try {
            DeleteResponse response = client.delete(cacheName, key).get(wait.toNanos(), TimeUnit.NANOSECONDS);
            if (response instanceof DeleteResponse.Error error) {
                metrics.error("delete", error);
                return false;
            }
            return true;
        } catch (Exception e) {
            metrics.error("delete", e);
            return false;
        }
    }

    /** Connects at start-up (within five seconds), so the first requests do not pay for the connection. */
    private static CacheClient connect(CredentialProvider credentials, momento.sdk.config.Configuration configuration) {
        try {
            return CacheClient.create(credentials, configuration, Duration.ofMinutes(1), Duration.ofSeconds(5));
        } catch (RuntimeException unreachable) {
            return CacheClient.create(credentials, configuration, Duration.ofMinutes(1));
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
