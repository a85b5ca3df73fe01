package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.activities.repository.ActivityRepository;
import com.cruddur.common.paging.Paging;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/activities/home?feed=following}: the live cruds of the users the caller follows and the caller's
 * own, newest first, across pages; a new crud, a follow and an unfollow show at once, an expired crud is never shown
 * and leaves no hole, and one reader's flags never reach another.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class FollowingFeedTest {

    /** For requests the contract itself refuses: only the answer is checked against it. */
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    private static final String FOLLOWING = "/api/activities/home?feed=following&limit=2";

    /** The default first page: merged from each author's cached first page. */
    private static final String FIRST_PAGE = "/api/activities/home?feed=following";

    @Inject
    MovableClock clock;

    @Inject
    ActivityRepository activities;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void holdsExactlyTheFollowedAuthorsAndOwnLiveCrudsAcrossPages() {
        String reader = SharedStack.get().createUser("ffreader", "Reader");
        String followed = SharedStack.get().createUser("ffauthor", "Author");
        String other = SharedStack.get().createUser("ffother", "Other");
        String stranger = SharedStack.get().createUser("ffstranger", "Stranger");
        follow(reader, followed, true);
        follow(reader, other, true);

        List<String> posted = new ArrayList<>();
        posted.add(Cruds.post(followed, "followed, short", "1-hour"));
        String strangers = Cruds.post(stranger, "not followed", "1-day");
        posted.add(Cruds.post(other, "other one", "1-day"));
        posted.add(Cruds.post(reader, "my own", "1-day"));
        Cruds.reply(followed, strangers, "a reply is not a crud of the feed");
        posted.add(Cruds.post(followed, "followed, long", "1-day"));
        posted.add(Cruds.post(other, "other two", "1-day"));

        assertEquals(newestFirst(posted), Cruds.walk(FOLLOWING, reader));

        clock.advance(Duration.ofMinutes(61));
        posted.remove(0);
        assertEquals(newestFirst(posted), Cruds.walk(FOLLOWING, reader));

        follow(reader, other, false);
        assertEquals(List.of(posted.get(2), posted.get(1)), Cruds.walk(FOLLOWING, reader));
        // the global feed is unchanged: the stranger's crud is there
        assertEquals(true, Cruds.walk("/api/activities/home?limit=100", reader).contains(strangers));
    }

    @Test
    void aCachedFirstPageShowsANewCrudAFollowAndAnUnfollowAtOnce() {
        String reader = SharedStack.get().createUser("ffcreader", "Reader");
        String author = SharedStack.get().createUser("ffcauthor", "Author");
        String later = SharedStack.get().createUser("ffclater", "Later");
        follow(reader, author, true);
        String first = Cruds.post(author, "first", "1-day");
        String laters = Cruds.post(later, "posted before the follow", "1-day");
        assertEquals(List.of(first), Cruds.walk(FIRST_PAGE, reader)); // each author's first page is cached now

        String second = Cruds.post(author, "second", "1-day");
        assertEquals(List.of(second, first), Cruds.walk(FIRST_PAGE, reader));
        follow(reader, later, true);
        assertEquals(List.of(second, laters, first), Cruds.walk(FIRST_PAGE, reader));
        String own = Cruds.post(reader, "my own", "1-day");
        assertEquals(List.of(own, second, laters, first), Cruds.walk(FIRST_PAGE, reader));
        follow(reader, author, false);
        assertEquals(List.of(own, laters), Cruds.walk(FIRST_PAGE, reader));
    }

    @Test
    void theFirstPageIsReadFromTheAuthorsCachedCruds() {
        String reader = SharedStack.get().createUser("ffsreader", "Reader");
        String author = SharedStack.get().createUser("ffsauthor", "Author");
        follow(reader, author, true);
        String posted = Cruds.post(author, "through this instance", "1-day");
        assertEquals(List.of(posted), Cruds.walk(FIRST_PAGE, reader));

        // a crud written past this instance (as another instance would write it): this instance's cached entry of
        // the author does not know it, so the first page is served without it until the entry's TTL
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        String elsewhere = UUID.randomUUID().toString();
        activities.insert(
                new Activity(
                        elsewhere,
                        SharedStack.get().sub(author),
                        "from elsewhere",
                        now,
                        now.plus(Duration.ofDays(1)),
                        null,
                        0,
                        0,
                        0),
                0,
                Map.of());
        assertEquals(List.of(posted), Cruds.walk(FIRST_PAGE, reader), "the first page is the cached one");
        assertEquals(
                List.of(elsewhere, posted),
                Cruds.walk(FIRST_PAGE + "&limit=" + (Paging.DEFAULT_LIMIT + 1), reader),
                "a page longer than the cached ones is read from the table");
    }

    @Test
    void crudsExpiredInACachedFirstPageLeaveNoHoleInTheFeed() {
        String reader = SharedStack.get().createUser("ffxreader", "Reader");
        String busy = SharedStack.get().createUser("ffxbusy", "Busy");
        String quiet = SharedStack.get().createUser("ffxquiet", "Quiet");
        follow(reader, busy, true);
        follow(reader, quiet, true);
        List<String> lasting = new ArrayList<>();
        lasting.add(Cruds.post(busy, "busy 0", "1-day"));
        String quiets = Cruds.post(quiet, "quiet", "1-day");
        for (int i = 1; i < Paging.DEFAULT_LIMIT; i++) {
            lasting.add(Cruds.post(busy, "busy " + i, "1-day"));
        }
        for (int i = 0; i < 3; i++) {
            Cruds.post(busy, "short " + i, "1-hour");
        }
        // busy's first page is cached now: the 3 short cruds and 17 lasting ones, not the 3 oldest lasting ones
        assertEquals(lasting.size() + 4, Cruds.walk(FIRST_PAGE, reader).size());
        clock.advance(Duration.ofMinutes(61));

        List<String> expected = new ArrayList<>(newestFirst(lasting.subList(1, lasting.size())));
        expected.add(quiets);
        expected.add(lasting.get(0));
        assertEquals(expected, Cruds.walk(FIRST_PAGE, reader));
    }

    @Test
    void oneReadersLikedFlagNeverReachesAnotherOnTheFollowingFeed() {
        String author = SharedStack.get().createUser("fflauthor", "Author");
        String liker = SharedStack.get().createUser("ffliker", "Liker");
        String other = SharedStack.get().createUser("ffl2reader", "Other");
        follow(liker, author, true);
        follow(other, author, true);
        String crud = Cruds.post(author, "like me on the following feed", "1-day");
        firstPage(liker);
        firstPage(other); // warm
        Api.as(liker).post("/api/activities/" + crud + "/like").then().statusCode(200);
        JsonPath asLiker = firstPage(liker);
        JsonPath asOther = firstPage(other);
        assertEquals(true, asLiker.getBoolean("[0].liked"));
        assertEquals(false, asOther.getBoolean("[0].liked"));
        assertEquals(1, asOther.getInt("[0].likes_count"));
    }

    @Test
    void theFollowingFeedNeedsSignInAndAKnownFeedName() {
        assertEquals(
                List.of("generic_401"),
                Api.anonymous()
                        .filter(CONTRACT)
                        .get("/api/activities/home?feed=following")
                        .then()
                        .statusCode(401)
                        .extract()
                        .jsonPath()
                        .getList("", String.class));
        assertEquals(
                List.of("feed_invalid", "limit_invalid"),
                Api.as("andrewbrown")
                        .filter(RESPONSES)
                        .get("/api/activities/home?feed=friends&limit=0")
                        .then()
                        .statusCode(422)
                        .extract()
                        .jsonPath()
                        .getList("", String.class));
    }

    private static JsonPath firstPage(String handle) {
        return Api.as(handle)
                .filter(CONTRACT)
                .get(FIRST_PAGE)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static List<String> newestFirst(List<String> posted) {
        List<String> reversed = new ArrayList<>(posted);
        Collections.reverse(reversed);
        return reversed;
    }

    private static void follow(String follower, String followed, boolean follow) {
        var request = Api.as(follower).baseUri(SharedStack.get().usersService().toString());
        (follow
                        ? request.post("/api/users/@" + followed + "/follow")
                        : request.delete("/api/users/@" + followed + "/follow"))
                .then()
                .statusCode(200);
    }
}
