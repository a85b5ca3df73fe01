package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ProfileTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    @Test
    void theOwnProfileComesFromCognitoOnFirstUse() {
        String handle = SharedStack.get().createUser("fresh", "Fresh Person");
        Api.as(handle)
                .filter(CONTRACT)
                .get("/api/profile")
                .then()
                .statusCode(200)
                .body("uuid", equalTo(SharedStack.get().sub(handle)))
                .body("handle", equalTo(handle))
                .body("display_name", equalTo("Fresh Person"))
                .body("bio", equalTo(""));
    }

    @Test
    void putUpdatesTheProfileAndReturnsIt() {
        String handle = SharedStack.get().createUser("editor", "Editor");
        Api.as(handle)
                .filter(CONTRACT)
                .body(Map.of("display_name", "  New Name ", "bio", "Cloud person"))
                .put("/api/profile/update")
                .then()
                .statusCode(200)
                .body("uuid", equalTo(SharedStack.get().sub(handle)))
                .body("handle", equalTo(handle))
                .body("display_name", equalTo("New Name"))
                .body("bio", equalTo("Cloud person"));
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@" + handle + "/short")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("New Name"));
    }

    @Test
    void postWorksLikePutAndANullBioBecomesEmpty() {
        String handle = SharedStack.get().createUser("poster", "Poster");
        Api.as(handle)
                .filter(CONTRACT)
                .body("{\"display_name\": \"Posted\", \"bio\": null}")
                .post("/api/profile/update")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("Posted"))
                .body("bio", equalTo(""));
    }

    @Test
    void everyFailingCheckIsReportedTogether() {
        Api.as("altbrown")
                .filter(CONTRACT)
                .body(Map.of("display_name", " ", "bio", "b".repeat(281)))
                .put("/api/profile/update")
                .then()
                .statusCode(422)
                .body("$", containsInAnyOrder("display_name_blank", "bio_exceed_max_chars"));
        Api.as("altbrown")
                .filter(CONTRACT)
                .body(Map.of("display_name", "n".repeat(101)))
                .put("/api/profile/update")
                .then()
                .statusCode(422)
                .body("$", contains("display_name_exceed_max_chars"));
    }

    @Test
    void lengthsCountCharactersNotUtf16Units() {
        // 100 emoji are 200 UTF-16 units but 100 characters: allowed
        Api.as("altbrown")
                .filter(CONTRACT)
                .body(Map.of("display_name", "😀".repeat(100), "bio", "🌩".repeat(280)))
                .put("/api/profile/update")
                .then()
                .statusCode(200);
    }

    @Test
    void aMissingBodyReportsTheMissingDisplayName() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .put("/api/profile/update")
                .then()
                .statusCode(422)
                .body("$", contains("display_name_blank"));
    }

    @Test
    void malformedJsonIs400() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .body("{\"display_name\": ")
                .put("/api/profile/update")
                .then()
                .statusCode(400)
                .body("$", contains("json_malformed"));
    }

    @Test
    void somethingAfterTheJsonObjectIs400() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .body("{\"display_name\": \"Alt\"} garbage")
                .put("/api/profile/update")
                .then()
                .statusCode(400)
                .body("$", contains("json_malformed"));
        Api.as("altbrown")
                .filter(RESPONSES)
                .body("{\"display_name\": \"Alt\"}{}")
                .put("/api/profile/update")
                .then()
                .statusCode(400)
                .body("$", contains("json_malformed"));
    }

    @Test
    void displayNamesWithControlOrOnlyInvisibleCharactersAreRefused() {
        for (String name : new String[] {"Alt\u0000Brown", "Alt\u001b[31mBrown", "Alt\u0007", "Alt\nBrown"}) {
            Api.as("altbrown")
                    .filter(CONTRACT)
                    .body(Map.of("display_name", name))
                    .put("/api/profile/update")
                    .then()
                    .statusCode(422)
                    .body("$", contains("display_name_invalid_characters"));
        }
        // noncharacters and lone surrogates (escaped in the JSON, as a hostile client sends them)
        for (String name : new String[] {"Alt\\uffff", "Alt\\ufffe", "Alt\\ud800", "\\udc00Alt"}) {
            Api.as("altbrown")
                    .filter(CONTRACT)
                    .body("{\"display_name\": \"" + name + "\", \"bio\": \"b\\ud800\"}")
                    .put("/api/profile/update")
                    .then()
                    .statusCode(422)
                    .body("$", contains("display_name_invalid_characters", "bio_invalid_characters"));
        }
        for (String name : new String[] {"\u200b", "\u200b\u200c\u200d\u2060\ufeff", " \u200b "}) {
            Api.as("altbrown")
                    .filter(CONTRACT)
                    .body(Map.of("display_name", name))
                    .put("/api/profile/update")
                    .then()
                    .statusCode(422)
                    .body("$", contains("display_name_blank"));
        }
        // a joiner inside visible text is part of it (emoji sequences)
        Api.as("altbrown")
                .filter(CONTRACT)
                .body(Map.of("display_name", "Alt \uD83D\uDC69\u200D\uD83D\uDCBB"))
                .put("/api/profile/update")
                .then()
                .statusCode(200);
    }

    @Test
    void aWrongTypeNamesTheField() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .body("{\"display_name\": 42, \"bio\": \"x\"}")
                .put("/api/profile/update")
                .then()
                .statusCode(422)
                .body("$", contains("display_name_invalid"));
        Api.as("altbrown")
                .filter(RESPONSES)
                .body("[1, 2]")
                .put("/api/profile/update")
                .then()
                .statusCode(400)
                .body("$", contains("json_malformed"));
    }

    @Test
    void aBodyThatIsNotJsonIs415() {
        Api.as("altbrown")
                .filter(RESPONSES)
                .contentType("text/plain")
                .body("display_name=x")
                .put("/api/profile/update")
                .then()
                .statusCode(415)
                .body("$", contains("unsupported_media_type"));
    }

    @Test
    void updatingRequiresSignIn() {
        Api.anonymous()
                .filter(CONTRACT)
                .body(Map.of("display_name", "x"))
                .put("/api/profile/update")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }
}
