package com.cruddur.edge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.Api;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge continues the caller's trace and passes it on to the service behind it. */
@QuarkusTest
@TestProfile(EdgeTracingTest.Tracing.class)
@WithTestResource(StubBackends.class)
class EdgeTracingTest {

    public static class Tracing implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.otel.sdk.disabled", "false");
        }
    }

    @Singleton
    static class Exporter {
        @Produces
        @Singleton
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @Test
    void theTraceContextReachesTheService() {
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String forwarded = Api.anonymous().header("traceparent", "00-" + trace + "-00f067aa0ba902b7-01")
                .get("/api/users/@bayko/short").then().statusCode(200).extract().path("traceparent");
        String[] parts = forwarded.split("-");
        assertEquals(4, parts.length, "a W3C traceparent reached the service: " + forwarded);
        assertEquals(trace, parts[1], "the same trace");
        assertTrue(!parts[2].equals("00f067aa0ba902b7"), "with the edge's own span as the parent");
    }

    @Test
    void aRequestWithoutTraceContextStartsOneAtTheEdge() {
        String forwarded = Api.anonymous().get("/api/users/@bayko/short").then().statusCode(200).extract().path("traceparent");
        assertEquals(4, forwarded.split("-").length, "the service continues the edge's trace: " + forwarded);
    }
}
