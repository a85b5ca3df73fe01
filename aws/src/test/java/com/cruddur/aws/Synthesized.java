package com.cruddur.aws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Template;

/**
 * A deployment synthesized by the real {@link CruddurApp}, with the context the CI would pass. Synthesis starts a
 * Node process (jsii) and takes seconds, so each context is synthesized once per test JVM and shared.
 */
final class Synthesized {

    static final String ALERT_EMAIL = "cost-alerts@example.com";
    static final String FRONTEND_URL = "https://cruddur.example.com";
    static final String IMAGE_TAG = "0123456789abcdef0123456789abcdef01234567";
    /** Not a real certificate; its account part is a word, since no account id belongs in the repository. */
    static final String CERTIFICATE_ARN = "arn:aws:acm:us-east-1:account:certificate/cruddur-test";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<Map<String, Object>, Synthesized> CACHE = new HashMap<>();

    final CruddurApp.Stacks stacks;
    final Template registry;
    final Template app;
    final Template guardrails;
    final JsonNode registryJson;
    final JsonNode appJson;
    final JsonNode guardrailsJson;

    private Synthesized(Map<String, Object> context) {
        // the feature flags of cdk.json, as the CDK CLI passes them, under the test's own values
        Map<String, Object> all = new LinkedHashMap<>(CdkJson.context());
        all.putAll(context);
        App cdk = new App(AppProps.builder().context(all).build());
        stacks = CruddurApp.define(cdk);
        registry = Template.fromStack(stacks.registry());
        app = Template.fromStack(stacks.app());
        guardrails = Template.fromStack(stacks.guardrails());
        registryJson = JSON.valueToTree(registry.toJSON());
        appJson = JSON.valueToTree(app.toJSON());
        guardrailsJson = JSON.valueToTree(guardrails.toJSON());
    }

    /** The context of a production deployment by the CI. */
    static Map<String, Object> ciContext() {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(DeploymentSettings.IMAGE_TAG, IMAGE_TAG);
        context.put(DeploymentSettings.CERTIFICATE_ARN, CERTIFICATE_ARN);
        context.put(DeploymentSettings.ALERT_EMAIL, ALERT_EMAIL);
        context.put(DeploymentSettings.FRONTEND_URL, FRONTEND_URL);
        return context;
    }

    static synchronized Synthesized withContext(Map<String, Object> context) {
        return CACHE.computeIfAbsent(Map.copyOf(context), Synthesized::new);
    }

    /** The default deployment: the CI's context and every default. */
    static Synthesized standard() {
        return withContext(ciContext());
    }

    /** The same with one context value changed (or removed, with {@code null}). */
    static Synthesized with(String key, Object value) {
        Map<String, Object> context = ciContext();
        if (value == null) {
            context.remove(key);
        } else {
            context.put(key, value);
        }
        return withContext(context);
    }

    JsonNode json(Stack stack) {
        if (stack == stacks.registry()) {
            return registryJson;
        }
        return stack == stacks.app() ? appJson : guardrailsJson;
    }

    /** The resources of a template whose type is {@code type}, by logical id. */
    static Map<String, JsonNode> resources(JsonNode template, String type) {
        Map<String, JsonNode> found = new LinkedHashMap<>();
        template.path("Resources").fields().forEachRemaining(resource -> {
            if (resource.getValue().path("Type").asText().equals(type)) {
                found.put(resource.getKey(), resource.getValue());
            }
        });
        return found;
    }

    /**
     * A CloudFormation value as text, intrinsic functions spelled out: {@code {"Ref": "X"}} is {@code ${X}},
     * {@code {"Fn::GetAtt": ["X", "Arn"]}} is {@code ${X.Arn}}, and {@code Fn::Join} joins its parts.
     */
    static String render(JsonNode value) {
        if (value.isTextual() || value.isNumber() || value.isBoolean()) {
            return value.asText();
        }
        if (value.has("Ref")) {
            return "${" + value.get("Ref").asText() + "}";
        }
        if (value.has("Fn::GetAtt")) {
            return "${" + value.get("Fn::GetAtt").get(0).asText() + "."
                    + value.get("Fn::GetAtt").get(1).asText() + "}";
        }
        if (value.has("Fn::Join")) {
            List<String> parts = new ArrayList<>();
            value.get("Fn::Join").get(1).forEach(part -> parts.add(render(part)));
            return String.join(value.get("Fn::Join").get(0).asText(), parts);
        }
        return value.toString();
    }

    /** The logical id a {@code Ref} or {@code Fn::GetAtt} points at. */
    static String target(JsonNode reference) {
        if (reference.has("Ref")) {
            return reference.get("Ref").asText();
        }
        if (reference.has("Fn::GetAtt")) {
            return reference.get("Fn::GetAtt").get(0).asText();
        }
        throw new AssertionError("not a reference: " + reference);
    }

    /** A deployed service's resources in the app template, found from its ECS service. */
    record Service(
            String name,
            String ecsServiceId,
            JsonNode ecsService,
            JsonNode taskDefinition,
            JsonNode container,
            String taskRole,
            String executionRole,
            String targetGroup,
            String securityGroup,
            String table) {}

    Service service(String name) {
        Map.Entry<String, JsonNode> ecs = resources(appJson, "AWS::ECS::Service").entrySet().stream()
                .filter(entry -> entry.getValue()
                        .path("Properties")
                        .path("ServiceName")
                        .asText()
                        .equals(name))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no ECS service " + name));
        JsonNode properties = ecs.getValue().path("Properties");
        JsonNode task = appJson.path("Resources")
                .path(target(properties.path("TaskDefinition")))
                .path("Properties");
        String table = resources(appJson, "AWS::DynamoDB::Table").entrySet().stream()
                .filter(entry -> entry.getValue()
                        .path("Properties")
                        .path("TableName")
                        .asText()
                        .equals(ServiceSpec.named(name).table().name()))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no table of " + name));
        return new Service(
                name,
                ecs.getKey(),
                ecs.getValue(),
                task,
                task.path("ContainerDefinitions").get(0),
                target(task.path("TaskRoleArn")),
                target(task.path("ExecutionRoleArn")),
                target(properties.path("LoadBalancers").get(0).path("TargetGroupArn")),
                target(properties
                        .path("NetworkConfiguration")
                        .path("AwsvpcConfiguration")
                        .path("SecurityGroups")
                        .get(0)),
                table);
    }

    /** The only resource of {@code type} in the app template. */
    String only(String type) {
        Map<String, JsonNode> found = resources(appJson, type);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " resources of type " + type);
        }
        return found.keySet().iterator().next();
    }

    /** A container's environment, by name, each value rendered. */
    static Map<String, String> environment(JsonNode container) {
        Map<String, String> env = new LinkedHashMap<>();
        container
                .path("Environment")
                .forEach(variable -> env.put(variable.path("Name").asText(), render(variable.path("Value"))));
        return env;
    }
}
