package com.cruddur.users.testonly;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Test sources only: a route that fails unexpectedly, to prove how a server error looks to the caller. */
@Path("/test-only/boom")
public class BoomResource {

    @GET
    @jakarta.ws.rs.Produces("application/json")
    public String boom() {
        throw new IllegalStateException("a secret detail that must not reach the caller");
    }
}
