package com.cruddur.notifications.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.common.paging.Paging;
import com.cruddur.notifications.service.Inbox;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

/** The caller's notifications; the list keeps the path the Cruddur frontend calls. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class NotificationsResource {

    public record UnreadCount(long unread) {}

    public record MarkRead(String upTo) {}

    private final Inbox inbox;
    private final Caller caller;

    @Context
    UriInfo uri;

    public NotificationsResource(Inbox inbox, Caller caller) {
        this.inbox = inbox;
        this.caller = caller;
    }

    @GET
    @Path("/activities/notifications")
    public Response list(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Inbox.ViewPage page = inbox.page(caller.requireSub(), Paging.parse(limit, cursor));
        return Paging.withNext(Response.ok(page.items()), uri, page.next());
    }

    @GET
    @Path("/notifications/unread_count")
    public UnreadCount unread() {
        return new UnreadCount(inbox.unread(caller.requireSub()));
    }

    @POST
    @Path("/notifications/read")
    @Consumes(MediaType.APPLICATION_JSON)
    public UnreadCount markRead(MarkRead request) {
        return new UnreadCount(inbox.markRead(caller.requireSub(), request == null ? null : request.upTo()));
    }
}
