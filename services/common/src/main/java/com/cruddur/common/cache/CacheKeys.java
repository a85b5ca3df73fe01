package com.cruddur.common.cache;

import java.time.Duration;

/** Every cache key and TTL of Cruddur, in one place, so writers and invalidators agree. Bump the version to retire old entries. */
public final class CacheKeys {

    private static final String VERSION = "v1";

    /** The first page of the home feed: deleted on a new crud, reply, like or repost. */
    public static final Duration FEED_TTL = Duration.ofSeconds(10);

    /**
     * An author's newest cruds and their count: deleted on every change of that author's cruds and read only while
     * none of them expired, so the TTL only bounds what another instance's in-process copy shows (docs/cache.md).
     */
    public static final Duration AUTHOR_FEED_TTL = Duration.ofMinutes(5);

    /**
     * A reader's own likes and reposts: rewritten by that reader's own like or repost, so the TTL only bounds what a
     * write racing the same reader's page read may leave behind, and what another instance's in-process copy shows.
     */
    public static final Duration MARKERS_TTL = Duration.ofMinutes(5);

    /**
     * A user's profile with its counts, kept by the users service, which deletes it on its own writes of the user
     * (docs/cache.md); the TTL bounds what a load racing a write on another instance may leave behind.
     */
    public static final Duration USER_TTL = Duration.ofMinutes(5);

    /** Which user holds a handle: a claim never changes hands, so only memory bounds it. */
    public static final Duration HANDLE_TTL = Duration.ofHours(1);

    private CacheKeys() {}

    public static String user(String sub) {
        return VERSION + ":user:" + sub;
    }

    /** Whether {@code follower} follows {@code followed}: deleted by the follower's follow and unfollow. */
    public static String follows(String follower, String followed) {
        return VERSION + ":follows:" + follower + ":" + followed;
    }

    /** {@code handle} in lower case, as handles are compared. */
    public static String handle(String handle) {
        return VERSION + ":handle:" + handle;
    }

    public static String homeFeed() {
        return VERSION + ":feed:home";
    }

    /** The positions of the home feed's page of {@code limit} after {@code position} (a later page). */
    public static String homeFeedAfter(String position, int limit) {
        return VERSION + ":feed:home:after:" + limit + ":" + position;
    }

    /** An author's newest cruds (the profile feed's first page) and their count. */
    public static String authorFeed(String sub) {
        return VERSION + ":feed:author:" + sub;
    }

    public static String markers(String sub) {
        return VERSION + ":markers:" + sub;
    }
}
