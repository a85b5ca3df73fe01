package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.contract.RoutingTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browsable API in AWS (aws/README.md): off by default, neither served nor routed; {@code -c apiDocs=true} switches
 * it on in the users service and routes its paths there, after the contract's routes.
 */
class ApiDocsSwitchTest {

    @Test
    void byDefaultNoServiceServesTheDocsAndNoRuleRoutesThem() {
        Synthesized deployment = Synthesized.standard();
        assertTrue(docsRules(deployment).isEmpty(), docsRules(deployment).toString());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            assertFalse(
                    Synthesized.environment(deployment.service(spec.name()).container())
                            .containsKey("CRUDDUR_API_DOCS"),
                    spec.name());
        }
    }

    @Test
    void switchedOnTheUsersServiceServesThemAndOneRuleAfterTheRoutesForwardsTheirPathsToIt() {
        Synthesized deployment = Synthesized.with(DeploymentSettings.API_DOCS, "true");
        List<JsonNode> rules = docsRules(deployment);
        assertEquals(1, rules.size(), rules.toString());
        JsonNode rule = rules.get(0);
        assertEquals(
                RoutingTable.fromContract().routes().size() + 1,
                rule.path("Priority").asInt(),
                "after every route of the contract");
        List<String> patterns = new ArrayList<>();
        rule.path("Conditions").get(0).path("PathPatternConfig").path("Values").forEach(v -> patterns.add(v.asText()));
        assertEquals(RoutingTable.API_DOCS_PATTERNS, patterns);
        JsonNode action = rule.path("Actions").get(0);
        assertEquals("forward", action.path("Type").asText());
        assertEquals(
                deployment.service(RoutingTable.API_DOCS_SERVICE).targetGroup(),
                Synthesized.target(action.path("TargetGroupArn")));

        for (ServiceSpec spec : ServiceSpec.ALL) {
            String value = Synthesized.environment(
                            deployment.service(spec.name()).container())
                    .get("CRUDDUR_API_DOCS");
            assertEquals(spec.name().equals(RoutingTable.API_DOCS_SERVICE) ? "true" : null, value, spec.name());
        }
    }

    /** The listener rules whose path patterns include a {@code /q/} path. */
    private static List<JsonNode> docsRules(Synthesized deployment) {
        List<JsonNode> rules = new ArrayList<>();
        Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::ListenerRule")
                .values()
                .forEach(rule -> {
                    JsonNode properties = rule.path("Properties");
                    for (JsonNode condition : properties.path("Conditions")) {
                        for (JsonNode value :
                                condition.path("PathPatternConfig").path("Values")) {
                            if (value.asText().startsWith("/q/")) {
                                rules.add(properties);
                                return;
                            }
                        }
                    }
                });
        return rules;
    }
}
