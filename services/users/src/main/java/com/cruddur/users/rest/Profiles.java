package com.cruddur.users.rest;

import com.cruddur.users.User;
import com.cruddur.users.service.Follows;

/** The JSON shapes of users, as the frontend reads them. {@code uuid} is the user's Cognito sub. */
final class Profiles {

    private Profiles() {}

    record ShortProfile(String uuid, String handle, String displayName) {
        static ShortProfile of(User user) {
            return new ShortProfile(user.sub(), user.handle(), user.displayName());
        }
    }

    record Profile(String uuid, String handle, String displayName, String bio) {
        static Profile of(User user) {
            return new Profile(user.sub(), user.handle(), user.displayName(), user.bio());
        }
    }

    /** A profile with its follow counts, for the services that show a profile page. */
    record CountedProfile(
            String uuid, String handle, String displayName, String bio, long followersCount, long followingCount) {
        static CountedProfile of(User user) {
            return new CountedProfile(
                    user.sub(),
                    user.handle(),
                    user.displayName(),
                    user.bio(),
                    user.followersCount(),
                    user.followingCount());
        }
    }

    /** A profile page's profile: the counted profile, and whether the viewer follows this user. */
    record ViewedProfile(
            String uuid,
            String handle,
            String displayName,
            String bio,
            long followersCount,
            long followingCount,
            boolean following) {
        static ViewedProfile of(User user, boolean following) {
            return new ViewedProfile(
                    user.sub(),
                    user.handle(),
                    user.displayName(),
                    user.bio(),
                    user.followersCount(),
                    user.followingCount(),
                    following);
        }
    }

    /** Where the caller stands with a user after following or unfollowing them. */
    record FollowStanding(String handle, boolean following, long followersCount, long followingCount) {
        static FollowStanding of(Follows.Standing standing) {
            return new FollowStanding(
                    standing.user().handle(),
                    standing.following(),
                    standing.user().followersCount(),
                    standing.user().followingCount());
        }
    }
}
