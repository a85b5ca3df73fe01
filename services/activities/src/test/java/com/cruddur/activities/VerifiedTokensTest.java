package com.cruddur.activities;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Verified tokens are kept until they expire (by their hash), never longer: an expired token is refused though it was
 * verified before, and a token that differs from a verified one is verified afresh. (A user revoked since their token
 * was verified is refused too: {@link AccountRevocationTest}.)
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class VerifiedTokensTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static int post(String token) {
        return Api.withToken(token).filter(CONTRACT).body(Map.of("message", "kept token", "ttl", "1-day"))
                .post("/api/activities").then().extract().statusCode();
    }

    @Test
    void aVerifiedTokenIsRefusedOnceItHasExpired() {
        String token = SharedStack.get().accessToken(SharedStack.get().createUser("expiring", "Soon Expired"));
        assertEquals(200, post(token), "accepted while valid");
        clock.advance(Duration.ofHours(25)); // cognito-local's access tokens last 24 hours
        Api.withToken(token).filter(CONTRACT).body(Map.of("message", "too late", "ttl", "1-day")).post("/api/activities")
                .then().statusCode(401).body("$", contains("generic_401"));
        List<Map<String, Object>> home = Api.withToken(token).filter(CONTRACT).get("/api/activities/home").then()
                .statusCode(200).extract().path("$");
        assertTrue(home.stream().noneMatch(item -> item.containsKey("liked")), "served as to anyone");
    }

    @Test
    void aTokenDifferingFromAVerifiedOneIsVerifiedAfresh() {
        String token = SharedStack.get().accessToken(SharedStack.get().createUser("kepttoken", "Kept Token"));
        assertEquals(200, post(token), "accepted");
        int at = token.length() - 20; // inside the signature
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        Api.withToken(forged).filter(CONTRACT).body(Map.of("message", "forged", "ttl", "1-day")).post("/api/activities")
                .then().statusCode(401).body("$", contains("generic_401"));
    }
}
