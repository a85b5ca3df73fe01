package com.cruddur.users;

import java.time.Instant;

/**
 * A Cruddur user. {@code sub} is the Cognito user's id and our only user id; {@code handle} is unique, compared
 * without regard to case, and never changes. The counts are how many follow this user and whom this user follows.
 */
public record User(
        String sub,
        String handle,
        String displayName,
        String bio,
        String email,
        Instant createdAt,
        long followersCount,
        long followingCount) {

    public User withProfile(String displayName, String bio) {
        return new User(sub, handle, displayName, bio, email, createdAt, followersCount, followingCount);
    }
}
