package com.cruddur.notifications.rest;

import com.cruddur.common.auth.Caller;
import com.cruddur.common.error.ErrorMappers;
import com.cruddur.notifications.service.LiveNotifications;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.List;
import java.util.Optional;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The caller's notifications, live: a ticket got with the access token, then a server-sent-events stream opened
 * with it (a browser's {@code EventSource} cannot send the token). See docs/live-notifications.md.
 */
@Path("/api")
public class NotificationStreamResource {

    public record StreamTicket(String ticket) {}

    private final LiveNotifications live;
    private final Caller caller;

    @Context
    Sse sse;

    public NotificationStreamResource(LiveNotifications live, Caller caller) {
        this.live = live;
        this.caller = caller;
    }

    @POST
    @Path("/notifications/stream_ticket")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public StreamTicket ticket() {
        return new StreamTicket(live.ticket(caller.requireSub()));
    }

    @GET
    @Path("/notifications/stream")
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(
            @QueryParam("ticket") String ticket,
            @QueryParam("last_event_id") String lastEventIdParam,
            @HeaderParam("Last-Event-ID") String lastEventIdHeader) {
        Optional<String> lastEventId =
                Optional.ofNullable(lastEventIdParam).or(() -> Optional.ofNullable(lastEventIdHeader));
        return live.open(ticket, lastEventId).map(event -> {
            if (event.name() == null) {
                return sse.newEventBuilder().comment("heartbeat").build();
            }
            OutboundSseEvent.Builder built = sse.newEventBuilder()
                    .name(event.name())
                    .mediaType(MediaType.TEXT_PLAIN_TYPE)
                    .data(event.data());
            return event.id() == null ? built.build() : built.id(event.id()).build();
        });
    }

    @ServerExceptionMapper
    public Response tooManyStreams(LiveNotifications.TooManyStreams e) {
        return Response.fromResponse(ErrorMappers.body(429, List.of("too_many_streams")))
                .header("Retry-After", e.retryAfterSeconds())
                .build();
    }

    @ServerExceptionMapper
    public Response tooManyTickets(LiveNotifications.TooManyTickets e) {
        Response.ResponseBuilder response = Response.fromResponse(ErrorMappers.body(429, List.of("rate_limited")));
        e.headers().forEach(response::header);
        return response.build();
    }
}
