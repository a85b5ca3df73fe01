package com.cruddur.users.rest;

import com.cruddur.common.auth.AccountLookup;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.validation.Validation;
import com.cruddur.users.service.Follows;
import com.cruddur.users.service.UserService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

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
    private final AccountLookup accounts;

    public InternalUsersResource(UserService users, Follows follows, AccountLookup accounts) {
        this.users = users;
        this.follows = follows;
        this.accounts = accounts;
    }

    /**
     * {@code GET /internal/users/status?sub=}: whether the user still exists and is enabled in Cognito, asked of
     * Cognito on every call (the callers cache the answer, see {@code AccountStatus}). Cognito's subs are UUIDs.
     */
    @GET
    @Path("/status")
    public Map<String, Boolean> status(@QueryParam("sub") String sub) {
        return Map.of("active", Validation.isUuid(sub) && accounts.isActive(sub));
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

    /** The profile of a profile page, with its follow counts. */
    @GET
    @Path("/by-handle/{handle}")
    public Profiles.CountedProfile byHandle(@PathParam("handle") String handle) {
        return users.findByHandle(handle)
                .map(Profiles.CountedProfile::of)
                .orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
    }

    /** {@code GET /internal/users/follows?follower=&followed=}: whether one user (by sub) follows another. */
    @GET
    @Path("/follows")
    public Map<String, Boolean> follows(
            @QueryParam("follower") String follower, @QueryParam("followed") String followed) {
        new Validation()
                .check(!Validation.isUuid(follower), "follower_invalid")
                .check(!Validation.isUuid(followed), "followed_invalid")
                .throwIfFailed();
        return Map.of("following", follows.follows(follower, followed));
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
