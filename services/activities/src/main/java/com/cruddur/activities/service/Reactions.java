package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.activities.repository.ActivityRepository.MarkerState;
import com.cruddur.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Likes and reposts, idempotent per user: a marker item per user and activity is the reaction's one commit point,
 * written conditionally with its event in the outbox (taking it back turns it into a tombstone carrying its event).
 * The counter is derived from the marker, once per marker however often (see {@link ActivityRepository#countMarker}):
 * tried at once for the response, and by the outbox relay until it is done. So a crash or a 5xx after the marker was
 * stored leaves nothing off for good, and a retry converges.
 */
@ApplicationScoped
public class Reactions {

    /** The counters after a change, and the caller's own state. */
    public record Counts(long likesCount, long repostsCount, long repliesCount, boolean liked, boolean reposted) {}

    private final ActivityRepository activities;
    private final Posting posting;
    private final ActivityEvents events;
    private final Outbox outbox;
    private final MarkerCache markerCache;

    public Reactions(
            ActivityRepository activities,
            Posting posting,
            ActivityEvents events,
            Outbox outbox,
            MarkerCache markerCache) {
        this.activities = activities;
        this.posting = posting;
        this.events = events;
        this.outbox = outbox;
        this.markerCache = markerCache;
    }

    public Counts add(String sub, String uuid, Marker marker) {
        return change(new MarkerState(uuid, marker, sub, true));
    }

    public Counts remove(String sub, String uuid, Marker marker) {
        return change(new MarkerState(uuid, marker, sub, false));
    }

    private Counts change(MarkerState change) {
        Activity before = posting.live(change.uuid());
        Set<String> markers = new HashSet<>(activities.markersOf(change.sub(), List.of(before.uuid())));
        int delta = change.on() ? 1 : -1;
        Activity after = new Activity(
                before.uuid(),
                before.authorSub(),
                before.message(),
                before.createdAt(),
                before.expiresAt(),
                before.replyTo(),
                before.repliesCount(),
                before.likesCount() + (change.marker() == Marker.LIKE ? delta : 0),
                before.repostsCount() + (change.marker() == Marker.REPOST ? delta : 0));
        Map<String, AttributeValue> pending = events.reacted(change, after);
        boolean changed;
        try {
            changed = change.on()
                    ? activities.putMarker(before, change.marker(), change.sub(), pending)
                    : activities.removeMarker(change.uuid(), change.marker(), change.sub(), pending);
        } finally {
            markerCache.changed(change.sub()); // also when the outcome is unknown (a timeout may have committed it)
        }
        // committed (or standing already, its event carried by the marker): nothing below may fail the request
        String key = change.uuid() + "|" + change.marker().name();
        if (change.on()) {
            markers.add(key);
        } else {
            markers.remove(key);
        }
        Activity now = changed ? after : before;
        if (changed) {
            outbox.committed();
        }
        try {
            now = events.counted(change)
                    .orElseGet(() -> activities.find(change.uuid()).orElse(before));
        } catch (RuntimeException e) {
            // the relay counts it later; the response says what the count will be
        }
        return new Counts(
                now.likesCount(),
                now.repostsCount(),
                now.repliesCount(),
                markers.contains(change.uuid() + "|LIKE"),
                markers.contains(change.uuid() + "|REPOST"));
    }
}
