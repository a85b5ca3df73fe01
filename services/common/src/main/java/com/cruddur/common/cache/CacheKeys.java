package com.cruddur.common.cache;

import java.time.Duration;

/** Every cache key and TTL of Cruddur, in one place, so writers and invalidators agree. Bump the version to retire old entries. */
public final class CacheKeys {

    private static final String VERSION = "v1";

    /** The first page of the home and profile feeds: deleted on a new crud, reply, like or repost. */
    public static final Duration FEED_TTL = Duration.ofSeconds(10);

    /**
     * A reader's own likes and reposts: rewritten by that reader's own like or repost, so the TTL only bounds what a
     * write racing the same reader's page read may leave behind, and what another instance's in-process copy shows.
     */
    public static final Duration MARKERS_TTL = Duration.ofMinutes(5);

    private CacheKeys() {}

    public static String homeFeed() {
        return VERSION + ":feed:home";
    }

    /** The positions of the home feed's page of {@code limit} after {@code position} (a later page). */
    public static String homeFeedAfter(String position, int limit) {
        return VERSION + ":feed:home:after:" + limit + ":" + position;
    }

    public static String profileFeed(String sub) {
        return VERSION + ":feed:profile:" + sub;
    }

    public static String markers(String sub) {
        return VERSION + ":markers:" + sub;
    }
}
