package com.cruddur.systemtests;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.Api;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The users endpoints through the edge, as the Cruddur React frontend calls them from its origin. */
class UsersThroughEdgeIT {

    @Test
    void demoUsersExistBeforeTheyEverSignIn() {
        for (String handle : List.of("andrewbrown", "altbrown", "bayko", "londo")) {
            Browser.preflight("GET", "/api/users/@" + handle + "/short");
            Browser.anonymous()
                    .get("/api/users/@" + handle + "/short")
                    .then()
                    .statusCode(200)
                    .body("handle", equalTo(handle))
                    .body("uuid", equalTo(SystemUnderTest.backend().demoSubs().get(handle)));
        }
    }

    @Test
    void aSignedInUserEditsTheirProfileWithPutAsTheFrontendDoes() {
        Browser.preflight("PUT", "/api/profile/update");
        Response response = Browser.as("andrewbrown")
                .body(Map.of("display_name", "Andrew B.", "bio", "Cloud instructor"))
                .put("/api/profile/update");
        response.then()
                .statusCode(200)
                .body("handle", equalTo("andrewbrown"))
                .body("display_name", equalTo("Andrew B."))
                .body("bio", equalTo("Cloud instructor"));
        // exactly one allow-origin value: the edge's, not the service's as well
        assertEquals(List.of(SystemUnderTest.FRONTEND), response.headers().getValues("Access-Control-Allow-Origin"));

        Browser.anonymous()
                .get("/api/users/@andrewbrown/short")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("Andrew B."));
        Browser.as("andrewbrown").get("/api/profile").then().statusCode(200).body("bio", equalTo("Cloud instructor"));
    }

    @Test
    void validationErrorsArriveAsAnArrayOfEveryCode() {
        Browser.as("altbrown")
                .body(Map.of("display_name", "", "bio", "x".repeat(300)))
                .put("/api/profile/update")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("display_name_blank", "bio_exceed_max_chars"));
    }

    @Test
    void withoutATokenTheFrontendGetsGeneric401() {
        Browser.anonymous().get("/api/profile").then().statusCode(401).body("$", contains("generic_401"));
    }

    @Test
    void avatarUploadUrl() {
        Browser.preflight("POST", "/api/avatars/key_upload");
        Browser.as("bayko")
                .body(Map.of("extension", "jpg"))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(200)
                // locally the S3 emulator, path-style (the contract suite uploads to it and reads the avatar back)
                .body(
                        "url",
                        startsWith(SystemUnderTest.backend().emulators().s3() + "/cruddur-avatars-local/avatars/"));
    }

    @Test
    void internalEndpointsAreNotReachableThroughTheEdge() {
        Api.anonymous()
                .baseUri(SystemUnderTest.backend().api().toString())
                .port(SystemUnderTest.backend().api().getPort())
                .get("/internal/users/by-handle/bayko")
                .then()
                .statusCode(404)
                .body("$", contains("not_found"));
        // while the users service itself answers them
        Api.anonymous()
                .baseUri(SystemUnderTest.backend().serviceUrl("users").toString())
                .port(SystemUnderTest.backend().serviceUrl("users").getPort())
                .get("/internal/users/by-handle/bayko")
                .then()
                .statusCode(200)
                .body("handle", equalTo("bayko"));
    }

    @Test
    void everyServiceAnswersItsHealthCheck() {
        for (String service : List.of("users", "activities", "notifications", "messages", "edge")) {
            Api.anonymous()
                    .baseUri(SystemUnderTest.backend().serviceUrl(service).toString())
                    .port(SystemUnderTest.backend().serviceUrl(service).getPort())
                    .get("/api/health-check")
                    .then()
                    .statusCode(200)
                    .body("success", equalTo(true));
        }
    }
}
