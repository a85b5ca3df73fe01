package com.cruddur.messages.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.common.paging.Paging;
import com.cruddur.messages.service.Conversations;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
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

/** Direct messages, as the frontend's Messages pages call them. Every endpoint requires sign-in. */
@Path("/api")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MessagesResource {

    /**
     * {@code {message, handle}} starts (or continues) the conversation with that user;
     * {@code {message, message_group_uuid}} adds to one. The frontend picks the form by its page.
     */
    public record SendRequest(String message, String handle, String messageGroupUuid) {}

    /** Sent when a conversation is started: the frontend then opens it. */
    public record Started(String messageGroupUuid) {}

    private final Conversations conversations;
    private final Caller caller;

    @Context
    UriInfo uri;

    public MessagesResource(Conversations conversations, Caller caller) {
        this.conversations = conversations;
        this.caller = caller;
    }

    @GET
    @Path("/message_groups")
    public Response groups(@QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Conversations.ItemPage page = conversations.list(caller.requireSub(), Paging.parse(limit, cursor));
        return Paging.withNext(Response.ok(page.items()), uri, page.next());
    }

    @GET
    @Path("/messages/{message_group_uuid}")
    public Response messages(
            @PathParam("message_group_uuid") String group,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        String sub = caller.requireSub();
        Conversations.ItemPage page = conversations.read(sub, group, Paging.parse(limit, cursor));
        return Paging.withNext(Response.ok(page.items()), uri, page.next());
    }

    @POST
    @Path("/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Object send(SendRequest request, @Context HttpServerRequest http) {
        SendRequest body = request == null ? new SendRequest(null, null, null) : request;
        String sub = caller.requireSub();
        // the header as sent: an empty one is "" (and refused), where @HeaderParam says null
        String key = http.getHeader("Idempotency-Key");
        if (body.messageGroupUuid() != null) {
            return conversations.send(sub, body.messageGroupUuid(), body.message(), key);
        }
        return new Started(conversations.start(sub, body.handle(), body.message(), key));
    }
}
