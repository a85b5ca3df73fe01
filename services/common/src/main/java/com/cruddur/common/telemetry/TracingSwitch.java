package com.cruddur.common.telemetry;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Tracing exports only where it has somewhere to go: the OpenTelemetry SDK is off unless {@code HONEYCOMB_API_KEY}
 * or {@code OTEL_EXPORTER_OTLP_ENDPOINT} is set, so a local run neither exports nor logs export errors. A low
 * ordinal: any explicit {@code quarkus.otel.sdk.disabled} wins.
 */
public class TracingSwitch implements ConfigSource {

    static final String PROPERTY = "quarkus.otel.sdk.disabled";

    private final Map<String, String> env;

    public TracingSwitch() {
        this(System.getenv());
    }

    TracingSwitch(Map<String, String> env) {
        this.env = env;
    }

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String name) {
        if (!PROPERTY.equals(name)) {
            return null;
        }
        boolean destination = !env.getOrDefault("HONEYCOMB_API_KEY", "").isBlank()
                || !env.getOrDefault("OTEL_EXPORTER_OTLP_ENDPOINT", "").isBlank();
        return String.valueOf(!destination);
    }

    @Override
    public String getName() {
        return "cruddur-tracing-switch";
    }

    @Override
    public int getOrdinal() {
        return 50;
    }
}
