package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.common.cache.CacheKeys;
import com.cruddur.testing.Api;
import com.cruddur.testing.FakeMomento;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MomentoResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The feeds through a real Momento cache shared with the users service, as in production. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
@WithTestResource(MomentoResource.class)
class CachingTest {

    private static JsonPath home(String handle) {
        return (handle == null ? Api.anonymous() : Api.as(handle))
                .filter(CONTRACT)
                .get("/api/activities/home")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static long hits(String key) {
        return SharedStack.get().momento().calls().stream()
                .filter(c -> c.key().equals(key) && c.operation().equals("get"))
                .count();
    }

    @Test
    void theHomeFeedIsReadThroughTheCacheAndProfilesFromTheirOwner() {
        Cruds.post("andrewbrown", "cached author", "1-day");
        home(null);
        long before = hits(CacheKeys.homeFeed());
        home(null);
        assertTrue(hits(CacheKeys.homeFeed()) > before, "the home feed is read from the cache");
        assertTrue(
                SharedStack.get().momento().calls().stream()
                        .noneMatch(c -> c.key().startsWith(CacheKeys.user(""))
                                || c.key().startsWith(CacheKeys.handle(""))),
                "profiles are cached by the users service only (its own cache), so a change shows at once everywhere");
        assertTrue(SharedStack.get().momento().calls().stream()
                .anyMatch(c -> c.operation().equals("set")
                        && c.key().equals(CacheKeys.homeFeed())
                        && c.ttlMillis() == CacheKeys.FEED_TTL.toMillis()
                        && c.cacheName().equals("cruddur")));
    }

    @Test
    void aNewCrudShowsAtOnceToItsAuthorOnHomeAndProfile() {
        String handle = SharedStack.get().createUser("cacheAuthor", "Cache Author");
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/activities/@" + handle)
                .then()
                .statusCode(200);
        home(handle); // both first pages are cached now
        String crud = Cruds.post(handle, "fresh off the press", "1-day");
        // on the first page, not necessarily at its top: a test that moved its clock forward leaves cruds dated later
        assertTrue(
                home(handle).getList("uuid", String.class).contains(crud),
                "the cached home page was dropped by the write");
        Api.as(handle)
                .filter(CONTRACT)
                .get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .body("activities[0].uuid", org.hamcrest.Matchers.equalTo(crud))
                .body("profile.cruds_count", org.hamcrest.Matchers.equalTo(1));
        assertTrue(
                SharedStack.get().momento().calls().stream()
                        .anyMatch(c -> c.operation().equals("set")
                                && c.key()
                                        .equals(CacheKeys.authorFeed(
                                                SharedStack.get().sub(handle)))
                                && c.ttlMillis() == CacheKeys.AUTHOR_FEED_TTL.toMillis()),
                "the author's page is kept until the author's next change, not for the home feed's few seconds");
    }

    @Test
    void aProfileUpdateShowsInTheNextFeed() {
        String handle = SharedStack.get().createUser("renamed", "Old Name");
        String crud = Cruds.post(handle, "who am I", "1-day");
        assertEquals("Old Name", home(null).getString("find { it.uuid == '" + crud + "' }.display_name"));
        Api.as(handle)
                .body(Map.of("display_name", "New Name", "bio", ""))
                .put(SharedStack.get().usersService() + "/api/profile/update")
                .then()
                .statusCode(200);
        assertEquals("New Name", home(null).getString("find { it.uuid == '" + crud + "' }.display_name"));
    }

    @Test
    void oneUsersLikedFlagNeverReachesAnother() {
        String crud = Cruds.post("andrewbrown", "like me, cache", "1-day");
        home("bayko");
        home("londo"); // warm
        Api.as("bayko").post("/api/activities/" + crud + "/like").then().statusCode(200);
        String find = "find { it.uuid == '" + crud + "' }.";
        JsonPath asBayko = home("bayko");
        JsonPath asLondo = home("londo");
        assertEquals(true, asBayko.getBoolean(find + "liked"));
        assertEquals(false, asLondo.getBoolean(find + "liked"));
        assertEquals(1, asLondo.getInt(find + "likes_count"));
        assertEquals(null, (Object) home(null).get(find + "liked"), "anonymous readers get no flags");
    }

    @Test
    void aReadersOwnLikesAndRepostsShowAtOnceOnTheirCachedPages() {
        String reader = SharedStack.get().createUser("markerReader", "Marker Reader");
        String crud = Cruds.post("andrewbrown", "flag me, cache", "1-day");
        // liked by someone, so the reader's own markers of it are looked up (a crud nobody liked needs none)
        Api.as("bayko").post("/api/activities/" + crud + "/like").then().statusCode(200);
        String find = "find { it.uuid == '" + crud + "' }.";
        String markers = CacheKeys.markers(SharedStack.get().sub(reader));
        assertEquals(false, home(reader).getBoolean(find + "liked"));
        assertTrue(
                SharedStack.get().momento().calls().stream()
                        .anyMatch(c -> c.operation().equals("set")
                                && c.key().equals(markers)
                                && c.ttlMillis() == CacheKeys.MARKERS_TTL.toMillis()),
                "the reader's markers are kept in the cache");
        long stored = SharedStack.get().momento().calls().stream()
                .filter(c -> c.key().equals(markers) && c.operation().equals("set"))
                .count();
        assertEquals(false, home(reader).getBoolean(find + "liked"));
        assertEquals(
                stored,
                SharedStack.get().momento().calls().stream()
                        .filter(c -> c.key().equals(markers) && c.operation().equals("set"))
                        .count(),
                "a warm page's markers are a hit: nothing read from the table, nothing stored again");

        Api.as(reader).post("/api/activities/" + crud + "/like").then().statusCode(200);
        assertEquals(true, home(reader).getBoolean(find + "liked"));
        Api.as(reader).post("/api/activities/" + crud + "/repost").then().statusCode(200);
        JsonPath both = home(reader);
        assertEquals(true, both.getBoolean(find + "liked"));
        assertEquals(true, both.getBoolean(find + "reposted"));
        Api.as(reader).delete("/api/activities/" + crud + "/like").then().statusCode(200);
        JsonPath unliked = home(reader);
        assertEquals(false, unliked.getBoolean(find + "liked"));
        assertEquals(true, unliked.getBoolean(find + "reposted"));
        assertEquals(
                true,
                Api.as(reader)
                        .filter(CONTRACT)
                        .get("/api/activities/@andrewbrown")
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getBoolean("activities." + find + "reposted"),
                "the same on another page");
    }

    @Test
    void aSlowCacheNeverFailsARequest() {
        FakeMomento momento = SharedStack.get().momento();
        momento.slowDown(Duration.ofSeconds(3)); // beyond the bound
        try {
            String crud = Cruds.post("bayko", "the cache is slow today", "1-day");
            List<String> uuids = home(null).getList("uuid", String.class);
            assertTrue(uuids.contains(crud), "served from the source");
        } finally {
            momento.slowDown(Duration.ZERO);
        }
    }
}
