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
 * Momento, through its own SDK. Every call is bounded by {@code timeout}: reads wait at most that long and count as a
 * miss after it; writes and deletes are sent without waiting for them, and their failures are only counted.
 */
public final class MomentoCache implements Cache, AutoCloseable {

    private final CacheClient client;
    private final String cacheName;
    private final Duration timeout;
    private final CacheMetrics metrics;

    public MomentoCache(CredentialProvider credentials, String cacheName, Duration timeout, CacheMetrics metrics) {
        this.client = CacheClient.create(credentials, Configurations.InRegion.latest().withTimeout(timeout), Duration.ofMinutes(1));
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
                GetResponse response = entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
        client.set(cacheName, key, value, ttl).whenComplete((response, failure) -> {
            if (failure != null) {
                metrics.error("set", failure);
            } else if (response instanceof SetResponse.Error error) {
                metrics.error("set", error);
            }
        });
    }

    /** Waits (bounded) for the delete, since an invalidation that arrives late serves stale data meanwhile. */
    @Override
    public void delete(String key) {
        try {
            DeleteResponse response = client.delete(cacheName, key).get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response instanceof DeleteResponse.Error error) {
                metrics.error("delete", error);
            }
        } catch (Exception e) {
            metrics.error("delete", e);
        }
    }

    @Override
    public void close() {
        client.close();
    }
}
