package com.cruddur.notifications.service;

import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.notifications.Notification;
import com.cruddur.notifications.Notification.Kind;
import com.cruddur.notifications.NotificationsConfig;
import com.cruddur.notifications.repository.NotificationRepository;
import com.cruddur.notifications.repository.NotificationRepository.Pointer;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Turns events into notifications, idempotently: the same event twice makes one notification, events older than
 * the last one applied to a notification change nothing (SQS may deliver out of order), nobody is notified of their
 * own actions, and an unlike or un-repost removes the notification of the like or repost.
 */
@ApplicationScoped
public class Notifier {

    /** An event that cannot be processed: it is retried, and ends in the dead-letter queue. */
    public static class InvalidEvent extends RuntimeException {
        InvalidEvent(String message) {
            super(message);
        }
    }

    private static final Map<String, Kind> ADDS = Map.of(
            Event.ACTIVITY_REPLIED, Kind.REPLY,
            Event.ACTIVITY_MENTIONED, Kind.MENTION,
            Event.ACTIVITY_LIKED, Kind.LIKE,
            Event.ACTIVITY_REPOSTED, Kind.REPOST,
            Event.MESSAGE_SENT, Kind.MESSAGE,
            Event.USER_FOLLOWED, Kind.FOLLOW);
    private static final Map<String, Kind> REMOVES = Map.of(
            Event.ACTIVITY_UNLIKED, Kind.LIKE,
            Event.ACTIVITY_UNREPOSTED, Kind.REPOST);

    private final NotificationRepository notifications;
    private final NotificationsConfig config;
    private final LiveNotifications live;

    public Notifier(NotificationRepository notifications, NotificationsConfig config, LiveNotifications live) {
        this.notifications = notifications;
        this.config = config;
        this.live = live;
    }

    public void process(Event event) {
        validate(event);
        if (event.actorSub().equals(event.recipientSub())) {
            return;
        }
        Kind added = ADDS.get(event.type());
        Kind kind = added != null ? added : REMOVES.get(event.type());
        String uuid = notificationId(event, kind);
        Optional<Pointer> pointer = notifications.pointer(event.recipientSub(), uuid);
        if (pointer.isPresent()
                && (pointer.get().eventId().equals(event.id())
                        || pointer.get().eventTime().compareTo(event.time()) > 0)) {
            return; // applied already, or a newer action on this notification was
        }
        pointer.flatMap(Pointer::at).ifPresent(at -> notifications.deleteItem(event.recipientSub(), at));
        Instant time = Timestamps.parse(event.time());
        Instant expires = expiry(event, time);
        if (added == null) {
            notifications.tombstone(event.recipientSub(), uuid, event.id(), event.time(), expires);
            return;
        }
        Event.Subject s = event.subject();
        String subject = switch (kind) {
            case MESSAGE -> s.messageUuid();
            case FOLLOW -> event.actorSub();
            default -> s.activityUuid();
        };
        boolean message = kind == Kind.MESSAGE;
        Notification notification = new Notification(
                uuid,
                event.recipientSub(),
                kind,
                event.actorSub(),
                subject,
                s.activityUuid(),
                s.replyToActivityUuid(),
                s.messageGroupUuid(),
                kind == Kind.FOLLOW ? "" : s.message(),
                time,
                expires,
                count(s.repliesCount()),
                count(s.repostsCount()),
                count(s.likesCount()),
                false);
        // stored, then logged for the live streams, then marked applied: a crash in between logs it again on the
        // event's redelivery (a stream may show it twice) rather than never
        // (messages are not listed, so not streamed either)
        String at = notifications.put(notification);
        if (!message) {
            live.logged(event.recipientSub(), at, expires);
        }
        notifications.point(notification, event.id(), at);
        if (!message) {
            live.wake(event.recipientSub());
        }
    }

    /**
     * One notification per like (or repost) of one user on one crud, whatever the number of like and unlike
     * events; one per follower (following again after an unfollow replaces it); one per event for the rest.
     */
    private static String notificationId(Event event, Kind kind) {
        String name = switch (kind) {
            case LIKE, REPOST -> kind + ":" + event.subject().activityUuid() + ":" + event.actorSub();
            case FOLLOW -> kind + ":" + event.actorSub() + ":" + event.recipientSub();
            default -> event.id() + ":" + event.recipientSub();
        };
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** 30 days, and never longer than the crud it is about lives. */
    private Instant expiry(Event event, Instant time) {
        Instant expires = time.plus(config.lifetime());
        String crudExpiry = event.subject().expiresAt();
        if (crudExpiry != null && Timestamps.parse(crudExpiry).isBefore(expires)) {
            expires = Timestamps.parse(crudExpiry);
        }
        return expires;
    }

    private static void validate(Event event) {
        if (event.schemaVersion() != Event.SCHEMA_VERSION) {
            throw new InvalidEvent("unknown schema version " + event.schemaVersion());
        }
        if (!ADDS.containsKey(event.type()) && !REMOVES.containsKey(event.type())) {
            throw new InvalidEvent("unknown event type " + event.type());
        }
        if (event.id() == null
                || event.time() == null
                || event.actorSub() == null
                || event.recipientSub() == null
                || event.subject() == null) {
            throw new InvalidEvent("incomplete event " + event.id());
        }
        Event.Subject s = event.subject();
        boolean message = Event.MESSAGE_SENT.equals(event.type());
        boolean follow = Event.USER_FOLLOWED.equals(event.type());
        if (!follow
                && ((message ? s.messageUuid() == null || s.messageGroupUuid() == null : s.activityUuid() == null)
                        || (ADDS.containsKey(event.type()) && (s.message() == null || s.createdAt() == null)))) {
            throw new InvalidEvent("event " + event.id() + " lacks its subject");
        }
        try {
            Timestamps.parse(event.time());
        } catch (RuntimeException e) {
            throw new InvalidEvent("event " + event.id() + " has no valid time");
        }
    }

    private static long count(Long value) {
        return value == null ? 0 : value;
    }
}
