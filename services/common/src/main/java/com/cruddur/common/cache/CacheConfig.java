package com.cruddur.common.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "cruddur.cache")
public interface CacheConfig {

    enum Type {
        MOMENTO,
        IN_PROCESS,
        OFF
    }

    @WithDefault("in-process")
    Type type();

    /** The longest a cache call may take before it counts as a miss. */
    @WithDefault("50ms")
    Duration timeout();

    /** The in-process cache's bound: about the bytes of its keys and values (16 MiB). */
    @WithDefault("16777216")
    long maxWeight();

    Momento momento();

    interface Momento {
        /** The Momento API key (from a secret in AWS): required for the Momento cache. */
        Optional<String> apiKey();

        @WithDefault("cruddur")
        String cacheName();

        /** {@code host:port} of a local, plaintext Momento-compatible server (tests); unset for Momento itself. */
        Optional<String> localEndpoint();
    }
}
