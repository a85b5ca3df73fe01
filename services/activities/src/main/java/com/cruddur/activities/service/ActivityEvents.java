package com.cruddur.activities.service;

import com.cruddur.activities.Activity;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.events.EventPublisher;
import com.cruddur.usersclient.UserDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;

/** What the activities service tells the notifications service, after the write it describes succeeded. */
@ApplicationScoped
public class ActivityEvents {

    private final EventPublisher publisher;
    private final UserDirectory users;
    private final Clock clock;

    public ActivityEvents(EventPublisher publisher, UserDirectory users, Clock clock) {
        this.publisher = publisher;
        this.users = users;
        this.clock = clock;
    }

    /** A new crud or reply: its parent's author learns of a reply, each existing user it mentions of the mention. */
    public void posted(Activity activity, String parentAuthor) {
        if (parentAuthor != null) {
            publish(Event.ACTIVITY_REPLIED, activity.authorSub(), parentAuthor, activity);
        }
        Set<String> handles = SearchTokens.mentions(activity.message());
        for (String handle : handles) {
            users.byHandle(handle)
                    .filter(user -> !user.sub().equals(parentAuthor)) // the reply notification says it already
                    .ifPresent(user -> publish(Event.ACTIVITY_MENTIONED, activity.authorSub(), user.sub(), activity));
        }
    }

    /** A like or repost added or taken back; {@code activity} carries the counts after the change. */
    public void reacted(String type, String actor, Activity activity) {
        publish(type, actor, activity.authorSub(), activity);
    }

    private void publish(String type, String actor, String recipient, Activity a) {
        publisher.publish(Event.of(type, Timestamps.format(Instant.now(clock)), actor, recipient,
                new Event.Subject(a.uuid(), a.replyTo(), null, null, a.message(), Timestamps.format(a.createdAt()),
                        Timestamps.format(a.expiresAt()), a.repliesCount(), a.repostsCount(), a.likesCount())));
    }
}
