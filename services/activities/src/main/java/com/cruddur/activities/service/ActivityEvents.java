package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.activities.repository.ActivityRepository.MarkerState;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.events.OutboxDerivations;
import com.cruddur.usersclient.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What follows from a stored crud or reply, and what the activities service tells the notifications service. A
 * crud or reply carries its events in its own item (see {@link Outbox}); the relay then calls {@link #derive} until
 * it succeeds: search tokens, the parent's {@code replies_count}, and the mentions, resolved after the response.
 */
@ApplicationScoped
public class ActivityEvents implements OutboxDerivations {

    /** Mentions notified per crud or reply, at most; further handles are left unresolved. */
    static final int MAX_MENTIONS = 10;

    private final ActivityRepository activities;
    private final UserDirectory users;
    private final Outbox outbox;
    private final FeedCache feeds;
    private final Clock clock;

    public ActivityEvents(
            ActivityRepository activities, UserDirectory users, Outbox outbox, FeedCache feeds, Clock clock) {
        this.activities = activities;
        this.users = users;
        this.outbox = outbox;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** The outbox attributes of a new reply: its parent's author learns of it. */
    public Map<String, AttributeValue> pending(Activity reply, String parentAuthor) {
        return outbox.pending(List.of(event(Event.ACTIVITY_REPLIED, reply.authorSub(), parentAuthor, reply)));
    }

    /**
     * Before a crud's put: its search tokens, written first so that a crud that mentions nobody owes nothing after
     * its put (no outbox, no relay round: two DynamoDB calls in all, docs/events.md). Tokens of a crud whose put then
     * fails point at no crud, and search leaves them out. Returns the outbox attributes the crud's item carries: only
     * a crud that mentions someone has any (its mentions are resolved after the response).
     */
    public Map<String, AttributeValue> beforeCrud(Activity crud) {
        activities.putTokens(crud, SearchTokens.of(crud.message()));
        return mentionsSomeone(crud) ? outbox.pending(List.of()) : Map.of();
    }

    /**
     * After the commit, in the request: the relay is told (a crud only if it mentions someone), and a reply's count
     * in its parent is tried at once so that the caller sees it; if that fails, the relay does it later, and the
     * write stays answered 200.
     */
    public void committed(Activity activity) {
        if (!activity.isReply()) {
            if (mentionsSomeone(activity)) {
                outbox.committed();
            }
            return;
        }
        outbox.committed();
        try {
            derivedWrites(activity);
        } catch (RuntimeException e) {
            // still pending in the outbox
        }
    }

    @Override
    public List<Event> derive(Map<String, AttributeValue> item) {
        Optional<MarkerState> marker = ActivityRepository.markerOf(item);
        if (marker.isPresent()) {
            counted(marker.get());
            return List.of();
        }
        Optional<Activity> stored = ActivityRepository.activityOf(item);
        if (stored.isEmpty()) {
            return List.of();
        }
        Activity activity = stored.get();
        Optional<Activity> counted = derivedWrites(activity);
        List<String> handles = SearchTokens.mentions(activity.message()).stream()
                .limit(MAX_MENTIONS)
                .toList();
        if (handles.isEmpty()) {
            return List.of();
        }
        // a reply counted before (in its request, most often) reads its parent only when it mentions someone
        String parentAuthor = activity.isReply()
                ? counted.or(() -> activities.find(activity.replyTo()))
                        .map(Activity::authorSub)
                        .orElse(null)
                : null;
        // one call for every handle; the reply notification tells the parent's author already
        return users.byHandles(handles).values().stream()
                .map(UserDirectory.Profile::sub)
                .distinct()
                .filter(sub -> !sub.equals(parentAuthor) && !sub.equals(activity.authorSub()))
                .map(sub -> event(Event.ACTIVITY_MENTIONED, activity.authorSub(), sub, activity))
                .toList();
    }

    private static boolean mentionsSomeone(Activity crud) {
        return !SearchTokens.mentions(crud.message()).isEmpty();
    }

    /**
     * Search tokens of a crud (written again for a crud that mentions someone, or one stored before its tokens came
     * first), or the count of a reply in its parent: one call either way. Returns a reply's parent as this call
     * counted it, empty if it was counted before (or is gone).
     */
    private Optional<Activity> derivedWrites(Activity activity) {
        if (!activity.isReply()) {
            activities.putTokens(activity, SearchTokens.of(activity.message()));
            return Optional.empty();
        }
        Optional<Activity> parent = activities.countReply(activity.replyTo(), activity.uuid());
        parent.ifPresent(p -> feeds.changed(p.authorSub()));
        return parent;
    }

    /**
     * The outbox attributes of a like or repost added ({@code on}) or taken back by {@code actor}; {@code a} carries
     * the counts after the change. The marker item carries them, and the relay derives the counter from it.
     */
    public Map<String, AttributeValue> reacted(MarkerState marker, Activity a) {
        String type = marker.marker() == Marker.LIKE
                ? (marker.on() ? Event.ACTIVITY_LIKED : Event.ACTIVITY_UNLIKED)
                : (marker.on() ? Event.ACTIVITY_REPOSTED : Event.ACTIVITY_UNREPOSTED);
        List<Event> events =
                List.of(Event.of(type, Timestamps.format(Instant.now(clock)), marker.sub(), a.authorSub(), subject(a)));
        return marker.on() ? outbox.pending(events) : outbox.pendingThenDeleted(events);
    }

    /**
     * The counter brought in line with a marker (once per marker, however often); the activity as it is now if
     * that changed it.
     */
    public Optional<Activity> counted(MarkerState marker) {
        Optional<Activity> changed = activities.countMarker(marker);
        changed.ifPresent(a -> feeds.changed(a.authorSub()));
        return changed;
    }

    /** An event about a new crud or reply, with an id that depends only on what it says (a resend is the same). */
    private static Event event(String type, String actor, String recipient, Activity a) {
        String id = UUID.nameUUIDFromBytes((a.uuid() + "|" + type + "|" + recipient).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new Event(
                id, type, Event.SCHEMA_VERSION, Timestamps.format(a.createdAt()), actor, recipient, subject(a));
    }

    private static Event.Subject subject(Activity a) {
        return new Event.Subject(
                a.uuid(),
                a.replyTo(),
                null,
                null,
                a.message(),
                Timestamps.format(a.createdAt()),
                Timestamps.format(a.expiresAt()),
                a.repliesCount(),
                a.repostsCount(),
                a.likesCount());
    }
}
