package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * No NAT gateway by default (tasks in public subnets with an address for egress only), tasks reachable from the load
 * balancer alone (and the users service from its callers), free gateway endpoints, Container Insights.
 */
class NetworkTest {

    private static Synthesized deployment;
    private static Synthesized withNat;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
        withNat = Synthesized.with(DeploymentSettings.NAT_GATEWAYS, "1");
    }

    @Test
    void byDefaultThereIsNoNatGatewayAndTasksRunInPublicSubnetsWithAnAddress() {
        assertTrue(Synthesized.resources(deployment.appJson, "AWS::EC2::NatGateway")
                .isEmpty());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode network = deployment
                    .service(spec.name())
                    .ecsService()
                    .path("Properties")
                    .path("NetworkConfiguration")
                    .path("AwsvpcConfiguration");
            assertEquals("ENABLED", network.path("AssignPublicIp").asText());
            network.path("Subnets")
                    .forEach(subnet -> assertTrue(
                            subnet(deployment, subnet)
                                    .path("MapPublicIpOnLaunch")
                                    .asBoolean(),
                            spec.name() + " runs in a public subnet"));
        }
        assertEquals(Set.of(true, false), subnetKinds(deployment), "public and private subnets");
    }

    @Test
    void withNatGatewaysTasksMoveToPrivateSubnetsWithoutAnAddress() {
        assertEquals(
                1,
                Synthesized.resources(withNat.appJson, "AWS::EC2::NatGateway").size());
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode network = withNat.service(spec.name())
                    .ecsService()
                    .path("Properties")
                    .path("NetworkConfiguration")
                    .path("AwsvpcConfiguration");
            assertEquals("DISABLED", network.path("AssignPublicIp").asText());
            network.path("Subnets")
                    .forEach(subnet -> assertFalse(
                            subnet(withNat, subnet).path("MapPublicIpOnLaunch").asBoolean(),
                            spec.name() + " runs in a private subnet"));
        }
    }

    @Test
    void tasksAdmitTheLoadBalancerOnlyAndTheUsersServiceItsCallersAndNotificationsItsPeersToo() {
        for (Synthesized variant : List.of(deployment, withNat)) {
            String balancer = Synthesized.target(variant.appJson
                    .path("Resources")
                    .path(variant.only("AWS::ElasticLoadBalancingV2::LoadBalancer"))
                    .path("Properties")
                    .path("SecurityGroups")
                    .get(0));
            for (ServiceSpec spec : ServiceSpec.ALL) {
                Synthesized.Service service = variant.service(spec.name());
                Set<String> expected = new TreeSet<>(Set.of(balancer + ":" + spec.port()));
                if (spec.equals(ServiceSpec.USERS)) {
                    for (String caller : List.of("activities", "notifications", "messages")) {
                        expected.add(variant.service(caller).securityGroup() + ":" + spec.port());
                    }
                }
                if (spec.equals(ServiceSpec.NOTIFICATIONS)) {
                    // the other notifications tasks, which wake its event streams
                    expected.add(service.securityGroup() + ":" + spec.port());
                }
                assertEquals(expected, ingress(variant, service.securityGroup()), spec.name());
            }
        }
    }

    @Test
    void dynamoDbAndS3AreReachedThroughFreeGatewayEndpoints() {
        Set<String> services = new TreeSet<>();
        Synthesized.resources(deployment.appJson, "AWS::EC2::VPCEndpoint")
                .values()
                .forEach(endpoint -> {
                    assertEquals(
                            "Gateway",
                            endpoint.path("Properties").path("VpcEndpointType").asText());
                    String name = Synthesized.render(endpoint.path("Properties").path("ServiceName"));
                    services.add(name.substring(name.lastIndexOf('.') + 1));
                });
        assertEquals(Set.of("dynamodb", "s3"), services);
        for (Synthesized variant : List.of(deployment, withNat)) {
            Set<String> taskRouteTables = new TreeSet<>();
            variant.service("users")
                    .ecsService()
                    .path("Properties")
                    .path("NetworkConfiguration")
                    .path("AwsvpcConfiguration")
                    .path("Subnets")
                    .forEach(subnet ->
                            Synthesized.resources(variant.appJson, "AWS::EC2::SubnetRouteTableAssociation")
                                    .values()
                                    .stream()
                                    .map(association -> association.path("Properties"))
                                    .filter(association -> Synthesized.target(association.path("SubnetId"))
                                            .equals(Synthesized.target(subnet)))
                                    .forEach(association ->
                                            taskRouteTables.add(Synthesized.target(association.path("RouteTableId")))));
            assertEquals(2, taskRouteTables.size());
            Synthesized.resources(variant.appJson, "AWS::EC2::VPCEndpoint")
                    .values()
                    .forEach(endpoint -> {
                        Set<String> routed = new TreeSet<>();
                        endpoint.path("Properties")
                                .path("RouteTableIds")
                                .forEach(table -> routed.add(Synthesized.target(table)));
                        assertTrue(
                                routed.containsAll(taskRouteTables), "the tasks' subnets route through the endpoint");
                    });
        }
        assertTrue(
                Synthesized.resources(deployment.appJson, "AWS::EC2::VPCEndpoint").values().stream()
                        .noneMatch(endpoint -> endpoint.path("Properties")
                                .path("VpcEndpointType")
                                .asText()
                                .equals("Interface")),
                "no interface endpoints (about 7 USD a month each per zone)");
    }

    /** Every source of traffic a security group admits, as {@code source group:port}; an address range fails. */
    private static Set<String> ingress(Synthesized variant, String group) {
        List<JsonNode> rules = new ArrayList<>();
        variant.appJson
                .path("Resources")
                .path(group)
                .path("Properties")
                .path("SecurityGroupIngress")
                .forEach(rules::add);
        Synthesized.resources(variant.appJson, "AWS::EC2::SecurityGroupIngress").values().stream()
                .map(rule -> rule.path("Properties"))
                .filter(rule -> Synthesized.target(rule.path("GroupId")).equals(group))
                .forEach(rules::add);
        Set<String> sources = new TreeSet<>();
        for (JsonNode rule : rules) {
            assertTrue(
                    rule.path("CidrIp").isMissingNode() && rule.path("CidrIpv6").isMissingNode(),
                    "no address range may reach a task: " + rule);
            assertEquals(rule.path("FromPort").asInt(), rule.path("ToPort").asInt());
            sources.add(Synthesized.target(rule.path("SourceSecurityGroupId")) + ":"
                    + rule.path("FromPort").asInt());
        }
        return sources;
    }

    private static JsonNode subnet(Synthesized variant, JsonNode reference) {
        return variant.appJson
                .path("Resources")
                .path(Synthesized.target(reference))
                .path("Properties");
    }

    private static Set<Boolean> subnetKinds(Synthesized variant) {
        Set<Boolean> kinds = new TreeSet<>();
        Synthesized.resources(variant.appJson, "AWS::EC2::Subnet")
                .values()
                .forEach(subnet -> kinds.add(
                        subnet.path("Properties").path("MapPublicIpOnLaunch").asBoolean()));
        return kinds;
    }
}
