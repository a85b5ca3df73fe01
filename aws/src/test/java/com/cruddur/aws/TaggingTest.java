package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.CfnResource;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.TagManager;
import software.constructs.IConstruct;

/**
 * Cost allocation: every resource whose CloudFormation type takes tags carries {@code app}, {@code environment} and
 * {@code service}. Whether a type takes tags is the CDK's own knowledge of the resource specification (its L1 class
 * is taggable), so a new kind of resource is checked without editing this test; the types that take no tags are
 * listed below with the reason, so a new untaggable type fails until someone looks at it.
 */
class TaggingTest {

    /** Types CloudFormation cannot tag at all, and why that costs no cost allocation. */
    private static final Map<String, String> UNTAGGABLE = Map.ofEntries(
            Map.entry("AWS::EC2::Route", "an entry of a tagged route table; free"),
            Map.entry("AWS::EC2::SubnetRouteTableAssociation", "links a tagged subnet to a tagged route table; free"),
            Map.entry("AWS::EC2::VPCGatewayAttachment", "links the tagged internet gateway to the tagged VPC; free"),
            Map.entry("AWS::EC2::SecurityGroupIngress", "a rule of a tagged security group; free"),
            Map.entry("AWS::EC2::SecurityGroupEgress", "a rule of a tagged security group; free"),
            Map.entry("AWS::IAM::Policy", "a policy document attached to a tagged role; free"),
            Map.entry("AWS::SQS::QueuePolicy", "the policy of a tagged queue; free"),
            Map.entry("AWS::S3::BucketPolicy", "the policy of the tagged bucket; free"),
            Map.entry("AWS::SNS::TopicPolicy", "the policy of the tagged topic; free"),
            Map.entry("AWS::SNS::Subscription", "a subscription of the tagged topic; its deliveries bill to the topic"),
            Map.entry("AWS::Cognito::UserPoolClient", "a client of the tagged user pool, which carries the cost"),
            Map.entry(
                    "AWS::ElasticLoadBalancingV2::Listener",
                    "part of the tagged load balancer, which carries the cost"),
            Map.entry("AWS::ApplicationAutoScaling::ScalableTarget", "scaling settings of a tagged ECS service; free"),
            Map.entry("AWS::ApplicationAutoScaling::ScalingPolicy", "scaling settings of a tagged ECS service; free"),
            Map.entry("AWS::ECS::ClusterCapacityProviderAssociations", "the tagged cluster's capacity providers; free"),
            Map.entry("AWS::WAFv2::WebACLAssociation", "links the tagged web ACL to the tagged load balancer; free"));

    /** Types CloudFormation can tag although the CDK's Tags.of() does not reach them: tagged in code, checked here. */
    private static final Map<String, String> TAGGED_BY_HAND = Map.of("AWS::Budgets::Budget", "ResourceTags");

    private static Synthesized deployment;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
    }

    @Test
    void everyTaggableResourceCarriesTheCostAllocationTags() {
        int checked = 0;
        for (Stack stack : stacks()) {
            for (Map.Entry<String, CfnResource> resource : resources(stack).entrySet()) {
                JsonNode properties = deployment
                        .json(stack)
                        .path("Resources")
                        .path(resource.getKey())
                        .path("Properties");
                String type = resource.getValue().getCfnResourceType();
                String property = tagProperty(resource.getValue());
                if (property == null) {
                    continue;
                }
                Map<String, String> tags = tags(properties.path(property));
                String where = stack.getStackName() + "/" + resource.getKey() + " (" + type + ")";
                assertEquals("cruddur", tags.get("app"), where);
                assertEquals("prod", tags.get("environment"), where);
                assertEquals(expectedService(resource.getValue()), tags.get("service"), where);
                checked++;
            }
        }
        assertTrue(checked > 50, "the walk reached the resources: " + checked);
    }

    @Test
    void theResourcesThatCannotBeTaggedAreOnlyTheListedOnesAndEachListedTypeStillOccurs() {
        Set<String> untagged = new HashSet<>();
        for (Stack stack : stacks()) {
            for (CfnResource resource : resources(stack).values()) {
                if (tagProperty(resource) == null) {
                    untagged.add(resource.getCfnResourceType());
                }
            }
        }
        Set<String> unexplained = new HashSet<>(untagged);
        unexplained.removeAll(UNTAGGABLE.keySet());
        assertEquals(Set.of(), unexplained, "untaggable types without a reason in UNTAGGABLE");
        Set<String> stale = new HashSet<>(UNTAGGABLE.keySet());
        stale.removeAll(untagged);
        assertEquals(Set.of(), stale, "UNTAGGABLE lists types the deployment no longer has");
    }

    @Test
    void aServicesResourcesAreTaggedWithItsName() {
        // the nearer tag wins over the app-wide service=shared
        JsonNode table = deployment
                .appJson
                .path("Resources")
                .path(deployment.service("messages").table());
        assertEquals("messages", tags(table.path("Properties").path("Tags")).get("service"));
        assertEquals(
                "SERVICE",
                deployment
                        .service("messages")
                        .ecsService()
                        .path("Properties")
                        .path("PropagateTags")
                        .asText(),
                "tasks inherit the service's tags, so Fargate's cost is allocated too");
    }

    private static List<Stack> stacks() {
        return List.of(deployment.stacks.registry(), deployment.stacks.app(), deployment.stacks.guardrails());
    }

    /** The stack's CloudFormation resources by logical id. */
    private static Map<String, CfnResource> resources(Stack stack) {
        Map<String, CfnResource> resources = new LinkedHashMap<>();
        for (IConstruct construct : stack.getNode().findAll()) {
            if (construct instanceof CfnResource resource) {
                String logicalId = stack.resolve(stack.getLogicalId(resource)).toString();
                assertFalse(
                        deployment.json(stack).path("Resources").path(logicalId).isMissingNode(), logicalId);
                resources.put(logicalId, resource);
            }
        }
        assertEquals(deployment.json(stack).path("Resources").size(), resources.size(), "every resource was walked");
        return resources;
    }

    /** The template property carrying the resource's tags, or null when its type cannot carry any. */
    private static String tagProperty(CfnResource resource) {
        if (TagManager.isTaggable(resource) || TagManager.isTaggableV2(resource)) {
            String property = TagManager.of(resource).getTagPropertyName();
            return Character.toUpperCase(property.charAt(0)) + property.substring(1);
        }
        return TAGGED_BY_HAND.get(resource.getCfnResourceType());
    }

    /** Tags as a map, whether the type writes them as {@code [{Key, Value}]} or as a map. */
    private static Map<String, String> tags(JsonNode value) {
        Map<String, String> tags = new LinkedHashMap<>();
        if (value.isArray()) {
            value.forEach(
                    tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        } else {
            value.fields()
                    .forEachRemaining(
                            tag -> tags.put(tag.getKey(), tag.getValue().asText()));
        }
        return tags;
    }

    /** A resource under a service's construct (or its repository) belongs to that service; the rest is shared. */
    private static String expectedService(CfnResource resource) {
        String owner = resource.getNode().getPath().split("/", -1)[1];
        for (ServiceSpec spec : ServiceSpec.ALL) {
            if (owner.equals(spec.title()) || owner.equals(spec.title() + "Repository")) {
                return spec.name();
            }
        }
        return Tagging.SHARED;
    }
}
