package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.common.error.ApiException;
import com.cruddur.events.Event;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;

/**
 * Likes and reposts, idempotent per user: a marker item per user and activity is written conditionally, and only
 * the call that created (or removed) it moves the counter, with an atomic ADD. So concurrent and repeated calls
 * keep the count exact without a transaction.
 */
@ApplicationScoped
public class Reactions {

    /** The counters after a change, and the caller's own state. */
    public record Counts(long likesCount, long repostsCount, long repliesCount, boolean liked, boolean reposted) {
    }

    private final ActivityRepository activities;
    private final Posting posting;
    private final ActivityEvents events;
    private final FeedCache feeds;

    public Reactions(ActivityRepository activities, Posting posting, ActivityEvents events, FeedCache feeds) {
        this.activities = activities;
        this.posting = posting;
        this.events = events;
        this.feeds = feeds;
    }

    public Counts add(String sub, String uuid, Marker marker) {
        Activity activity = posting.live(uuid);
        if (activities.putMarker(activity, marker, sub)) {
            activity = activities.addToCounter(uuid, counter(marker), 1).orElseThrow(() -> ApiException.notFound(Posting.NOT_FOUND));
            feeds.changed(activity.authorSub());
            events.reacted(marker == Marker.LIKE ? Event.ACTIVITY_LIKED : Event.ACTIVITY_REPOSTED, sub, activity);
        }
        return counts(sub, activity);
    }

    public Counts remove(String sub, String uuid, Marker marker) {
        Activity activity = posting.live(uuid);
        if (activities.deleteMarker(uuid, marker, sub)) {
            activity = activities.addToCounter(uuid, counter(marker), -1).orElseThrow(() -> ApiException.notFound(Posting.NOT_FOUND));
            feeds.changed(activity.authorSub());
            events.reacted(marker == Marker.LIKE ? Event.ACTIVITY_UNLIKED : Event.ACTIVITY_UNREPOSTED, sub, activity);
        }
        return counts(sub, activity);
    }

    private Counts counts(String sub, Activity activity) {
        Set<String> markers = activities.markersOf(sub, List.of(activity.uuid()));
        return new Counts(activity.likesCount(), activity.repostsCount(), activity.repliesCount(),
                markers.contains(activity.uuid() + "|LIKE"), markers.contains(activity.uuid() + "|REPOST"));
    }

    private static String counter(Marker marker) {
        return marker == Marker.LIKE ? "likes_count" : "reposts_count";
    }
}
