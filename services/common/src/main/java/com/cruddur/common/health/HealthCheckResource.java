package com.cruddur.common.health;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The original app's health check, kept for load balancers and scripts that probe it. */
@Path("/api/health-check")
public class HealthCheckResource {

    public record Health(boolean success, int ver) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Health check() {
        return new Health(true, 1);
    }
}
