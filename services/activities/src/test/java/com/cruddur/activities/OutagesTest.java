package com.cruddur.activities;

import static com.cruddur.activities.Cruds.CONTRACT;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.common.error.Outages;
import com.cruddur.testing.Api;
import com.cruddur.testing.DynamoDbProxyResource;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** DynamoDB unreachable: every write and read answers 503 with Retry-After, and the outage is told once. */
@QuarkusTest
@WithTestResource(DynamoDbProxyResource.class)
@WithTestResource(UsersServiceResource.class)
class OutagesTest {

    @Inject
    Outages outages;

    @Test
    void anUnreachableDatabaseAnswers503WithRetryAfterAndIsToldOncePerBurst() {
        String crud = Cruds.post("bayko", "before the outage", "1-day");
        DynamoDbProxyResource.proxy().cut();
        try {
            Api.as("bayko")
                    .filter(CONTRACT)
                    .body(Map.of("message", "during the outage", "ttl", "1-day"))
                    .post("/api/activities")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("$", contains("service_unavailable"));
            long first = outages.burstCount("AWS");
            Api.as("bayko")
                    .filter(CONTRACT)
                    .post("/api/activities/" + crud + "/like")
                    .then()
                    .statusCode(503)
                    .header("Retry-After", equalTo("5"))
                    .body("$", contains("service_unavailable"));
            Api.anonymous()
                    .filter(CONTRACT)
                    .get("/api/activities/home")
                    .then()
                    .statusCode(503)
                    .body("$", contains("service_unavailable"));
            assertEquals(first + 2, outages.burstCount("AWS"), "one burst counts every request it answered 503");
        } finally {
            DynamoDbProxyResource.proxy().restore();
        }
        Api.as("bayko")
                .filter(CONTRACT)
                .post("/api/activities/" + crud + "/like")
                .then()
                .statusCode(200);
    }
}
