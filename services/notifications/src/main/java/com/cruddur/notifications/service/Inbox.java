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

/** The caller's notifications, shaped so the frontend's activity feed renders them. */
@ApplicationScoped
public class Inbox {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String uuid, String notificationUuid, String kind, String actorHandle, String displayName,
            String handle, String message, String createdAt, String expiresAt, long repliesCount, long repostsCount,
            long likesCount, String replyToActivityUuid, String activityUuid, String messageGroupUuid, boolean read) {
    }

    public record ViewPage(List<View> items, Optional<String> next) {
    }

    private final NotificationRepository notifications;
    private final UserDirectory users;
    private final Clock clock;

    public Inbox(NotificationRepository notifications, UserDirectory users, Clock clock) {
        this.notifications = notifications;
        this.users = users;
        this.clock = clock;
    }

    public ViewPage page(String recipient, Paging paging) {
        NotificationRepository.Page page = notifications.page(recipient, paging.after(), now(), paging.limit());
        Map<String, UserDirectory.ShortProfile> actors = users.bySubs(page.items().stream().map(Notification::actorSub).toList());
        List<View> views = page.items().stream().filter(n -> actors.containsKey(n.actorSub()))
                .map(n -> view(n, actors.get(n.actorSub()))).toList();
        return new ViewPage(views, page.next());
    }

    public long unread(String recipient) {
        return notifications.countUnread(recipient, now());
    }

    /** Marks read the notifications up to and including {@code upTo}, or all; returns the unread count left. */
    public long markRead(String recipient, String upTo) {
        Optional<String> bound = Optional.empty();
        if (upTo != null) {
            if (!Validation.isUuid(upTo)) {
                throw new ApiException(422, "up_to_invalid");
            }
            bound = Optional.of(notifications.pointer(recipient, upTo).flatMap(NotificationRepository.Pointer::at)
                    .orElseThrow(() -> ApiException.notFound("notification_not_found")));
        }
        notifications.unread(recipient, bound, now()).forEach(notifications::markRead);
        return unread(recipient);
    }

    private static View view(Notification n, UserDirectory.ShortProfile actor) {
        boolean message = n.kind() == Notification.Kind.MESSAGE;
        return new View(n.subjectUuid(), n.uuid(), n.kind().name().toLowerCase(Locale.ROOT), actor.handle(),
                actor.displayName(), actor.handle(), n.message(), Timestamps.format(n.createdAt()),
                message ? null : Timestamps.format(n.expiresAt()), n.repliesCount(), n.repostsCount(), n.likesCount(),
                n.replyTo(), n.activityUuid(), n.messageGroupUuid(), n.read());
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
