package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.contract.Route;
import com.cruddur.contract.RoutingTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The load balancer stands in for the edge: it routes exactly the contract's routing table, over HTTPS only. */
class LoadBalancerTest {

    private static Synthesized deployment;
    private static String https;
    private static String http;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
        Map<String, JsonNode> listeners =
                Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::Listener");
        assertEquals(2, listeners.size(), "an HTTPS and an HTTP listener");
        for (Map.Entry<String, JsonNode> listener : listeners.entrySet()) {
            int port = listener.getValue().path("Properties").path("Port").asInt();
            if (port == 443) {
                https = listener.getKey();
            } else if (port == 80) {
                http = listener.getKey();
            }
        }
    }

    @Test
    void theHttpsRulesAreTheRoutingTableInItsOrder() {
        Map<String, String> ownerOfTargetGroup = new HashMap<>();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ownerOfTargetGroup.put(deployment.service(spec.name()).targetGroup(), spec.name());
        }
        List<JsonNode> rules = new ArrayList<>();
        Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::ListenerRule")
                .values()
                .forEach(rule -> rules.add(rule.path("Properties")));
        rules.sort((a, b) ->
                Integer.compare(a.path("Priority").asInt(), b.path("Priority").asInt()));

        List<Route> expected = RoutingTable.fromContract().routes();
        List<Route> routed = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            JsonNode rule = rules.get(i);
            assertEquals(https, Synthesized.target(rule.path("ListenerArn")), "every rule is on the HTTPS listener");
            assertEquals(i + 1, rule.path("Priority").asInt(), "priority = position in the table");
            assertEquals(1, rule.path("Conditions").size());
            JsonNode condition = rule.path("Conditions").get(0);
            assertEquals("path-pattern", condition.path("Field").asText());
            assertEquals(1, condition.path("PathPatternConfig").path("Values").size());
            JsonNode action = rule.path("Actions").get(0);
            String owner = switch (action.path("Type").asText()) {
                case "forward" -> ownerOfTargetGroup.get(Synthesized.target(action.path("TargetGroupArn")));
                case "fixed-response" -> AppStack.EDGE;
                default -> throw new AssertionError("unexpected action " + action);
            };
            routed.add(new Route(
                    condition.path("PathPatternConfig").path("Values").get(0).asText(), owner));
        }
        assertEquals(expected, routed);
    }

    @Test
    void theIdleTimeoutOutlastsTheEventStreamsHeartbeatAndStaysBelowTheServicesKeepAlive() throws Exception {
        JsonNode balancer = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ElasticLoadBalancingV2::LoadBalancer"))
                .path("Properties");
        Map<String, String> attributes = new HashMap<>();
        balancer.path("LoadBalancerAttributes")
                .forEach(attribute -> attributes.put(
                        attribute.path("Key").asText(), attribute.path("Value").asText()));
        int idleTimeout = Integer.parseInt(attributes.get("idle_timeout.timeout_seconds"));
        assertEquals(AppStack.IDLE_TIMEOUT_SECONDS, idleTimeout);
        assertTrue(
                idleTimeout >= 3 * AppStack.STREAM_HEARTBEAT_SECONDS,
                "an open stream survives two late heartbeats: " + idleTimeout + " s");
        java.util.Properties common = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(
                RepositoryFiles.file("services/common/src/main/resources/META-INF/microprofile-config.properties"))) {
            common.load(in);
        }
        int keepAlive = (int) java.time.Duration.parse(
                        "PT" + common.getProperty("quarkus.http.idle-timeout").toUpperCase(java.util.Locale.ROOT))
                .toSeconds();
        assertTrue(idleTimeout < keepAlive, "the load balancer closes idle connections before a task does");
    }

    @Test
    void theEdgesHealthCheckIsAnsweredByTheLoadBalancerAsTheServicesAnswerIt() throws Exception {
        JsonNode healthRule =
                Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::ListenerRule").values().stream()
                        .filter(rule -> rule.path("Properties")
                                .path("Conditions")
                                .get(0)
                                .path("PathPatternConfig")
                                .path("Values")
                                .get(0)
                                .asText()
                                .equals("/api/health-check"))
                        .findFirst()
                        .orElseThrow()
                        .path("Properties")
                        .path("Actions")
                        .get(0)
                        .path("FixedResponseConfig");
        assertEquals("200", healthRule.path("StatusCode").asText());
        assertEquals("application/json", healthRule.path("ContentType").asText());
        ObjectMapper json = new ObjectMapper();
        assertEquals(
                json.readTree("{\"success\":true,\"ver\":1}"),
                json.readTree(healthRule.path("MessageBody").asText()));
    }

    @Test
    void anUnroutedPathIsAJson404InTheServicesErrorShapeAndInternalPathsAreNeverRouted() throws Exception {
        JsonNode listener = deployment.appJson.path("Resources").path(https).path("Properties");
        JsonNode fallback = listener.path("DefaultActions").get(0);
        assertEquals("fixed-response", fallback.path("Type").asText());
        assertEquals(
                "404", fallback.path("FixedResponseConfig").path("StatusCode").asText());
        assertEquals(
                "application/json",
                fallback.path("FixedResponseConfig").path("ContentType").asText());
        // the services' and the edge's error body: an array of codes
        assertEquals(
                new ObjectMapper().readTree("[\"not_found\"]"),
                new ObjectMapper()
                        .readTree(fallback.path("FixedResponseConfig")
                                .path("MessageBody")
                                .asText()));

        RoutingTable table = RoutingTable.fromContract();
        for (String internal : List.of("/internal/users", "/internal/users/by-handle/andrewbrown")) {
            assertTrue(table.serviceFor(internal).isEmpty(), internal + " matches no route, so no rule");
        }
    }

    @Test
    void httpsUsesTheGivenCertificateAndHttpOnlyRedirectsToIt() {
        JsonNode secure = deployment.appJson.path("Resources").path(https).path("Properties");
        assertEquals("HTTPS", secure.path("Protocol").asText());
        assertEquals(
                Synthesized.CERTIFICATE_ARN,
                secure.path("Certificates").get(0).path("CertificateArn").asText());
        assertTrue(secure.path("SslPolicy").asText().startsWith("ELBSecurityPolicy-TLS13"), "TLS 1.3 policy");

        JsonNode plain = deployment.appJson.path("Resources").path(http).path("Properties");
        assertEquals(1, plain.path("DefaultActions").size());
        JsonNode redirect = plain.path("DefaultActions").get(0);
        assertEquals("redirect", redirect.path("Type").asText());
        assertEquals("HTTPS", redirect.path("RedirectConfig").path("Protocol").asText());
        assertEquals("443", redirect.path("RedirectConfig").path("Port").asText());
        assertEquals(
                "HTTP_301", redirect.path("RedirectConfig").path("StatusCode").asText());
        Synthesized.resources(deployment.appJson, "AWS::ElasticLoadBalancingV2::ListenerRule")
                .values()
                .forEach(rule -> assertFalse(
                        Synthesized.target(rule.path("Properties").path("ListenerArn"))
                                .equals(http),
                        "nothing is served over plain HTTP"));
    }

    @Test
    void theLoadBalancerIsPublicAndAdmitsOnlyHttpAndHttps() {
        JsonNode balancer = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ElasticLoadBalancingV2::LoadBalancer"))
                .path("Properties");
        assertEquals("internet-facing", balancer.path("Scheme").asText());
        String group = Synthesized.target(balancer.path("SecurityGroups").get(0));
        List<Integer> ports = new ArrayList<>();
        deployment
                .appJson
                .path("Resources")
                .path(group)
                .path("Properties")
                .path("SecurityGroupIngress")
                .forEach(rule -> {
                    assertEquals(
                            rule.path("FromPort").asInt(), rule.path("ToPort").asInt());
                    ports.add(rule.path("FromPort").asInt());
                });
        ports.sort(Integer::compare);
        assertEquals(List.of(80, 443), ports);
    }
}
