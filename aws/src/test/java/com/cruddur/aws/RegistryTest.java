package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One repository per deployed service, named as the CI pushes to it and the task definitions pull from it. */
class RegistryTest {

    private static Synthesized deployment;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
    }

    @Test
    void eachServiceHasAScannedRepositoryKeepingItsLastImages() throws Exception {
        Map<String, JsonNode> repositories = Synthesized.resources(deployment.registryJson, "AWS::ECR::Repository");
        Set<String> names = new TreeSet<>();
        for (JsonNode repository : repositories.values()) {
            JsonNode properties = repository.path("Properties");
            names.add(properties.path("RepositoryName").asText());
            assertTrue(properties
                    .path("ImageScanningConfiguration")
                    .path("ScanOnPush")
                    .asBoolean());
            JsonNode rule = new ObjectMapper()
                    .readTree(properties
                            .path("LifecyclePolicy")
                            .path("LifecyclePolicyText")
                            .asText())
                    .path("rules")
                    .get(0);
            assertEquals(
                    "imageCountMoreThan",
                    rule.path("selection").path("countType").asText());
            assertEquals(20, rule.path("selection").path("countNumber").asInt());
            assertEquals("expire", rule.path("action").path("type").asText());
        }
        assertEquals(Set.of("cruddur/users", "cruddur/activities", "cruddur/notifications", "cruddur/messages"), names);
    }

    @Test
    void eachRepositorysNameIsAnOutputForTheCi() {
        JsonNode outputs = deployment.registryJson.path("Outputs");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode output = outputs.path(spec.title() + "RepositoryName");
            String repository = Synthesized.target(output.path("Value"));
            assertEquals(
                    "cruddur/" + spec.name(),
                    deployment
                            .registryJson
                            .path("Resources")
                            .path(repository)
                            .path("Properties")
                            .path("RepositoryName")
                            .asText());
        }
    }
}
