package com.cruddur.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.Api;
import com.cruddur.testing.InMemoryTracing;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

/** The edge continues the caller's trace and passes it on to the service behind it. */
@QuarkusTest
@TestProfile(InMemoryTracing.Profile.class)
@WithTestResource(StubBackends.class)
class EdgeTracingTest {

    @Test
    void theTraceContextReachesTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String forwarded = Api.anonymous()
                .header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .get("/api/users/@bayko/short")
                .then()
                .statusCode(200)
                .extract()
                .path("traceparent");
        String[] parts = forwarded.split("-", -1);
        assertEquals(4, parts.length, "a W3C traceparent reached the service: " + forwarded);
        assertEquals(trace, parts[1], "the same trace");
        assertTrue(!parts[2].equals("00f067aa0ba902b7"), "with the edge's own span as the parent");
    }

    @Test
    void aRequestWithoutTraceContextStartsOneAtTheEdge() {
        String forwarded = Api.anonymous()
                .get("/api/users/@bayko/short")
                .then()
                .statusCode(200)
                .extract()
                .path("traceparent");
        assertEquals(4, forwarded.split("-").length, "the service continues the edge's trace: " + forwarded);
    }
}
