package com.cruddur.common.cache;

import java.time.Duration;

/** Every cache key and TTL of Cruddur, in one place, so writers and invalidators agree. Bump the version to retire old entries. */
public final class CacheKeys {

    private static final String VERSION = "v1";

    /** The first page of the home and profile feeds: deleted on a new crud, reply, like or repost. */
    public static final Duration FEED_TTL = Duration.ofSeconds(10);

    private CacheKeys() {
    }

    public static String homeFeed() {
        return VERSION + ":feed:home";
    }

    public static String profileFeed(String sub) {
        return VERSION + ":feed:profile:" + sub;
    }
}
