package com.cruddur.users.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.users.service.UserService;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The caller's own profile. */
@Path("/api/profile")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** The frontend sends {@code {bio, display_name}}; either may be missing or null. */
    public record ProfileUpdate(String displayName, String bio) {}

    private final UserService users;
    private final Caller caller;

    public ProfileResource(UserService users, Caller caller) {
        this.users = users;
        this.caller = caller;
    }

    @GET
    public Profiles.Profile own() {
        return Profiles.Profile.of(users.caller(caller.requireSub()));
    }

    /** The React frontend sends PUT; the original Flask route took POST. Both work. */
    @PUT
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profiles.Profile update(ProfileUpdate update) {
        ProfileUpdate body = update == null ? new ProfileUpdate(null, null) : update;
        return Profiles.Profile.of(users.updateProfile(caller.requireSub(), body.displayName(), body.bio()));
    }

    @POST
    @Path("/update")
    @Consumes(MediaType.APPLICATION_JSON)
    public Profiles.Profile updateByPost(ProfileUpdate update) {
        return update(update);
    }
}
