package com.cruddur.edge;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

@ConfigMapping(prefix = "cruddur.edge")
public interface EdgeConfig {

    /** The base URL of each service, by the name the contract's {@code x-cruddur-service} gives it. */
    Map<String, URI> services();

    @WithDefault("2s")
    Duration connectTimeout();

    /** Connections kept to each service, at most. */
    @WithDefault("64")
    int maxConnections();

    /**
     * A backend connection that carries nothing for this long is closed: below the services' own idle timeout
     * ({@code quarkus.http.idle-timeout}, 75 s), so that the edge, not the service, closes an idle connection.
     */
    @WithDefault("60s")
    Duration idleTimeout();
}
