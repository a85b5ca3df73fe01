package com.cruddur.activities;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Writes are limited per caller (the token's sub): here 3 a minute, so that a test meets the limit at once. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
@TestProfile(RateLimitTest.ThreeWritesAMinute.class)
class RateLimitTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    public static class ThreeWritesAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cruddur.rate-limits.writes", "3", "cruddur.rate-limits.period", "60s");
        }
    }

    /** Seconds until the period ends: at most the period, at least one (the machine may be slow). */
    private static final Matcher<Integer> WITHIN_THE_PERIOD =
            both(greaterThan(0)).and(lessThanOrEqualTo(60));

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private static String likeOfAnUnknownCrud() {
        return "/api/activities/" + UUID.randomUUID() + "/like";
    }

    @Test
    void aCallerOverTheLimitIs429WithTheHeadersUntilThePeriodIsOver() {
        String writer = SharedStack.get().createUser("limited", "Limited");
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.as(writer)
                    .filter(CONTRACT)
                    .post(likeOfAnUnknownCrud())
                    .then()
                    .statusCode(404)
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("RateLimit-Reset", Integer::parseInt, WITHIN_THE_PERIOD)
                    .header("Retry-After", nullValue());
        }
        Api.as(writer)
                .filter(CONTRACT)
                .body(Map.of("message", "one too many", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(429)
                .contentType("application/json")
                .body("$", contains("rate_limited"))
                .header("RateLimit-Limit", "3")
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", Integer::parseInt, WITHIN_THE_PERIOD);
        // another caller has an allowance of its own; reads are not limited by the service
        String other = SharedStack.get().createUser("unlimited", "Unlimited");
        Api.as(other)
                .filter(CONTRACT)
                .post(likeOfAnUnknownCrud())
                .then()
                .statusCode(404)
                .header("RateLimit-Remaining", "2");
        Api.as(writer)
                .filter(CONTRACT)
                .get("/api/activities/home")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", nullValue());

        clock.advance(Duration.ofSeconds(61));
        Api.as(writer)
                .filter(CONTRACT)
                .post(likeOfAnUnknownCrud())
                .then()
                .statusCode(404)
                .header("RateLimit-Remaining", "2");
    }

    @Test
    void requestsWithoutAValidTokenAreNotCounted() {
        String writer = SharedStack.get().createUser("anonymous", "Anonymous");
        for (int i = 0; i < 5; i++) {
            Api.withToken("not.a.token")
                    .filter(CONTRACT)
                    .post(likeOfAnUnknownCrud())
                    .then()
                    .statusCode(401)
                    .header("RateLimit-Limit", nullValue());
        }
        Api.as(writer)
                .filter(CONTRACT)
                .post(likeOfAnUnknownCrud())
                .then()
                .statusCode(404)
                .header("RateLimit-Remaining", "2");
    }
}
