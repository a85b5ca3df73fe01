package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The profile page shows the follow counts the users service keeps, and whether the caller follows the user (both in
 * one call to it), as they change.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class ProfileFollowsTest {

    @Test
    void theProfileCarriesTheCountsAndWhetherTheCallerFollows() {
        String fan = SharedStack.get().createUser("pfan", "Fan");
        String star = SharedStack.get().createUser("pstar", "Star");
        // read first, so that the follow has something cached to invalidate (in the users service's cache)
        JsonPath before = profile(Api.as(fan).filter(CONTRACT), star);
        assertEquals(0, before.getInt("profile.followers_count"));
        assertEquals(false, before.getBoolean("profile.following"));
        Api.as(fan)
                .baseUri(SharedStack.get().usersService().toString())
                .post("/api/users/@" + star + "/follow")
                .then()
                .statusCode(200);

        JsonPath asFan = profile(Api.as(fan).filter(CONTRACT), star);
        assertEquals(1, asFan.getInt("profile.followers_count"));
        assertEquals(0, asFan.getInt("profile.following_count"));
        assertEquals(true, asFan.getBoolean("profile.following"));
        assertEquals(false, profile(Api.anonymous().filter(CONTRACT), star).getBoolean("profile.following"));
        assertEquals(false, profile(Api.as(star).filter(CONTRACT), star).getBoolean("profile.following"));
        JsonPath fansPage = profile(Api.as(star).filter(CONTRACT), fan);
        assertEquals(1, fansPage.getInt("profile.following_count"));
        assertEquals(false, fansPage.getBoolean("profile.following"));

        Api.as(fan)
                .baseUri(SharedStack.get().usersService().toString())
                .delete("/api/users/@" + star + "/follow")
                .then()
                .statusCode(200);
        JsonPath after = profile(Api.as(fan).filter(CONTRACT), star);
        assertEquals(0, after.getInt("profile.followers_count"));
        assertEquals(false, after.getBoolean("profile.following"));
    }

    /**
     * The page's cruds are the user's own, whose name the users service has just given with the profile: one call to
     * it per page, and a rename shows on the next page.
     */
    @Test
    void theProfilePageAsksTheUsersServiceOnce() {
        String author = SharedStack.get().createUser("ponce", "Once Only");
        Cruds.post(author, "asked once", "1-day");
        Cruds.post(author, "still asked once", "1-day");
        long profilesBefore = Cruds.usersServiceCalls("/internal/users/by-handle/{handle}");
        long authorsBefore = Cruds.usersServiceCalls("/internal/users");

        JsonPath page = profile(
                Api.as(SharedStack.get().createUser("preader", "Reader")).filter(CONTRACT), author);

        assertEquals(List.of("Once Only", "Once Only"), page.getList("activities.display_name"));
        assertEquals(List.of(author, author), page.getList("activities.handle"));
        assertEquals(profilesBefore + 1, Cruds.usersServiceCalls("/internal/users/by-handle/{handle}"), "the profile");
        assertEquals(authorsBefore, Cruds.usersServiceCalls("/internal/users"), "no call for the cruds' author");

        Api.as(author)
                .body(Map.of("display_name", "Renamed Once", "bio", ""))
                .put(SharedStack.get().usersService() + "/api/profile/update")
                .then()
                .statusCode(200);
        assertEquals(
                List.of("Renamed Once", "Renamed Once"),
                profile(Api.anonymous().filter(CONTRACT), author).getList("activities.display_name"));
    }

    private static JsonPath profile(io.restassured.specification.RequestSpecification request, String handle) {
        return request.get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
