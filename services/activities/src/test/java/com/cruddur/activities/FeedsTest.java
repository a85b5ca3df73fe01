package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.common.cache.Cache;
import com.cruddur.common.cache.CacheKeys;
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
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class FeedsTest {

    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    @Inject
    MovableClock clock;

    @Inject
    Cache cache;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void homeIsNewestFirstWithoutRepliesForAnyoneSignedInOrNot() {
        String older = Cruds.post("andrewbrown", "older", "1-day");
        String newer = Cruds.post("bayko", "newer", "1-day");
        String reply = Cruds.reply("londo", older, "a reply");
        List<String> home = Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/home")
                .then()
                .statusCode(200)
                .body("liked", not(hasItem(false))) // anonymous callers get no per-user fields
                .extract()
                .jsonPath()
                .getList("uuid", String.class);
        assertTrue(home.indexOf(newer) >= 0 && home.indexOf(newer) < home.indexOf(older), home.toString());
        assertFalse(home.contains(reply));
        // a stale or broken token is served as anonymous, as the original did
        Api.withToken("stale.token.here")
                .filter(CONTRACT)
                .get("/api/activities/home")
                .then()
                .statusCode(200);
    }

    @Test
    void expiredCrudsAndTheirRepliesDisappearEverywhere() {
        String handle = SharedStack.get().createUser("ephemeral", "Ephemeral");
        String word = "vanish" + System.nanoTime();
        String shortLived = Cruds.post(handle, "short lived #" + word, "1-hour");
        String longLived = Cruds.post(handle, "long lived #" + word, "1-day");
        String reply = Cruds.reply("bayko", shortLived, "reply to the short one");
        // the author's page is cached now, with its count; the crud's expiry alone (no write) must change both
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .body("activities.uuid", equalTo(List.of(longLived, shortLived)))
                .body("profile.cruds_count", equalTo(2));

        clock.advance(Duration.ofMinutes(61));

        assertFalse(Cruds.walk("/api/activities/home?limit=100", null).contains(shortLived));
        assertTrue(Cruds.walk("/api/activities/home?limit=100", null).contains(longLived));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .body("activities.uuid", equalTo(List.of(longLived)))
                .body("profile.cruds_count", equalTo(1));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle + "?limit=1")
                .then()
                .statusCode(200)
                .body("activities.uuid", equalTo(List.of(longLived)))
                .body("profile.cruds_count", equalTo(1));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/search?term=%23" + word)
                .then()
                .statusCode(200)
                .body("uuid", equalTo(List.of(longLived)));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle + "/status/" + shortLived)
                .then()
                .statusCode(404)
                .body("[0]", equalTo("activity_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@bayko/status/" + reply)
                .then()
                .statusCode(404)
                .body("[0]", equalTo("activity_not_found"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(java.util.Map.of("message", "too late"))
                .post("/api/activities/" + shortLived + "/reply")
                .then()
                .statusCode(404);
        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + shortLived + "/like")
                .then()
                .statusCode(404);
    }

    @Test
    void walkingTheCursorReturnsEveryLiveCrudOnceInOrderWhileNewOnesArrive() {
        List<String> mine = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            mine.add(Cruds.post("altbrown", "page test " + i, "1-day"));
        }
        List<String> seen = new ArrayList<>();
        String next = "/api/activities/home?limit=5";
        int pages = 0;
        while (next != null) {
            var response = Api.anonymous().filter(CONTRACT).get(next);
            response.then().statusCode(200);
            seen.addAll(response.jsonPath().getList("uuid", String.class));
            if (pages++ == 1) {
                Cruds.post("altbrown", "arrives while paging", "1-day"); // newer than every page: must not shift them
            }
            String link = response.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        assertEquals(new HashSet<>(seen).size(), seen.size(), "no crud twice");
        List<String> mineInFeed = seen.stream().filter(mine::contains).toList();
        List<String> expected = new ArrayList<>(mine);
        java.util.Collections.reverse(expected);
        assertEquals(expected, mineInFeed, "every one of mine, newest first");
    }

    @Test
    void aLaterPageReadByItsCachedPositionsShowsCountsAsTheyAreNowAndNeverAnExpiredCrud() {
        String oldest = Cruds.post("altbrown", "later page, oldest", "1-day");
        String older = Cruds.post("altbrown", "later page, older", "1-day");
        String shortLived = Cruds.post("altbrown", "later page, short lived", "1-hour");
        String mid = Cruds.post("altbrown", "later page, mid", "1-day");
        Cruds.post("altbrown", "later page, newest", "1-day");
        String link = Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/home?limit=1")
                .then()
                .statusCode(200)
                .extract()
                .header("Link");
        String later = link.substring(link.indexOf('<') + 1, link.indexOf('>')).replace("limit=1", "limit=3");
        String cursor = later.substring(later.indexOf("cursor=") + "cursor=".length());
        String position = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);

        assertEquals(List.of(mid, shortLived, older), laterPage(later).getList("uuid", String.class));
        assertTrue(cache.get(CacheKeys.homeFeedAfter(position, 3)).isPresent(), "the page's positions are cached");

        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + mid + "/like")
                .then()
                .statusCode(200);
        JsonPath liked = laterPage(later);
        assertEquals(List.of(mid, shortLived, older), liked.getList("uuid", String.class));
        assertEquals(1, liked.getInt("find { it.uuid == '" + mid + "' }.likes_count"), "the like shows at once");

        clock.advance(Duration.ofMinutes(61));
        assertEquals(
                List.of(mid, older, oldest),
                laterPage(later).getList("uuid", String.class),
                "the expired crud is gone and the page is still full");
    }

    private static JsonPath laterPage(String url) {
        return Api.anonymous()
                .filter(CONTRACT)
                .get(url)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void badPagingParametersAre422WithEveryCode() {
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/home?limit=0&cursor=bogus")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("limit_invalid", "cursor_invalid"));
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/home?limit=abc")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("limit_invalid"));
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/home?limit=101")
                .then()
                .statusCode(422);
    }

    @Test
    void theProfilePageHasTheProfileAndTheUsersLiveCruds() {
        String handle = SharedStack.get().createUser("profiled", "Profiled Person");
        String first = Cruds.post(handle, "first", "7-days");
        String second = Cruds.post(handle, "second", "7-days");
        Cruds.reply(handle, first, "my own reply is not a crud");
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .body("profile.uuid", equalTo(SharedStack.get().sub(handle)))
                .body("profile.cognito_user_uuid", equalTo(SharedStack.get().sub(handle)))
                .body("profile.handle", equalTo(handle))
                .body("profile.display_name", equalTo("Profiled Person"))
                .body("profile.bio", equalTo(""))
                .body("profile.cruds_count", equalTo(2))
                .body("activities.uuid", equalTo(List.of(second, first)));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@nobody" + System.nanoTime())
                .then()
                .statusCode(404)
                .body("[0]", equalTo("user_not_found"));
        // handles no user can have: not found, without a call that the users service could fail on
        for (String odd : new String[] {"x".repeat(2_100), "%25", "a%2Fb", "a%20b"}) {
            Api.anonymous()
                    .filter(CONTRACT)
                    .get("/api/activities/@" + odd)
                    .then()
                    .statusCode(404)
                    .body("[0]", equalTo("user_not_found"));
        }
    }

    @Test
    void searchFindsWholeWordsHashtagsAndMentionsWithoutRegardToCase() {
        String tag = "Tag" + System.nanoTime();
        String word = "word" + System.nanoTime();
        String a = Cruds.post("andrewbrown", "Learning #" + tag + " with @bayko", "1-day");
        String b = Cruds.post("bayko", "Just a " + word.toUpperCase(Locale.ROOT) + ", no tag", "1-day");
        Cruds.post("londo", "nothing here: " + word + "suffix", "1-day");
        Set<String> found = new HashSet<>(Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/search?term=%23" + tag.toLowerCase(Locale.ROOT))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("uuid", String.class));
        assertEquals(Set.of(a), found);
        assertEquals(
                List.of(b),
                Api.anonymous()
                        .filter(CONTRACT)
                        .get("/api/activities/search?term=" + word)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getList("uuid", String.class));
        assertTrue(Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/search?term=@bayko")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("uuid", String.class)
                .contains(a));
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/search?term=%20")
                .then()
                .statusCode(422)
                .body("[0]", equalTo("search_term_blank"));
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/search")
                .then()
                .statusCode(422)
                .body("[0]", equalTo("search_term_blank"));
    }
}
