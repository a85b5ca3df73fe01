package com.cruddur.notifications.rest;

import com.cruddur.notifications.service.LiveNotifications;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

/**
 * For the other notifications instances, never for browsers (no {@code /api} prefix: neither the edge nor the load
 * balancer routes it): "the log of this user grew, your streams of them should read it". It discloses nothing and
 * changes nothing but when a stream reads the store.
 */
@Path("/internal/notifications")
public class InternalStreamsResource {

    public record Wake(String sub) {}

    private final LiveNotifications live;

    public InternalStreamsResource(LiveNotifications live) {
        this.live = live;
    }

    @POST
    @Path("/wake")
    @Consumes(MediaType.APPLICATION_JSON)
    public void wake(Wake wake) {
        if (wake != null && wake.sub() != null) {
            live.wakeHere(wake.sub());
        }
    }
}
