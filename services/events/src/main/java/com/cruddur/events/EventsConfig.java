package com.cruddur.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

@ConfigMapping(prefix = "cruddur.events")
public interface EventsConfig {

    String queueUrl();

    /**
     * The table whose items carry the events still to send (the publishing service's own table, with the
     * {@code outbox} index); a service that only consumes events has none, and runs no relay.
     */
    Optional<String> outboxTable();

    /** How often the relay looks for pending events when no write nudged it (after a restart, another instance's). */
    @WithDefault("1s")
    Duration relayInterval();

    /** How many of a round's items the relay derives and clears at once (its sends go ten to a call anyway). */
    @WithDefault("8")
    int relayParallelism();

    @WithDefault("100ms")
    Duration firstBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
