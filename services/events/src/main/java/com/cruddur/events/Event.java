package com.cruddur.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.UUID;

/**
 * Something a user did that concerns another user, as it travels over SQS. The schema is
 * {@code frontend-contract/events.schema.json}; {@code schema_version} changes only with it.
 *
 * @param subject what the event is about, as the recipient would see it (a snapshot taken when it happened)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Event(
        String id, String type, int schemaVersion, String time, String actorSub, String recipientSub, Subject subject) {

    public static final int SCHEMA_VERSION = 1;

    public static final String ACTIVITY_REPLIED = "activity.replied";
    public static final String ACTIVITY_MENTIONED = "activity.mentioned";
    public static final String ACTIVITY_LIKED = "activity.liked";
    public static final String ACTIVITY_UNLIKED = "activity.unliked";
    public static final String ACTIVITY_REPOSTED = "activity.reposted";
    public static final String ACTIVITY_UNREPOSTED = "activity.unreposted";
    public static final String MESSAGE_SENT = "message.sent";
    /** The recipient gained a follower (the actor); its subject is empty. */
    public static final String USER_FOLLOWED = "user.followed";

    /**
     * The content concerned: a crud or reply ({@code activity_uuid}, its text, times and counts), or a message
     * ({@code message_uuid} and {@code message_group_uuid}); nothing for a follow.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subject(
            String activityUuid,
            String replyToActivityUuid,
            String messageUuid,
            String messageGroupUuid,
            String message,
            String createdAt,
            String expiresAt,
            Long repliesCount,
            Long repostsCount,
            Long likesCount) {}

    public static Event of(String type, String time, String actorSub, String recipientSub, Subject subject) {
        return new Event(UUID.randomUUID().toString(), type, SCHEMA_VERSION, time, actorSub, recipientSub, subject);
    }
}
