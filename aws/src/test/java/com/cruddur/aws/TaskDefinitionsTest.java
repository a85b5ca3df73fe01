package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.ServiceSettings;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What each container gets: the settings its service reads, its secrets from the parameter store, its checks. */
class TaskDefinitionsTest {

    /** Quarkus reads these itself; no {@code ${...}} in the sources names them. */
    private static final Set<String> READ_BY_QUARKUS = Set.of("QUARKUS_HTTP_PORT");

    private static final Pattern SECRET_LOOKING = Pattern.compile(".*(KEY|TOKEN|SECRET|PASSWORD|CREDENTIAL|HEADERS).*");

    private static Synthesized deployment;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
    }

    @Test
    void everyRequiredSettingIsGivenAndNothingTheServiceDoesNotRead() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            ServiceSettings settings = ServiceSettings.of(spec.name());
            JsonNode container = deployment.service(spec.name()).container();
            Set<String> given = new TreeSet<>(Synthesized.environment(container).keySet());
            container
                    .path("Secrets")
                    .forEach(secret -> given.add(secret.path("Name").asText()));

            Set<String> missing = new TreeSet<>(settings.required());
            missing.removeAll(given);
            assertEquals(Set.of(), missing, spec.name() + " needs these to start");

            Set<String> unread = new TreeSet<>(given);
            unread.removeAll(settings.all());
            unread.removeAll(READ_BY_QUARKUS);
            assertEquals(Set.of(), unread, spec.name() + " reads none of these (a typo?)");
        }
    }

    @Test
    void theValuesPointAtThisDeploymentsResources() {
        String pool = deployment.only("AWS::Cognito::UserPool");
        String client = deployment.only("AWS::Cognito::UserPoolClient");
        String queue = Synthesized.resources(deployment.appJson, "AWS::SQS::Queue").entrySet().stream()
                .filter(entry -> entry.getValue()
                        .path("Properties")
                        .path("QueueName")
                        .asText()
                        .equals(AppStack.EVENTS_QUEUE))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow();
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Synthesized.Service service = deployment.service(spec.name());
            Map<String, String> env = Synthesized.environment(service.container());
            assertEquals("${" + service.table() + "}", env.get(spec.table().envVar()), spec.name());
            assertEquals("${" + pool + "}", env.get("COGNITO_USER_POOL_ID"));
            assertEquals("${" + client + "}", env.get("COGNITO_CLIENT_ID"));
            assertEquals("${AWS::Region}", env.get("AWS_REGION"));
            assertEquals(Synthesized.FRONTEND_URL, env.get("FRONTEND_URL"));
            assertEquals("prod", env.get("CRUDDUR_ENVIRONMENT"));
            assertEquals(Synthesized.IMAGE_TAG, env.get("CRUDDUR_VERSION"));
            assertEquals("momento", env.get("CRUDDUR_CACHE"));
            assertEquals(spec.name(), env.get("OTEL_SERVICE_NAME"));
            assertEquals(Integer.toString(spec.port()), env.get("QUARKUS_HTTP_PORT"));
            assertFalse(
                    env.containsKey("CRUDDUR_CREATE_TABLES"), "in AWS the tables come from here, never from a service");
            if (env.containsKey("EVENTS_QUEUE_URL")) {
                assertEquals("${" + queue + "}", env.get("EVENTS_QUEUE_URL"));
            }
            if (env.containsKey("USERS_SERVICE_URL")) {
                assertEquals("http://users.cruddur.local:4568", env.get("USERS_SERVICE_URL"));
            }
            assertTrue(
                    Synthesized.render(service.container().path("Image"))
                            .endsWith("/cruddur/" + spec.name() + ":" + Synthesized.IMAGE_TAG),
                    "the image of the deployed commit");
        }
        assertEquals(
                "${" + deployment.only("AWS::S3::Bucket") + "}",
                Synthesized.environment(deployment.service("users").container()).get("AVATARS_BUCKET"));
    }

    @Test
    void theUsersServiceIsFoundByItsPrivateDnsName() {
        JsonNode namespace = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ServiceDiscovery::PrivateDnsNamespace"))
                .path("Properties");
        assertEquals("cruddur.local", namespace.path("Name").asText());
        JsonNode discovery = deployment
                .appJson
                .path("Resources")
                .path(deployment.only("AWS::ServiceDiscovery::Service"))
                .path("Properties");
        assertEquals("users", discovery.path("Name").asText());
        assertEquals(
                "A",
                discovery
                        .path("DnsConfig")
                        .path("DnsRecords")
                        .get(0)
                        .path("Type")
                        .asText());
        JsonNode registries =
                deployment.service("users").ecsService().path("Properties").path("ServiceRegistries");
        assertEquals(
                deployment.only("AWS::ServiceDiscovery::Service"),
                Synthesized.target(registries.get(0).path("RegistryArn")));
    }

    @Test
    void secretsComeFromTheParameterStoreAndNeverAsPlainValues() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode container = deployment.service(spec.name()).container();
            Map<String, String> secrets = new LinkedHashMap<>();
            container
                    .path("Secrets")
                    .forEach(secret ->
                            secrets.put(secret.path("Name").asText(), Synthesized.render(secret.path("ValueFrom"))));
            Map<String, String> expected = new LinkedHashMap<>();
            for (String name : List.of("HONEYCOMB_API_KEY", "ROLLBAR_ACCESS_TOKEN", "MOMENTO_API_KEY")) {
                expected.put(
                        name,
                        "arn:${AWS::Partition}:ssm:${AWS::Region}:${AWS::AccountId}:parameter/cruddur/prod/" + name);
            }
            assertEquals(expected, secrets, spec.name());
            for (String variable : Synthesized.environment(container).keySet()) {
                assertFalse(
                        SECRET_LOOKING.matcher(variable).matches(), variable + " looks like a secret in plain text");
            }
        }
    }

    @Test
    void noStaticAwsKeysAnywhere() {
        for (JsonNode template : List.of(deployment.appJson, deployment.registryJson, deployment.guardrailsJson)) {
            assertTrue(Synthesized.resources(template, "AWS::IAM::User").isEmpty());
            assertTrue(Synthesized.resources(template, "AWS::IAM::AccessKey").isEmpty());
            Synthesized.resources(template, "AWS::ECS::TaskDefinition")
                    .values()
                    .forEach(task -> task.path("Properties")
                            .path("ContainerDefinitions")
                            .forEach(container -> {
                                Set<String> names =
                                        Synthesized.environment(container).keySet();
                                assertFalse(
                                        names.contains("AWS_ACCESS_KEY_ID") || names.contains("AWS_SECRET_ACCESS_KEY"));
                            }));
        }
    }

    @Test
    void targetGroupsCheckTheReadyEndpointOnTheContainersPort() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Synthesized.Service service = deployment.service(spec.name());
            int listens = ServiceSettings.of(spec.name()).port();
            assertEquals(listens, spec.port(), spec.name() + " listens where its local run does");

            JsonNode group = deployment
                    .appJson
                    .path("Resources")
                    .path(service.targetGroup())
                    .path("Properties");
            assertEquals("/q/health/ready", group.path("HealthCheckPath").asText());
            assertEquals("traffic-port", group.path("HealthCheckPort").asText());
            assertEquals("200", group.path("Matcher").path("HttpCode").asText());
            assertEquals(listens, group.path("Port").asInt());
            assertEquals("ip", group.path("TargetType").asText());

            JsonNode attachment = service.ecsService()
                    .path("Properties")
                    .path("LoadBalancers")
                    .get(0);
            assertEquals(listens, attachment.path("ContainerPort").asInt());
            assertEquals(spec.name(), attachment.path("ContainerName").asText());
            assertEquals(
                    listens,
                    service.container()
                            .path("PortMappings")
                            .get(0)
                            .path("ContainerPort")
                            .asInt());
            assertTrue(
                    service.ecsService()
                                    .path("Properties")
                                    .path("HealthCheckGracePeriodSeconds")
                                    .asInt()
                            > 0,
                    "the JVM gets time to start before the first check counts");

            // the container check asks liveness on the same port, with bash (the image has no promised curl)
            JsonNode check = service.container().path("HealthCheck").path("Command");
            assertEquals(
                    List.of("CMD", "bash", "-c"),
                    List.of(
                            check.get(0).asText(),
                            check.get(1).asText(),
                            check.get(2).asText()));
            assertTrue(
                    check.get(3).asText().startsWith("exec 3<>/dev/tcp/127.0.0.1/" + listens + " "), check.toString());
            assertTrue(check.get(3).asText().contains("GET /q/health/live HTTP/1.0"), check.toString());
        }
    }

    @Test
    void eachTaskStartsAtAQuarterVcpuAndHalfAGigabyteAndScalesOnCpu() {
        Map<String, JsonNode> targets =
                Synthesized.resources(deployment.appJson, "AWS::ApplicationAutoScaling::ScalableTarget");
        Map<String, JsonNode> policies =
                Synthesized.resources(deployment.appJson, "AWS::ApplicationAutoScaling::ScalingPolicy");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Synthesized.Service service = deployment.service(spec.name());
            assertEquals("256", service.taskDefinition().path("Cpu").asText());
            assertEquals("512", service.taskDefinition().path("Memory").asText());
            assertTrue(
                    service.ecsService().path("Properties").path("DesiredCount").isMissingNode(),
                    "the autoscaling owns the count; a deployment must not reset it");

            String ecsService = service.ecsServiceId();
            Map.Entry<String, JsonNode> target = targets.entrySet().stream()
                    .filter(entry -> Synthesized.render(
                                    entry.getValue().path("Properties").path("ResourceId"))
                            .endsWith("/${" + ecsService + ".Name}"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no scalable target for " + spec.name()));
            assertEquals(
                    1, target.getValue().path("Properties").path("MinCapacity").asInt());
            assertEquals(
                    2, target.getValue().path("Properties").path("MaxCapacity").asInt());
            JsonNode policy = policies.values().stream()
                    .filter(candidate -> Synthesized.target(
                                    candidate.path("Properties").path("ScalingTargetId"))
                            .equals(target.getKey()))
                    .findFirst()
                    .orElseThrow()
                    .path("Properties");
            assertEquals("TargetTrackingScaling", policy.path("PolicyType").asText());
            assertEquals(
                    "ECSServiceAverageCPUUtilization",
                    policy.path("TargetTrackingScalingPolicyConfiguration")
                            .path("PredefinedMetricSpecification")
                            .path("PredefinedMetricType")
                            .asText());
        }
    }

    /**
     * The JVM's memory settings travel in the images (the same as bin/dev's, checked by the system tests'
     * {@code DockerComposeTest}): no task overrides them, and the task's memory holds everything they let the JVM
     * take (heap, metaspace, code cache, direct buffers) with 64 MiB to spare for threads, the collector and malloc.
     */
    @Test
    void eachTaskLeavesTheImagesMemorySettingsAloneAndHoldsWhatTheyAllow() throws Exception {
        Pattern cap = Pattern.compile(
                "-(?:Xmx|XX:MaxMetaspaceSize=|XX:ReservedCodeCacheSize=|XX:MaxDirectMemorySize=)(\\d+)m");
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, String> env =
                    Synthesized.environment(deployment.service(spec.name()).container());
            for (String name : List.of(
                    "JAVA_OPTS",
                    "JAVA_OPTS_APPEND",
                    "GC_CONTAINER_OPTIONS",
                    "MALLOC_ARENA_MAX",
                    "JAVA_MAX_MEM_RATIO",
                    "JDK_JAVA_OPTIONS",
                    "JAVA_TOOL_OPTIONS")) {
                assertFalse(env.containsKey(name), spec.name() + " overrides its image's " + name);
            }
            String dockerfile = Files.readString(RepositoryFiles.file("services/" + spec.name() + "/Dockerfile"));
            Matcher caps = cap.matcher(dockerfile);
            int bounded = 0;
            int mib = 0;
            while (caps.find()) {
                bounded++;
                mib += Integer.parseInt(caps.group(1));
            }
            assertEquals(4, bounded, spec.name() + "'s image bounds heap, metaspace, code cache and direct memory");
            assertTrue(
                    mib + 64 <= ServiceDeployment.MEMORY_MIB,
                    spec.name() + ": " + mib + " MiB of JVM bounds in " + ServiceDeployment.MEMORY_MIB + " MiB");
        }
    }

    @Test
    void logsGoToAGroupPerServiceWithARetention() {
        for (ServiceSpec spec : ServiceSpec.ALL) {
            JsonNode options = deployment
                    .service(spec.name())
                    .container()
                    .path("LogConfiguration")
                    .path("Options");
            JsonNode group = deployment
                    .appJson
                    .path("Resources")
                    .path(Synthesized.target(options.path("awslogs-group")))
                    .path("Properties");
            assertEquals(
                    "/cruddur/prod/" + spec.name(), group.path("LogGroupName").asText());
            assertTrue(group.path("RetentionInDays").asInt() > 0, "logs are not kept (and paid for) forever");
        }
    }
}
