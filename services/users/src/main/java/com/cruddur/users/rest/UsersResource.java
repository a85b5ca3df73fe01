package com.cruddur.users.rest;

import com.cruddur.common.error.ApiException;
import com.cruddur.users.service.UserService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Public lookups of other users. */
@Path("/api/users")
@Produces(MediaType.APPLICATION_JSON)
public class UsersResource {

    private final UserService users;

    public UsersResource(UserService users) {
        this.users = users;
    }

    @GET
    @Path("/@{handle}/short")
    public Profiles.ShortProfile shortProfile(@PathParam("handle") String handle) {
        return users.findByHandle(handle).map(Profiles.ShortProfile::of)
                .orElseThrow(() -> ApiException.notFound(UserService.USER_NOT_FOUND));
    }
}
