package com.cruddur.users.rest;

import com.cruddur.common.auth.AccountStatus;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.validation.Validation;
import com.cruddur.users.User;
import com.cruddur.users.service.Follows;
import com.cruddur.users.service.UserService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * For the other services, never for browsers: no {@code /api} prefix, so neither the edge nor the load balancer
 * routes it. One call resolves the authors of a whole feed page.
 */
@Path("/internal/users")
@Produces(MediaType.APPLICATION_JSON)
public class InternalUsersResource {

    static final int MAX_BATCH = 100;
    /** The most followed users the following feed reads (docs/following-feed.md). */
    static final int MAX_FOLLOWED = 2000;

    private final UserService users;
    private final Follows follows;
    private final AccountStatus accounts;
    private final Clock clock;

    public InternalUsersResource(UserService users, Follows follows, AccountStatus accounts, Clock clock) {
        this.users = users;
        this.follows = follows;
        this.accounts = accounts;
        this.clock = clock;
    }

    /** Whether an account is active, and for how many more milliseconds the callers may keep the answer. */
    public record Standing(boolean active, long keepForMs) {}

    /**
     * {@code GET /internal/users/status?sub=}: whether the user still exists and is enabled in Cognito, as this
     * service's {@link AccountStatus} knows it (Cognito asked at most once per user and period), and how long the
     * answer may still be kept, so that the bound holds from the moment Cognito was asked. Cognito's subs are UUIDs.
     */
    @GET
    @Path("/status")
    public Standing status(@QueryParam("sub") String sub) {
        if (!Validation.isUuid(sub)) {
            return new Standing(false, 0);
        }
        AccountStatus.Known known = accounts.status(sub);
        return new Standing(
                known.active(),
                Math.max(0, Duration.between(clock.instant(), known.until()).toMillis()));
    }

    /** {@code GET /internal/users?sub=a&sub=b}: the short profiles of those users that exist. */
    @GET
    public List<Profiles.ShortProfile> bySubs(@QueryParam("sub") List<String> subs) {
        new Validation()
                .check(subs == null || subs.isEmpty(), "sub_blank")
                .check(subs != null && subs.size() > MAX_BATCH, "sub_too_many")
                .throwIfFailed();
        return users.findBySubs(subs).stream().map(Profiles.ShortProfile::of).toList();
    }

    /** {@code GET /internal/users/by-handles?handle=a&handle=b}: the profiles of those handles users hold (as by-handle's). */
    @GET
    @Path("/by-handles")
    public List<Profiles.CountedProfile> byHandles(@QueryParam("handle") List<String> handles) {
        new Validation()
                .check(handles == null || handles.isEmpty(), "handle_blank")
                .check(handles != null && handles.size() > MAX_BATCH, "handle_too_many")
                .throwIfFailed();
        return users.findByHandles(handles).stream()
                .map(Profiles.CountedProfile::of)
                .toList();
    }

    /**
     * {@code GET /internal/users/by-handle/{handle}?viewer=<sub>}: everything a profile page needs of the users
     * service in one call: the profile, its follow counts, and whether the viewer (when given) follows this user.
     */
    @GET
    @Path("/by-handle/{handle}")
    public Profiles.ViewedProfile byHandle(@PathParam("handle") String handle, @QueryParam("viewer") String viewer) {
        new Validation()
                .check(viewer != null && !Validation.isUuid(viewer), "viewer_invalid")
                .throwIfFailed();
        User user = users.findByHandle(handle).orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
        boolean following = viewer != null && !viewer.equals(user.sub()) && follows.follows(viewer, user.sub());
        return Profiles.ViewedProfile.of(user, following);
    }

    /**
     * {@code GET /internal/users/following?sub=}: the subs the user follows, the most recent follow first, at most
     * {@value #MAX_FOLLOWED} (the following feed's authors).
     */
    @GET
    @Path("/following")
    public List<String> following(@QueryParam("sub") String sub) {
        new Validation().check(!Validation.isUuid(sub), "sub_invalid").throwIfFailed();
        return follows.followedSubs(sub, MAX_FOLLOWED);
    }
}
