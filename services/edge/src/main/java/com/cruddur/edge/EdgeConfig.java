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
     * Open event streams ({@code Accept: text/event-stream}) kept to each service, at most, apart from the
     * connections of ordinary requests: a stream holds its connection for as long as it is open. One more is refused
     * at once (502) rather than queued.
     */
    @WithDefault("10000")
    int maxStreams();

    /**
     * A backend connection that carries nothing for this long is closed, and a request waiting on it answered 502:
     * below the services' own idle timeout ({@code quarkus.http.idle-timeout}, 75 s), so that the edge, not the
     * service, closes an idle connection; and well above the event streams' 15-s heartbeat, so that an open stream
     * is never cut while a stuck request is.
     */
    @WithDefault("60s")
    Duration idleTimeout();
}
