package com.cruddur.activities.service;

import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A reader's own likes and reposts, kept through the cache port (in-process, or Momento shared by every instance):
 * one entry per reader with what is known of the cruds they saw last (at most {@link #MAX_KNOWN}, so an entry's
 * weight is bounded), so a warm signed-in page reads no marker from the table. This service owns the markers, and a
 * reader's entry is dropped by that reader's own like or repost once it is committed, so a change shows at once to
 * its reader; an entry is only ever that one reader's, so no reader sees another's flags.
 */
@ApplicationScoped
public class MarkerCache {

    /** The most cruds one reader's entry remembers (the newest seen are kept): about 50 bytes each. */
    static final int MAX_KNOWN = 200;

    /** What is known of one reader: for each crud seen, the markers that stand (often none). */
    public record Known(Map<String, List<Marker>> byActivity) {}

    private final JsonCache cache;
    private final ActivityRepository activities;

    public MarkerCache(JsonCache cache, ActivityRepository activities) {
        this.cache = cache;
        this.activities = activities;
    }

    /** Which of these activities {@code sub} liked or reposted, as {@code "<uuid>|LIKE"} and {@code "<uuid>|REPOST"}. */
    public Set<String> markersOf(String sub, Collection<String> uuids) {
        String key = CacheKeys.markers(sub);
        Map<String, List<Marker>> known = new LinkedHashMap<>();
        Known cached = cache.getAll(List.of(key), Known.class).get(key);
        if (cached != null && cached.byActivity() != null) {
            known.putAll(cached.byActivity());
        }
        List<String> missing = new ArrayList<>(new LinkedHashSet<>(uuids));
        missing.removeAll(known.keySet());
        if (!missing.isEmpty()) {
            Set<String> loaded = activities.markersOf(sub, missing);
            for (String uuid : missing) {
                known.put(
                        uuid,
                        List.of(Marker.values()).stream()
                                .filter(m -> loaded.contains(uuid + "|" + m.name()))
                                .toList());
            }
            // the newest seen are kept (inserted last)
            List<String> oldest = new ArrayList<>(known.keySet());
            oldest.subList(Math.max(0, oldest.size() - MAX_KNOWN), oldest.size())
                    .clear();
            oldest.forEach(known::remove);
            cache.put(key, new Known(known), CacheKeys.MARKERS_TTL);
        }
        Set<String> found = new HashSet<>();
        for (String uuid : uuids) {
            known.getOrDefault(uuid, List.of()).forEach(marker -> found.add(uuid + "|" + marker.name()));
        }
        return found;
    }

    /** {@code sub} liked, reposted or took one back (committed): their entry is read afresh next time. */
    public void changed(String sub) {
        cache.delete(CacheKeys.markers(sub));
    }
}
