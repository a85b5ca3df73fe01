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

    /**
     * How many store or SQS calls the relay makes at once: a round's derivations, its sends (ten messages to a call)
     * and its clearing each spread over this many threads. Under saturating writes the relay's share of a busy
     * database grows with it (docs/events.md).
     */
    @WithDefault("16")
    int relayParallelism();

    @WithDefault("100ms")
    Duration firstBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
