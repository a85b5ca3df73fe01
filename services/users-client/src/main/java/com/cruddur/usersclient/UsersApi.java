package com.cruddur.usersclient;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The users service's internal endpoints; only the fields we use are bound. */
@Path("/internal/users")
@RegisterRestClient(configKey = "users")
interface UsersApi {

    record ShortProfile(String uuid, String handle, String displayName) {}

    record Profile(
            String uuid, String handle, String displayName, String bio, long followersCount, long followingCount) {}

    record ViewedProfile(
            String uuid,
            String handle,
            String displayName,
            String bio,
            long followersCount,
            long followingCount,
            boolean following) {}

    @GET
    List<ShortProfile> bySubs(@QueryParam("sub") List<String> subs);

    @GET
    @Path("/by-handles")
    List<Profile> byHandles(@QueryParam("handle") List<String> handles);

    @GET
    @Path("/by-handle/{handle}")
    ViewedProfile byHandle(@PathParam("handle") String handle, @QueryParam("viewer") String viewer);

    @GET
    @Path("/following")
    List<String> following(@QueryParam("sub") String sub);
}
