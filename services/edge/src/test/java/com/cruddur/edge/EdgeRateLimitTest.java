package com.cruddur.edge;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.MovableClock;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;

/** Reads are limited per client address at the edge: here 3 a minute, so that a test meets the limit at once. */
@QuarkusTest
@WithTestResource(StubBackends.class)
@TestProfile(EdgeRateLimitTest.ThreeReadsAMinute.class)
class EdgeRateLimitTest {

    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();

    public static class ThreeReadsAMinute implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("cruddur.rate-limits.reads", "3", "cruddur.rate-limits.period", "60s");
        }
    }

    /** Seconds until the period ends: at most the period, at least one (the machine may be slow). */
    private static final Matcher<Integer> WITHIN_THE_PERIOD =
            both(greaterThan(0)).and(lessThanOrEqualTo(60));

    @Inject
    MovableClock clock;

    @Test
    void aClientOverTheReadLimitIs429WithTheHeadersUntilThePeriodIsOver() {
        for (int remaining = 2; remaining >= 0; remaining--) {
            Api.anonymous()
                    .get("/api/users/@bayko/short")
                    .then()
                    .statusCode(200)
                    .body("service", equalTo("users"))
                    .header("RateLimit-Limit", "3")
                    .header("RateLimit-Remaining", String.valueOf(remaining))
                    .header("RateLimit-Reset", Integer::parseInt, WITHIN_THE_PERIOD);
        }
        Api.anonymous()
                .filter(RESPONSES)
                .get("/api/activities/home")
                .then()
                .statusCode(429)
                .contentType("application/json")
                .body("$", contains("rate_limited"))
                .header("RateLimit-Remaining", "0")
                .header("Retry-After", Integer::parseInt, WITHIN_THE_PERIOD);
        // writes are the services' to limit (per caller); the edge's own health check is not limited
        Api.anonymous()
                .body("{}")
                .post("/api/activities")
                .then()
                .statusCode(200)
                .header("RateLimit-Limit", nullValue());
        Api.anonymous().get("/api/health-check").then().statusCode(200);

        clock.advance(Duration.ofSeconds(61));
        try {
            Api.anonymous()
                    .get("/api/users/@bayko/short")
                    .then()
                    .statusCode(200)
                    .header("RateLimit-Remaining", "2");
        } finally {
            clock.reset();
        }
    }
}
