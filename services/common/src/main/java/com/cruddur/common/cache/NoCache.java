package com.cruddur.common.cache;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;

/** The cache turned off: every read goes to the source. */
public final class NoCache implements Cache {

    @Override
    public Optional<String> get(String key) {
        return Optional.empty();
    }

    @Override
    public Map<String, String> getAll(Collection<String> keys) {
        return Map.of();
    }

    @Override
    public void set(String key, String value, Duration ttl) {}

    @Override
    public void delete(String key) {}
}
