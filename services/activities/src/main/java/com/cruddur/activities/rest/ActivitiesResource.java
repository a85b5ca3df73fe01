package com.cruddur.activities.rest;

import com.cruddur.activities.repository.ActivityRepository.Marker;
import com.cruddur.activities.service.ActivityView;
import com.cruddur.activities.service.ActivityViews;
import com.cruddur.activities.service.Feeds;
import com.cruddur.activities.service.Posting;
import com.cruddur.activities.service.Reactions;
import com.cruddur.common.auth.Caller;
import com.cruddur.common.paging.Paging;
import com.cruddur.common.validation.Validation;
import io.quarkus.security.Authenticated;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Consumes;
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

/** Every activity endpoint of the contract. Lists are paginated; the next page's URL is in the Link header. */
@Path("/api/activities")
@Produces(MediaType.APPLICATION_JSON)
public class ActivitiesResource {

    private static final String FOLLOWING = "following";

    /** The home feed's {@code feed} values: everyone's cruds (the default), or the followed authors' and one's own. */
    private static final List<String> FEEDS = List.of("global", FOLLOWING);

    public record CreateRequest(String message, String ttl) {}

    public record ReplyRequest(String message) {}

    public record ProfilePage(Feeds.ProfileView profile, List<ActivityView> activities) {}

    private final Posting posting;
    private final Reactions reactions;
    private final Feeds feeds;
    private final ActivityViews views;
    private final Caller caller;

    @Context
    UriInfo uri;

    public ActivitiesResource(Posting posting, Reactions reactions, Feeds feeds, ActivityViews views, Caller caller) {
        this.posting = posting;
        this.reactions = reactions;
        this.feeds = feeds;
        this.views = views;
        this.caller = caller;
    }

    @GET
    @Path("/home")
    public Response home(
            @QueryParam("feed") String feed, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Validation validation = new Validation().check(feed != null && !FEEDS.contains(feed), "feed_invalid");
        Paging paging = Paging.parse(limit, cursor, validation);
        validation.throwIfFailed();
        Feeds.FeedPage page = FOLLOWING.equals(feed)
                ? feeds.following(caller.requireSub(), paging)
                : feeds.home(caller.optionalSub(), paging);
        return Paging.withNext(Response.ok(page.items()), uri, page.next());
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ActivityView create(CreateRequest request, @Context HttpServerRequest http) {
        CreateRequest body = request == null ? new CreateRequest(null, null) : request;
        String sub = caller.requireSub();
        return views.renderNew(posting.create(sub, body.message(), body.ttl(), idempotencyKey(http)));
    }

    @POST
    @Path("/{activity_uuid}/reply")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    public ActivityView reply(
            @PathParam("activity_uuid") String uuid, ReplyRequest request, @Context HttpServerRequest http) {
        String sub = caller.requireSub();
        String message = request == null ? null : request.message();
        return views.renderNew(posting.reply(sub, uuid, message, idempotencyKey(http)));
    }

    /** The {@code Idempotency-Key} header as sent: an empty one is "" (and refused), where {@code @HeaderParam} says null. */
    private static String idempotencyKey(HttpServerRequest http) {
        return http.getHeader("Idempotency-Key");
    }

    @POST
    @Path("/{activity_uuid}/like")
    @Authenticated
    public Reactions.Counts like(@PathParam("activity_uuid") String uuid) {
        return reactions.add(caller.requireSub(), uuid, Marker.LIKE);
    }

    @DELETE
    @Path("/{activity_uuid}/like")
    @Authenticated
    public Reactions.Counts unlike(@PathParam("activity_uuid") String uuid) {
        return reactions.remove(caller.requireSub(), uuid, Marker.LIKE);
    }

    @POST
    @Path("/{activity_uuid}/repost")
    @Authenticated
    public Reactions.Counts repost(@PathParam("activity_uuid") String uuid) {
        return reactions.add(caller.requireSub(), uuid, Marker.REPOST);
    }

    @DELETE
    @Path("/{activity_uuid}/repost")
    @Authenticated
    public Reactions.Counts unrepost(@PathParam("activity_uuid") String uuid) {
        return reactions.remove(caller.requireSub(), uuid, Marker.REPOST);
    }

    @GET
    @Path("/@{handle}")
    public Response profile(
            @PathParam("handle") String handle,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Paging paging = Paging.parse(limit, cursor);
        Feeds.ProfilePage page = feeds.profile(handle, caller.optionalSub(), paging);
        return Paging.withNext(
                Response.ok(new ProfilePage(page.profile(), page.activities().items())),
                uri,
                page.activities().next());
    }

    @GET
    @Path("/@{handle}/status/{activity_uuid}")
    public Response show(
            @PathParam("handle") String handle,
            @PathParam("activity_uuid") String uuid,
            @QueryParam("limit") String limit,
            @QueryParam("cursor") String cursor) {
        Feeds.ShowPage page = feeds.show(handle, uuid, caller.optionalSub(), Paging.parse(limit, cursor));
        return Paging.withNext(Response.ok(page.show()), uri, page.next());
    }

    @GET
    @Path("/search")
    public Response search(
            @QueryParam("term") String term, @QueryParam("limit") String limit, @QueryParam("cursor") String cursor) {
        Validation validation = new Validation().check(Validation.isBlank(term), "search_term_blank");
        Paging paging = Paging.parse(limit, cursor, validation);
        validation.throwIfFailed();
        Feeds.FeedPage page = feeds.search(term, caller.optionalSub(), paging);
        return Paging.withNext(Response.ok(page.items()), uri, page.next());
    }
}
