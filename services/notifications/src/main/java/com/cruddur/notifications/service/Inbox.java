package com.cruddur.notifications.service;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.time.Timestamps;
import com.cruddur.common.validation.Validation;
import com.cruddur.notifications.Notification;
import com.cruddur.notifications.repository.NotificationRepository;
import com.cruddur.usersclient.UserDirectory;
import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/** The caller's notifications, shaped so the frontend's activity feed renders them. */
@ApplicationScoped
public class Inbox {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(
            String uuid,
            String notificationUuid,
            String kind,
            String actorHandle,
            String displayName,
            String handle,
            String message,
            String createdAt,
            String expiresAt,
            long repliesCount,
            long repostsCount,
            long likesCount,
            String replyToActivityUuid,
            String activityUuid,
            String messageGroupUuid,
            boolean read) {}

    public record ViewPage(List<View> items, Optional<String> next) {}

    private final NotificationRepository notifications;
    private final UserDirectory users;
    private final Clock clock;

    public Inbox(NotificationRepository notifications, UserDirectory users, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.clock = clock;
    }

    /**
     * A page of the caller's notifications; those whose actor the users service no longer knows are left out (and
     * not counted as unread either).
     */
    public ViewPage page(String recipient, Paging paging) {
        NotificationRepository.Page page = notifications.page(recipient, paging.after(), now(), paging.limit());
        return new ViewPage(views(recipient, page.items()), page.next());
    }

    /** These notifications as the list shows them, in the same order, leaving out those the list leaves out. */
    public List<View> views(String recipient, List<Notification> items) {
        Map<String, UserDirectory.ShortProfile> people = users.bySubs(people(recipient, items));
        return items.stream()
                .filter(n -> shown(n, people))
                .map(n -> view(n, people.get(n.actorSub()), people.get(recipient)))
                .toList();
    }

    /** The unread items the list would show, up to {@link NotificationRepository#UNREAD_MAX}. */
    public long unread(String recipient) {
        List<Notification> unread =
                notifications.unread(recipient, Optional.empty(), now(), NotificationRepository.UNREAD_MAX);
        Map<String, UserDirectory.ShortProfile> people = users.bySubs(people(recipient, unread));
        return unread.stream().filter(n -> shown(n, people)).count();
    }

    /** Marks read the notifications up to and including {@code upTo}, or all; returns the unread count left. */
    public long markRead(String recipient, String upTo) {
        Optional<String> bound = Optional.empty();
        if (upTo != null) {
            if (!Validation.isUuid(upTo)) {
                throw new ApiException(422, "up_to_invalid");
            }
            bound = Optional.of(notifications
                    .pointer(recipient, upTo)
                    .flatMap(NotificationRepository.Pointer::at)
                    .orElseThrow(() -> ApiException.notFound("notification_not_found")));
        }
        notifications
                .unread(recipient, bound, now(), NotificationRepository.UNREAD_MAX)
                .forEach(notifications::markRead);
        return unread(recipient);
    }

    /** The actors of these notifications, and the recipient (the author of a liked or reposted crud). */
    private static List<String> people(String recipient, List<Notification> items) {
        return Stream.concat(Stream.of(recipient), items.stream().map(Notification::actorSub))
                .distinct()
                .toList();
    }

    private static boolean shown(Notification n, Map<String, UserDirectory.ShortProfile> people) {
        return people.containsKey(n.actorSub()) && people.containsKey(n.recipientSub());
    }

    /**
     * {@code handle} and {@code uuid} are those of the content the notification is about, so the frontend's link
     * {@code /@{handle}/status/{uuid}} leads to it: the reply or mentioning crud by the actor, or the recipient's own
     * liked or reposted crud. A follow is about no crud: the follower's handle and sub, no text, no expiry.
     */
    private static View view(Notification n, UserDirectory.ShortProfile actor, UserDirectory.ShortProfile recipient) {
        boolean noCrud = n.kind() == Notification.Kind.MESSAGE || n.kind() == Notification.Kind.FOLLOW;
        boolean reaction = n.kind() == Notification.Kind.LIKE || n.kind() == Notification.Kind.REPOST;
        UserDirectory.ShortProfile author = reaction ? recipient : actor;
        return new View(
                n.subjectUuid(),
                n.uuid(),
                n.kind().name().toLowerCase(Locale.ROOT),
                actor.handle(),
                author.displayName(),
                author.handle(),
                n.message(),
                Timestamps.format(n.createdAt()),
                noCrud ? null : Timestamps.format(n.expiresAt()),
                n.repliesCount(),
                n.repostsCount(),
                n.likesCount(),
                n.replyTo(),
                n.activityUuid(),
                n.messageGroupUuid(),
                n.read());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
