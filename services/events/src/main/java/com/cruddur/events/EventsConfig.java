package com.cruddur.events;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cruddur.events")
public interface EventsConfig {

    String queueUrl();

    /** Events waiting to be sent, at most; beyond it new events are dropped (and counted in the log). */
    @WithDefault("10000")
    int bufferSize();

    /** How long an event is retried while SQS is unreachable before it is given up. */
    @WithDefault("10m")
    Duration retryFor();

    @WithDefault("100ms")
    Duration firstBackoff();

    @WithDefault("30s")
    Duration maxBackoff();
}
