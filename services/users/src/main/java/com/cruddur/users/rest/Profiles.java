package com.cruddur.users.rest;

import com.cruddur.users.User;

/** The JSON shapes of users, as the frontend reads them. {@code uuid} is the user's Cognito sub. */
final class Profiles {

    private Profiles() {
    }

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
}
