package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import com.cruddur.events.OutboxDerivations;
import com.cruddur.usersclient.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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

    public ActivityEvents(ActivityRepository activities, UserDirectory users, Outbox outbox, FeedCache feeds, Clock clock) {
        this.activities = activities;
        this.users = users;
        this.outbox = outbox;
        this.feeds = feeds;
        this.clock = clock;
    }

    /** The outbox attributes of a new crud or reply: a reply's parent author learns of it. */
    public Map<String, AttributeValue> pending(Activity activity, String parentAuthor) {
        return outbox.pending(parentAuthor == null ? List.of()
                : List.of(event(Event.ACTIVITY_REPLIED, activity.authorSub(), parentAuthor, activity)));
    }

    /**
     * After the commit, in the request: the relay is told, and the derived writes are tried at once so that the
     * caller sees them; if they fail, the relay does them later, and the write stays answered 200.
     */
    public void committed(Activity activity) {
        outbox.committed();
        try {
            derivedWrites(activity);
        } catch (RuntimeException e) {
            // still pending in the outbox
        }
    }

    @Override
    public List<Event> derive(Map<String, AttributeValue> item) {
        Optional<Activity> stored = ActivityRepository.activityOf(item);
        if (stored.isEmpty()) {
            return List.of();
        }
        Activity activity = stored.get();
        String parentAuthor = derivedWrites(activity);
        List<Event> mentions = new ArrayList<>();
        SearchTokens.mentions(activity.message()).stream().limit(MAX_MENTIONS)
                .forEach(handle -> users.byHandle(handle)
                        .filter(user -> !user.sub().equals(parentAuthor)) // the reply notification says it already
                        .ifPresent(user -> mentions.add(event(Event.ACTIVITY_MENTIONED, activity.authorSub(), user.sub(), activity))));
        return mentions.stream().filter(event -> !event.actorSub().equals(event.recipientSub())).toList();
    }

    /** Search tokens of a crud, or the count of a reply in its parent; returns a reply's parent author. */
    private String derivedWrites(Activity activity) {
        if (!activity.isReply()) {
            activities.putTokens(activity, SearchTokens.of(activity.message()));
            return null;
        }
        Optional<Activity> parent = activities.find(activity.replyTo());
        if (activities.countReply(activity.replyTo(), activity.uuid())) {
            parent.ifPresent(p -> feeds.changed(p.authorSub()));
        }
        return parent.map(Activity::authorSub).orElse(null);
    }

    /** A like or repost added or taken back; {@code activity} carries the counts after the change. */
    public void reacted(String type, String actor, Activity a) {
        outbox.publish(Event.of(type, Timestamps.format(Instant.now(clock)), actor, a.authorSub(), subject(a)));
    }

    /** An event about a new crud or reply, with an id that depends only on what it says (a resend is the same). */
    private static Event event(String type, String actor, String recipient, Activity a) {
        String id = UUID.nameUUIDFromBytes((a.uuid() + "|" + type + "|" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
        return new Event(id, type, Event.SCHEMA_VERSION, Timestamps.format(a.createdAt()), actor, recipient, subject(a));
    }

    private static Event.Subject subject(Activity a) {
        return new Event.Subject(a.uuid(), a.replyTo(), null, null, a.message(), Timestamps.format(a.createdAt()),
                Timestamps.format(a.expiresAt()), a.repliesCount(), a.repostsCount(), a.likesCount());
    }
}
