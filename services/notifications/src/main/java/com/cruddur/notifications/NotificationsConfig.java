package com.cruddur.notifications;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

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

    /** Live notifications (docs/live-notifications.md). */
    Stream stream();

    interface Stream {
        /** How long a stream ticket can be redeemed after it was issued. */
        @WithDefault("60s")
        Duration ticketLifetime();

        /** Tickets per caller and minute. */
        @WithDefault("20")
        long ticketsPerMinute();

        /** The most open streams per user, over all instances. */
        @WithDefault("5")
        int maxPerUser();

        /** How often each stream gets a heartbeat comment, and is checked against the store and the account. */
        @WithDefault("15s")
        Duration heartbeat();

        /**
         * The address other instances reach this one at, to wake its streams ({@code http://<host>:<port>}); by
         * default this host's address and the HTTP port.
         */
        Optional<String> instanceUrl();
    }
}
