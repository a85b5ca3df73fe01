package com.cruddur.notifications;

import java.time.Instant;

/**
 * Something that happened to {@code recipientSub}, done by {@code actorSub}: a snapshot of the content concerned
 * ({@code subjectUuid}: the reply, crud or message; the follower for a follow) as it was at that moment.
 */
public record Notification(
        String uuid,
        String recipientSub,
        Kind kind,
        String actorSub,
        String subjectUuid,
        String activityUuid,
        String replyTo,
        String messageGroupUuid,
        String message,
        Instant createdAt,
        Instant expiresAt,
        long repliesCount,
        long repostsCount,
        long likesCount,
        boolean read) {

    public enum Kind {
        REPLY,
        MENTION,
        LIKE,
        REPOST,
        MESSAGE,
        /** The actor followed the recipient: no content, the subject is the follower. */
        FOLLOW
    }
}
