package com.cruddur.activities.service;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An activity as the frontend renders it. {@code liked} and {@code reposted} are the caller's own and are sent
 * only to a signed-in caller; {@code reply_to_activity_uuid} only on replies.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityView(
        String uuid,
        String displayName,
        String handle,
        String message,
        String createdAt,
        String expiresAt,
        long repliesCount,
        long repostsCount,
        long likesCount,
        String replyToActivityUuid,
        Boolean liked,
        Boolean reposted) {}
