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

    private static JsonPath profile(io.restassured.specification.RequestSpecification request, String handle) {
        return request.get("/api/activities/@" + handle)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
