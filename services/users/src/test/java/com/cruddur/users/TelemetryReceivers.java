package com.cruddur.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** Local stand-ins for Rollbar's item API and Honeycomb's OTLP/HTTP endpoint, recording what they receive. */
public class TelemetryReceivers implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        server.stubFor(post(urlPathEqualTo("/api/1/item/"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"err\":0,\"result\":{\"uuid\":\"test\"}}")));
        server.stubFor(post(urlPathEqualTo("/v1/traces")).willReturn(aResponse().withStatus(200)));
        String base = "http://localhost:" + server.port();
        return Map.of(
                "cruddur.rollbar.access-token", "rollbar-test-token",
                "cruddur.rollbar.endpoint", base + "/api/1/item/",
                "cruddur.rollbar.flush-interval", "100ms",
                "quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.endpoint", base,
                "quarkus.otel.exporter.otlp.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.headers", "x-honeycomb-team=honeycomb-test-key",
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    @Override
    public void stop() {
        server.stop();
    }
}
