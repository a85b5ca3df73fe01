package com.cruddur.common.telemetry;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Traces are exported only where there is somewhere to send them. */
class TracingSwitchTest {

    private static String disabled(Map<String, String> env) {
        return new TracingSwitch(env).getValue("quarkus.otel.sdk.disabled");
    }

    @Test
    void withoutADestinationTheSdkIsOff() {
        assertEquals("true", disabled(Map.of()));
        assertEquals("true", disabled(Map.of("HONEYCOMB_API_KEY", " ")));
    }

    @Test
    void aHoneycombKeyOrAnOtlpEndpointTurnsItOn() {
        assertEquals("false", disabled(Map.of("HONEYCOMB_API_KEY", "key")));
        assertEquals("false", disabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318")));
    }

    @Test
    void itAnswersForNoOtherProperty() {
        assertEquals(null, new TracingSwitch(Map.of()).getValue("quarkus.otel.enabled"));
    }
}
