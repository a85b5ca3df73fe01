package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Everything with a monthly cost that a bootcamp can do without is off by default and switched on by one context
 * value (aws/README.md, "What it costs"): Container Insights, on-demand Fargate, more than one task per service.
 * NAT gateways have their own test ({@link NetworkTest}).
 */
class CostSwitchesTest {

    /** Every switch the other way, in one synthesis (each takes seconds). */
    private static Synthesized switched() {
        Map<String, Object> context = Synthesized.ciContext();
        context.put(DeploymentSettings.CONTAINER_INSIGHTS, "true");
        context.put(DeploymentSettings.FARGATE_SPOT, "false");
        context.put(DeploymentSettings.MIN_TASKS, "2");
        context.put(DeploymentSettings.MAX_TASKS, "6");
        return Synthesized.withContext(context);
    }

    @Test
    void byDefaultContainerInsightsIsOff() {
        assertEquals("disabled", containerInsights(Synthesized.standard()));
        assertEquals("enabled", containerInsights(switched()));
    }

    @Test
    void byDefaultEveryServiceRunsOnFargateSpotWithoutALaunchType() {
        assertEquals(
                Map.of(
                        "users",
                        "FARGATE_SPOT",
                        "activities",
                        "FARGATE_SPOT",
                        "notifications",
                        "FARGATE_SPOT",
                        "messages",
                        "FARGATE_SPOT"),
                capacityProviders(Synthesized.standard()));
        assertEquals(
                Map.of("users", "FARGATE", "activities", "FARGATE", "notifications", "FARGATE", "messages", "FARGATE"),
                capacityProviders(switched()));

        Synthesized deployment = Synthesized.standard();
        JsonNode associations = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ECS::ClusterCapacityProviderAssociations"))
                .path("Properties");
        List<String> providers = new ArrayList<>();
        associations.path("CapacityProviders").forEach(provider -> providers.add(provider.asText()));
        assertTrue(providers.containsAll(List.of("FARGATE", "FARGATE_SPOT")), providers.toString());
    }

    @Test
    void byDefaultEachServiceRunsOneTaskAndScalesToTwo() {
        assertEquals(List.of(1, 2), capacity(Synthesized.standard(), "users"));
        assertEquals(List.of(2, 6), capacity(switched(), "users"));
        assertTrue(
                Synthesized.standard()
                        .service("users")
                        .ecsService()
                        .path("Properties")
                        .path("DesiredCount")
                        .isMissingNode(),
                "the autoscaling owns the count");
    }

    @Test
    void minTasksZeroParksTheServices() {
        Synthesized parked = Synthesized.with(DeploymentSettings.MIN_TASKS, "0");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertEquals(
                    0,
                    parked.service(spec.name())
                            .ecsService()
                            .path("Properties")
                            .path("DesiredCount")
                            .asInt(-1),
                    spec.name());
        }
        assertEquals(List.of(0, 2), capacity(parked, "users"));
    }

    private static String containerInsights(Synthesized deployment) {
        JsonNode settings = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ECS::Cluster"))
                .path("Properties")
                .path("ClusterSettings");
        assertEquals(1, settings.size(), settings.toString());
        assertEquals("containerInsights", settings.get(0).path("Name").asText());
        return settings.get(0).path("Value").asText();
    }

    private static Map<String, String> capacityProviders(Synthesized deployment) {
        Map<String, String> providers = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode service = deployment.service(spec.name()).ecsService().path("Properties");
            assertTrue(
                    service.path("LaunchType").isMissingNode(),
                    "a launch type would make a later switch replace the service: " + spec.name());
            JsonNode strategy = service.path("CapacityProviderStrategy");
            assertEquals(1, strategy.size(), strategy.toString());
            providers.put(spec.name(), strategy.get(0).path("CapacityProvider").asText());
        }
        return providers;
    }

    /** The service's scalable target's {@code [MinCapacity, MaxCapacity]}. */
    private static List<Integer> capacity(Synthesized deployment, String name) {
        String ecsService = deployment.service(name).ecsServiceId();
        JsonNode target =
                Synthesized.resources(deployment.appJson, "AWS::ApplicationAutoScaling::ScalableTarget")
                        .values()
                        .stream()
                        .filter(candidate -> Synthesized.render(
                                        candidate.path("Properties").path("ResourceId"))
                                .endsWith("/${" + ecsService + ".Name}"))
                        .findFirst()
                        .orElseThrow()
                        .path("Properties");
        return List.of(
                target.path("MinCapacity").asInt(), target.path("MaxCapacity").asInt());
    }
}
