package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/activities/home?feed=following}: the live cruds of the users the caller follows and the caller's
 * own, newest first, across pages; an unfollow takes an author out at once, an expired crud is never shown.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class FollowingFeedTest {

    /** For requests the contract itself refuses: only the answer is checked against it. */
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    private static final String FOLLOWING = "/api/activities/home?feed=following&limit=2";

    @Inject
    MovableClock clock;

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
