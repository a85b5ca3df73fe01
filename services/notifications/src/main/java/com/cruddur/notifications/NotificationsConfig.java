package com.cruddur.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "cruddur.notifications")
public interface NotificationsConfig {

    String table();

    Duration pollWait();

    Duration retryDelay();

    /** How long a notification lives, at most (it never outlives the crud it is about). */
    @WithDefault("30d")
    Duration lifetime();
}
