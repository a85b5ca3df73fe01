package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first page of the home feed and of each profile feed, cached for a few seconds. Only what is the same for
 * every reader is cached (the activities and their counts): authors come through the profile cache, and the
 * caller's own {@code liked} and {@code reposted} are read per request, so one user's flags never reach another.
 */
@ApplicationScoped
public class FeedCache {

    /** A cached first page. */
    public record FirstPage(List<Activity> items, boolean hasMore, long crudsCount) {}

    private final JsonCache cache;

    public FeedCache(JsonCache cache) {
        this.cache = cache;
    }

    public FirstPage home(Supplier<FirstPage> load) {
        return cache.getOrLoad(CacheKeys.homeFeed(), FirstPage.class, CacheKeys.FEED_TTL, load);
    }

    /**
     * Which cruds a later page of the home feed holds, newest first. The page after a position changes only when
     * one of its cruds expires (a new crud is newer than every position handed out), so nothing deletes it; the
     * cruds themselves, with their counts, are read afresh.
     */
    public record Positions(List<String> uuids, boolean hasMore) {}

    public Positions homeAfter(String position, int limit, Supplier<Positions> load) {
        return cache.getOrLoad(CacheKeys.homeFeedAfter(position, limit), Positions.class, CacheKeys.FEED_TTL, load);
    }

    public FirstPage profile(String sub, Supplier<FirstPage> load) {
        return cache.getOrLoad(CacheKeys.profileFeed(sub), FirstPage.class, CacheKeys.FEED_TTL, load);
    }

    /** The cached first pages of these users' profile feeds, by sub (the following feed's first page). */
    public Map<String, FirstPage> profiles(Collection<String> subs) {
        Map<String, FirstPage> found = new HashMap<>();
        Map<String, FirstPage> byKey =
                cache.getAll(subs.stream().map(CacheKeys::profileFeed).toList(), FirstPage.class);
        subs.forEach(sub -> {
            FirstPage page = byKey.get(CacheKeys.profileFeed(sub));
            if (page != null) {
                found.put(sub, page);
            }
        });
        return found;
    }

    /** A cached profile page of {@code authorSub} holds a crud that expired: read it afresh next time. */
    public void expired(String authorSub) {
        cache.delete(CacheKeys.profileFeed(authorSub));
    }

    /** Something of {@code authorSub}'s changed (a new crud, or a crud's counts): drop the pages that show it. */
    public void changed(String authorSub) {
        cache.delete(CacheKeys.homeFeed());
        cache.delete(CacheKeys.profileFeed(authorSub));
    }
}
