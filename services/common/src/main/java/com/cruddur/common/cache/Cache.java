package com.cruddur.common.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/**
 * The cache port: Momento, in-process (Caffeine) or off, chosen by {@code cruddur.cache.type}. No call ever throws or
 * waits longer than the configured bound: a failure or timeout is a miss. Keys are namespaced and versioned
 * ({@code v1:profile:sub:<sub>}); values are compact JSON; every entry has an explicit TTL.
 */
public interface Cache {

    Optional<String> get(String key);

    /** The hits among {@code keys}, fetched together. */
    Map<String, String> getAll(Collection<String> keys);

    void set(String key, String value, Duration ttl);

    void delete(String key);
}
