package com.cruddur.activities;

import java.time.Instant;

/**
 * A crud, or a reply to one ({@code replyTo} set). It is live until {@code expiresAt}; a reply expires with the crud
 * it answers.
 */
public record Activity(
        String uuid,
        String authorSub,
        String message,
        Instant createdAt,
        Instant expiresAt,
        String replyTo,
        long repliesCount,
        long likesCount,
        long repostsCount) {

    public boolean isLiveAt(Instant now) {
        return expiresAt.isAfter(now);
    }

    public boolean isReply() {
        return replyTo != null;
    }
}
