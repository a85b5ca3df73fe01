package com.cruddur.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.test.junit.QuarkusTestProfile;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.Map;

/**
 * Spans to memory instead of an OTLP endpoint, for the tests that assert on them: annotate the test class
 * {@code @TestProfile(InMemoryTracing.Profile.class)} and inject {@link InMemorySpanExporter}.
 */
@Singleton
@IfBuildProperty(name = "cruddur.test.in-memory-spans", stringValue = "true")
public class InMemoryTracing {

    /** Tracing on, spans kept in memory and flushed quickly. */
    public static class Profile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "cruddur.test.in-memory-spans",
                    "true",
                    "quarkus.otel.sdk.disabled",
                    "false",
                    "quarkus.otel.bsp.schedule.delay",
                    "50ms");
        }
    }

    @Produces
    @Singleton
    InMemorySpanExporter spans() {
        return InMemorySpanExporter.create();
    }
}
