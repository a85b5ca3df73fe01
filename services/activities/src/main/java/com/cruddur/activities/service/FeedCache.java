package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The first page of the home feed, cached for a few seconds, and each author's newest cruds, cached until that
 * author's next change. Only what is the same for every reader is cached (the activities and their counts): authors
 * come through the profile cache, and the caller's own {@code liked} and {@code reposted} are read per request, so
 * one user's flags never reach another.
 */
@ApplicationScoped
public class FeedCache {

    /** A cached first page. */
    public record FirstPage(List<Activity> items, boolean hasMore) {}

    /**
     * An author's newest live cruds (the profile feed's first page, also what the following feed's first page
     * merges), how many live cruds they have, and when the first of those expires ({@code null}: none live). It
     * holds until then: no crud in it has expired and the count is exact, so it is read with no count.
     */
    public record AuthorPage(List<Activity> items, boolean hasMore, long crudsCount, Instant firstExpiry) {

        public boolean holdsAt(Instant now) {
            return firstExpiry == null || now.isBefore(firstExpiry);
        }
    }

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

    /** The author's page as it holds at {@code now}: cached, or loaded when absent or one of its cruds expired. */
    public AuthorPage author(String sub, Instant now, Supplier<AuthorPage> load) {
        String key = CacheKeys.authorFeed(sub);
        AuthorPage page = cache.getOrLoad(key, AuthorPage.class, CacheKeys.AUTHOR_FEED_TTL, load);
        if (page.holdsAt(now)) {
            return page;
        }
        cache.delete(key);
        return cache.getOrLoad(key, AuthorPage.class, CacheKeys.AUTHOR_FEED_TTL, load);
    }

    /** The cached pages of these authors that hold at {@code now}, by sub (the following feed's first page). */
    public Map<String, AuthorPage> authors(Collection<String> subs, Instant now) {
        Map<String, AuthorPage> found = new HashMap<>();
        Map<String, AuthorPage> byKey =
                cache.getAll(subs.stream().map(CacheKeys::authorFeed).toList(), AuthorPage.class);
        subs.forEach(sub -> {
            AuthorPage page = byKey.get(CacheKeys.authorFeed(sub));
            if (page != null && page.holdsAt(now)) {
                found.put(sub, page);
            }
        });
        return found;
    }

    /** Something of {@code authorSub}'s changed (a new crud, or a crud's counts): drop the pages that show it. */
    public void changed(String authorSub) {
        cache.delete(CacheKeys.homeFeed());
        cache.delete(CacheKeys.authorFeed(authorSub));
    }
}
