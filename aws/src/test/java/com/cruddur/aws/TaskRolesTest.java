package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Least privilege: each service's task role may do exactly what its code calls, on exactly its own resources.
 * The expectations are written out here, so that a right added in the infrastructure code fails this test until
 * someone decides it belongs.
 */
class TaskRolesTest {

    private static final List<String> DATA_SERVICES =
            List.of("dynamodb", "s3", "sqs", "cognito-idp", "ssm", "kms", "secretsmanager", "sns");

    private static Synthesized deployment;
    private static String pool;
    private static String bucket;
    private static String queue;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
        pool = deployment.only("AWS::Cognito::UserPool");
        bucket = deployment.only("AWS::S3::Bucket");
        queue = Synthesized.resources(deployment.appJson, "AWS::SQS::Queue").entrySet().stream()
                .filter(entry -> entry.getValue()
                        .path("Properties")
                        .path("QueueName")
                        .asText()
                        .equals(AppStack.EVENTS_QUEUE))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
    }

    @Test
    void usersMayUseItsTableAndIndexesReadCognitoUsersSignAvatarUploadsAndPublishFollowEvents() {
        String table = "${" + deployment.service("users").table() + ".Arn}";
        Set<String> expected = rights(
                List.of(
                        "dynamodb:DescribeTable",
                        "dynamodb:GetItem",
                        "dynamodb:BatchGetItem",
                        "dynamodb:Query",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem"),
                List.of(table, table + "/index/*"));
        expected.addAll(
                rights(List.of("cognito-idp:AdminGetUser", "cognito-idp:ListUsers"), List.of("${" + pool + ".Arn}")));
        expected.addAll(rights(List.of("s3:PutObject"), List.of("${" + bucket + ".Arn}/avatars/*")));
        expected.addAll(rights(List.of("sqs:SendMessage"), List.of("${" + queue + ".Arn}")));
        assertEquals(expected, granted(deployment.service("users").taskRole()));
    }

    @Test
    void activitiesMayUseItsTableAndIndexesAndPublishEvents() {
        String table = "${" + deployment.service("activities").table() + ".Arn}";
        Set<String> expected = rights(
                List.of(
                        "dynamodb:DescribeTable",
                        "dynamodb:GetItem",
                        "dynamodb:BatchGetItem",
                        "dynamodb:Query",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchWriteItem"),
                List.of(table, table + "/index/*"));
        expected.addAll(rights(List.of("sqs:SendMessage"), List.of("${" + queue + ".Arn}")));
        assertEquals(expected, granted(deployment.service("activities").taskRole()));
    }

    @Test
    void notificationsMayUseItsTableAndConsumeEvents() {
        String table = "${" + deployment.service("notifications").table() + ".Arn}";
        Set<String> expected = rights(
                List.of(
                        "dynamodb:DescribeTable",
                        "dynamodb:GetItem",
                        "dynamodb:Query",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem",
                        "dynamodb:BatchGetItem",
                        "dynamodb:BatchWriteItem"),
                List.of(table));
        expected.addAll(rights(
                List.of("sqs:ReceiveMessage", "sqs:ChangeMessageVisibility", "sqs:DeleteMessage"),
                List.of("${" + queue + ".Arn}")));
        assertEquals(expected, granted(deployment.service("notifications").taskRole()));
    }

    @Test
    void messagesMayUseItsTableAndIndexAndPublishEvents() {
        String table = "${" + deployment.service("messages").table() + ".Arn}";
        Set<String> expected = rights(
                List.of(
                        "dynamodb:DescribeTable",
                        "dynamodb:GetItem",
                        "dynamodb:Query",
                        "dynamodb:PutItem",
                        "dynamodb:UpdateItem",
                        "dynamodb:DeleteItem"),
                List.of(table, table + "/index/*"));
        expected.addAll(rights(List.of("sqs:SendMessage"), List.of("${" + queue + ".Arn}")));
        assertEquals(expected, granted(deployment.service("messages").taskRole()));
    }

    @Test
    void onlyEcsTasksOfThisAccountMayAssumeATaskRole() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode trust = deployment
                    .appJson
                    .path("Resources")
                    .path(deployment.service(spec.name()).taskRole())
                    .path("Properties")
                    .path("AssumeRolePolicyDocument")
                    .path("Statement");
            assertEquals(1, trust.size());
            assertEquals(
                    "ecs-tasks.amazonaws.com",
                    trust.get(0).path("Principal").path("Service").asText());
            assertEquals(
                    "${AWS::AccountId}",
                    Synthesized.render(
                            trust.get(0).path("Condition").path("StringEquals").path("aws:SourceAccount")));
        }
    }

    @Test
    void anExecutionRoleMayPullItsImageWriteItsLogsAndReadTheThreeSecretsOnly() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Synthesized.Service service = deployment.service(spec.name());
            Set<String> expected = rights(
                    List.of("ecr:BatchCheckLayerAvailability", "ecr:GetDownloadUrlForLayer", "ecr:BatchGetImage"),
                    List.of("arn:${AWS::Partition}:ecr:${AWS::Region}:${AWS::AccountId}:repository/cruddur/"
                            + spec.name()));
            // the registry's login token exists only account-wide
            expected.addAll(rights(List.of("ecr:GetAuthorizationToken"), List.of("*")));
            String logs = Synthesized.target(
                    service.container().path("LogConfiguration").path("Options").path("awslogs-group"));
            expected.addAll(
                    rights(List.of("logs:CreateLogStream", "logs:PutLogEvents"), List.of("${" + logs + ".Arn}")));
            for (String secret : ServiceDeployment.SECRETS) {
                // no kms:Decrypt: the parameters use the AWS managed key, usable by the account through SSM
                expected.addAll(rights(
                        List.of("ssm:GetParameters"),
                        List.of("arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/cruddur/prod/"
                                + secret)));
            }
            assertEquals(expected, granted(service.executionRole()), spec.name());
        }
    }

    @Test
    void noPolicyAnywhereGrantsAWildcardActionOrADataActionOnEveryResource() {
        for (JsonNode template : List.of(deployment.appJson, deployment.registryJson, deployment.guardrailsJson)) {
            List<JsonNode> statements = new ArrayList<>();
            Synthesized.resources(template, "AWS::IAM::Policy")
                    .values()
                    .forEach(policy -> policy.path("Properties")
                            .path("PolicyDocument")
                            .path("Statement")
                            .forEach(statements::add));
            Synthesized.resources(template, "AWS::IAM::Role")
                    .values()
                    .forEach(role -> role.path("Properties")
                            .path("Policies")
                            .forEach(policy -> policy.path("PolicyDocument")
                                    .path("Statement")
                                    .forEach(statements::add)));
            assertFalse(
                    Synthesized.resources(template, "AWS::IAM::ManagedPolicy").size() > 0, "no managed policies");
            for (JsonNode statement : statements) {
                for (String action : values(statement.path("Action"))) {
                    assertFalse(action.contains("*"), "wildcard action " + action);
                    if (DATA_SERVICES.contains(action.substring(0, action.indexOf(':')))) {
                        for (JsonNode resource : list(statement.path("Resource"))) {
                            assertFalse(Synthesized.render(resource).equals("*"), action + " on every resource");
                        }
                    }
                }
                assertTrue(
                        statement.path("NotAction").isMissingNode()
                                && statement.path("NotResource").isMissingNode(),
                        "no NotAction/NotResource: " + statement);
            }
        }
    }

    /** Every (action, resource) pair the role's policies allow, each written {@code action on resource}. */
    private static Set<String> granted(String role) {
        Set<String> rights = new TreeSet<>();
        List<JsonNode> statements = new ArrayList<>();
        Synthesized.resources(deployment.appJson, "AWS::IAM::Policy").values().stream()
                .filter(policy ->
                        values(policy.path("Properties").path("Roles")).contains("${" + role + "}"))
                .forEach(policy -> policy.path("Properties")
                        .path("PolicyDocument")
                        .path("Statement")
                        .forEach(statements::add));
        deployment
                .appJson
                .path("Resources")
                .path(role)
                .path("Properties")
                .path("Policies")
                .forEach(policy ->
                        policy.path("PolicyDocument").path("Statement").forEach(statements::add));
        for (JsonNode statement : statements) {
            assertEquals("Allow", statement.path("Effect").asText());
            assertTrue(statement.path("Condition").isMissingNode(), "no conditions to reason about: " + statement);
            for (String action : values(statement.path("Action"))) {
                for (JsonNode resource : list(statement.path("Resource"))) {
                    rights.add(action + " on " + Synthesized.render(resource));
                }
            }
        }
        return rights;
    }

    private static Set<String> rights(List<String> actions, List<String> resources) {
        Set<String> rights = new TreeSet<>();
        for (String action : actions) {
            for (String resource : resources) {
                rights.add(action + " on " + resource);
            }
        }
        return rights;
    }

    private static List<JsonNode> list(JsonNode value) {
        List<JsonNode> items = new ArrayList<>();
        if (value.isArray()) {
            value.forEach(items::add);
        } else if (!value.isMissingNode()) {
            items.add(value);
        }
        return items;
    }

    private static List<String> values(JsonNode value) {
        return list(value).stream().map(Synthesized::render).toList();
    }
}
