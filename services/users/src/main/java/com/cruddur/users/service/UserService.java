package com.cruddur.users.service;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.validation.Validation;
import com.cruddur.users.User;
import com.cruddur.users.client.CognitoUsers;
import com.cruddur.users.repository.UserRepository;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Profiles: provisioned from Cognito the first time a user is named, then kept here. */
@ApplicationScoped
public class UserService {

    public static final String USER_NOT_FOUND = "user_not_found";
    public static final String HANDLE_TAKEN = "handle_taken";
    public static final String HANDLE_MISSING = "handle_missing";
    public static final int DISPLAY_NAME_MAX = 100;
    public static final int BIO_MAX = 280;

    private final UserRepository users;
    private final CognitoUsers cognito;
    private final Clock clock;

    public UserService(UserRepository users, CognitoUsers cognito, Clock clock) {
        this.users = users;
        this.cognito = cognito;
        this.clock = clock;
    }

    /** The user with this sub, provisioned from Cognito on first use; empty when Cognito has no such user. */
    public Optional<User> findOrProvision(String sub) {
        Optional<User> existing = users.findBySub(sub);
        if (existing.isPresent()) {
            return existing;
        }
        return cognito.find(sub).map(this::provision);
    }

    /** The signed-in caller; 404 when the Cognito user behind a valid token is gone. */
    public User caller(String sub) {
        return findOrProvision(sub).orElseThrow(() -> ApiException.notFound(USER_NOT_FOUND));
    }

    /**
     * The user with this handle; a confirmed Cognito user who never used Cruddur yet is provisioned, so that a new
     * user's profile page exists from the start. An unconfirmed sign-up is not: anyone may look a handle up, and
     * that must not take the handle for an account nobody confirmed.
     */
    public Optional<User> findByHandle(String handle) {
        if (!Validation.isHandle(handle)) {
            return Optional.empty(); // never a user's, and too long or odd for a DynamoDB key or a Cognito filter
        }
        return users.findByHandle(handle)
                .or(() -> cognito.findByHandle(handle)
                        .filter(CognitoUsers.CognitoUser::confirmed)
                        .map(this::provision));
    }

    /** The users with these handles, as {@link #findByHandle} finds each, with one batch read for those stored. */
    public List<User> findByHandles(Collection<String> handles) {
        List<String> valid = handles.stream().filter(Validation::isHandle).toList();
        List<User> found = new ArrayList<>(valid.isEmpty() ? List.of() : users.findByHandles(valid));
        Set<String> missing = new HashSet<>();
        valid.forEach(handle -> missing.add(handle.toLowerCase(Locale.ROOT)));
        found.forEach(user -> missing.remove(user.handle().toLowerCase(Locale.ROOT)));
        for (String handle : missing) {
            cognito.findByHandle(handle)
                    .filter(CognitoUsers.CognitoUser::confirmed)
                    .map(this::provision)
                    .ifPresent(found::add);
        }
        return found;
    }

    /** The users with these subs (unknown ones provisioned from Cognito, ones Cognito lacks left out). */
    public List<User> findBySubs(Collection<String> subs) {
        List<User> found = new ArrayList<>(users.findBySubs(subs));
        Set<String> missing = new HashSet<>(subs);
        found.forEach(user -> missing.remove(user.sub()));
        for (String sub : missing) {
            cognito.find(sub).map(this::provision).ifPresent(found::add);
        }
        return found;
    }

    public User updateProfile(String sub, String displayName, String bio) {
        String name = displayName == null ? null : displayName.strip();
        String about = bio == null ? "" : bio.strip();
        new Validation()
                .check(Validation.isBlank(name), "display_name_blank")
                .check(Validation.length(name) > DISPLAY_NAME_MAX, "display_name_exceed_max_chars")
                .check(
                        Validation.hasAnyControlCharacter(name) || Validation.hasNoncharacters(name),
                        "display_name_invalid_characters")
                .check(Validation.length(about) > BIO_MAX, "bio_exceed_max_chars")
                .check(
                        Validation.hasControlCharacters(about) || Validation.hasNoncharacters(about),
                        "bio_invalid_characters")
                .throwIfFailed();
        caller(sub);
        // nobody else keeps a copy to invalidate: every read asks this service (docs/cache.md)
        return users.updateProfile(sub, name, about);
    }

    /**
     * Creates the profile: claims the handle first (a conditional write), then stores the user only if absent, so
     * concurrent first requests create exactly one profile and two users never share a handle.
     */
    private User provision(CognitoUsers.CognitoUser source) {
        String handle = source.handle().orElseThrow(() -> new ApiException(409, HANDLE_MISSING));
        if (!users.claimHandle(handle, source.sub())) {
            throw new ApiException(409, HANDLE_TAKEN);
        }
        User user = new User(
                source.sub(),
                handle,
                source.name().orElse(handle),
                "",
                source.email().orElse(null),
                Instant.now(clock),
                0,
                0);
        return users.insertIfAbsent(user);
    }
}
