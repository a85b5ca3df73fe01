package com.cruddur.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cruddur.notifications")
public interface NotificationsConfig {

    String table();

    Duration pollWait();

    Duration retryDelay();

    /** How many receives of the events queue run at once (each takes up to ten messages). */
    @WithDefault("2")
    int pollers();

    /** How many events are processed at once, over all pollers' batches (a bounded pool of worker threads). */
    @WithDefault("16")
    int parallelism();

    /** How long a notification lives, at most (it never outlives the crud it is about). */
    @WithDefault("30d")
    Duration lifetime();
}
