package com.cruddur.users.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.common.error.ApiException;
import com.cruddur.common.error.ErrorMappers;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.ratelimit.WriteLimits;
import com.cruddur.users.service.Follows;
import com.cruddur.users.service.UserService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Public lookups of other users, and following them. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final UserService users;
    private final Follows follows;
    private final Caller caller;

    public UsersResource(UserService users, Follows follows, Caller caller) {
        this.users = users;
        this.follows = follows;
        this.caller = caller;
    }

    @GET
    @Path("/@{handle}/short")
    public Profiles.ShortProfile shortProfile(@PathParam("handle") String handle) {
        return users.findByHandle(handle)
                .map(Profiles.ShortProfile::of)
                .orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
    }

    @POST
    @Path("/@{handle}/follow")
    @Authenticated
    public Response follow(@PathParam("handle") String handle) {
        try {
            return Response.ok(Profiles.FollowStanding.of(follows.follow(caller.requireSub(), handle)))
                    .build();
        } catch (Follows.Limited limited) {
            Response.ResponseBuilder refusal =
                    Response.fromResponse(ErrorMappers.body(429, List.of(WriteLimits.RATE_LIMITED)));
            limited.decision().headers().forEach(refusal::header);
            return refusal.build();
        }
    }

    @DELETE
    @Path("/@{handle}/follow")
    @Authenticated
    public Profiles.FollowStanding unfollow(@PathParam("handle") String handle) {
        return Profiles.FollowStanding.of(follows.unfollow(caller.requireSub(), handle));
    }

    @GET
    @Path("/@{handle}/followers")
    public Response followers(
            @PathParam("handle") String handle,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return list(follows.followers(handle, Paging.parse(limit, cursor)), uri);
    }

    @GET
    @Path("/@{handle}/following")
    public Response following(
            @PathParam("handle") String handle,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor,
            @Context UriInfo uri) {
        return list(follows.following(handle, Paging.parse(limit, cursor)), uri);
    }

    private static Response list(Follows.Page page, UriInfo uri) {
        return Paging.withNext(
                Response.ok(page.users().stream().map(Profiles.ShortProfile::of).toList()), uri, page.next());
    }
}
