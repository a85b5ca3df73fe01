package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class FollowsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final Pattern NEXT = Pattern.compile("<([^>]+)>; rel=\"next\"");

    @Test
    void followingTwiceCountsOnceAndUnfollowingTwiceChangesNothing() {
        String fan = SharedStack.get().createUser("fan", "Fan");
        String star = SharedStack.get().createUser("star", "Star");
        for (int i = 0; i < 2; i++) {
            JsonPath standing = Api.as(fan)
                    .filter(CONTRACT)
                    .post("/api/users/@" + star + "/follow")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(star, standing.getString("handle"));
            assertTrue(standing.getBoolean("following"));
            assertEquals(1, standing.getInt("followers_count"));
            assertEquals(0, standing.getInt("following_count"));
        }
        assertEquals(List.of(fan), handles(Api.anonymous().filter(CONTRACT).get("/api/users/@" + star + "/followers")));
        assertEquals(List.of(star), handles(Api.anonymous().filter(CONTRACT).get("/api/users/@" + fan + "/following")));
        assertEquals(
                1,
                Api.anonymous()
                        .get("/internal/users/by-handle/" + fan)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("following_count"));
        Api.anonymous()
                .get("/internal/users/by-handle/" + star + "?viewer="
                        + SharedStack.get().sub(fan))
                .then()
                .statusCode(200)
                .body("following", equalTo(true))
                .body("followers_count", equalTo(1));

        for (int i = 0; i < 2; i++) {
            JsonPath standing = Api.as(fan)
                    .filter(CONTRACT)
                    .delete("/api/users/@" + star + "/follow")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            assertEquals(false, standing.getBoolean("following"));
            assertEquals(0, standing.getInt("followers_count"));
        }
        assertEquals(List.of(), handles(Api.anonymous().filter(CONTRACT).get("/api/users/@" + star + "/followers")));
        assertEquals(
                0,
                Api.anonymous()
                        .get("/internal/users/by-handle/" + fan)
                        .then()
                        .statusCode(200)
                        .extract()
                        .jsonPath()
                        .getInt("following_count"));
        Api.anonymous()
                .get("/internal/users/by-handle/" + star + "?viewer="
                        + SharedStack.get().sub(fan))
                .then()
                .statusCode(200)
                .body("following", equalTo(false))
                .body("followers_count", equalTo(0));
    }

    @Test
    void theListsArePagedNewestFirstWithALinkToTheNextPage() {
        String star = SharedStack.get().createUser("popular", "Popular");
        List<String> fans = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            String fan = SharedStack.get().createUser("follower" + i, "Follower " + i);
            Api.as(fan)
                    .filter(CONTRACT)
                    .post("/api/users/@" + star + "/follow")
                    .then()
                    .statusCode(200);
            fans.add(0, fan);
        }
        List<String> seen = new ArrayList<>();
        String url = "/api/users/@" + star + "/followers?limit=2";
        int pages = 0;
        while (url != null) {
            Response page = Api.anonymous().filter(CONTRACT).get(url);
            seen.addAll(handles(page));
            String link = page.header("Link");
            Matcher next = link == null ? null : NEXT.matcher(link);
            url = next != null && next.find() ? next.group(1) : null;
            pages++;
        }
        assertEquals(fans, seen);
        assertEquals(3, pages);
    }

    @Test
    void aUserCannotFollowThemselvesNorSomeoneWhoDoesNotExist() {
        String me = SharedStack.get().createUser("narcissus", "Narcissus");
        Api.as(me)
                .filter(CONTRACT)
                .post("/api/users/@" + me + "/follow")
                .then()
                .statusCode(422)
                .body("$", contains("follow_self"));
        Api.as(me)
                .filter(CONTRACT)
                .post("/api/users/@nobody_here_at_all/follow")
                .then()
                .statusCode(404)
                .body("$", contains("user_not_found"));
        Api.as(me)
                .filter(CONTRACT)
                .delete("/api/users/@nobody_here_at_all/follow")
                .then()
                .statusCode(404)
                .body("$", contains("user_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@nobody_here_at_all/followers")
                .then()
                .statusCode(404)
                .body("$", contains("user_not_found"));
        Api.anonymous()
                .filter(CONTRACT)
                .post("/api/users/@" + me + "/follow")
                .then()
                .statusCode(401);
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@" + me + "/following?cursor=nonsense")
                .then()
                .statusCode(422)
                .body("$", contains("cursor_invalid"));
    }

    @Test
    void newFollowsAreLimitedPerCallerButRepeatsAndUnfollowsAreNot() {
        String eager = SharedStack.get().createUser("eager", "Eager");
        List<String> stars = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            stars.add(SharedStack.get().createUser("limited" + i, "Limited " + i));
        }
        for (int i = 0; i < 5; i++) { // the limit in tests (application.properties)
            Api.as(eager)
                    .filter(CONTRACT)
                    .post("/api/users/@" + stars.get(i) + "/follow")
                    .then()
                    .statusCode(200);
        }
        // following someone again changes nothing and is not counted
        Api.as(eager)
                .filter(CONTRACT)
                .post("/api/users/@" + stars.get(0) + "/follow")
                .then()
                .statusCode(200)
                .body("following", equalTo(true));
        Response refused = Api.as(eager).filter(CONTRACT).post("/api/users/@" + stars.get(5) + "/follow");
        assertEquals(429, refused.statusCode());
        assertEquals(List.of("rate_limited"), refused.jsonPath().getList("$"));
        assertTrue(Integer.parseInt(refused.header("Retry-After")) >= 1);
        assertEquals(
                List.of(), handles(Api.anonymous().filter(CONTRACT).get("/api/users/@" + stars.get(5) + "/followers")));
        Api.as(eager)
                .filter(CONTRACT)
                .delete("/api/users/@" + stars.get(0) + "/follow")
                .then()
                .statusCode(200)
                .body("following", equalTo(false));
        // another caller has an allowance of its own
        Api.as(stars.get(5))
                .filter(CONTRACT)
                .post("/api/users/@" + eager + "/follow")
                .then()
                .statusCode(200);
    }

    private static List<String> handles(Response response) {
        response.then().statusCode(200);
        return response.jsonPath().getList("handle", String.class);
    }
}
