package com.cruddur.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.cruddur.contract.RoutingTable;
import com.cruddur.localstack.Backend;
import com.cruddur.localstack.BootstrapMain;
import com.cruddur.testing.ServiceSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml, the services' Dockerfiles and the bootstrap's, checked without Docker: what can be proved from
 * the files themselves. {@link ComposeBootstrapTest} runs the bootstrap's code against the local emulators.
 */
class DockerComposeTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final Path ROOT = COMPOSE.root;
    /** Where each emulator's image listens: the images' defaults, which the file does not change. */
    private static final Map<String, Integer> EMULATOR_PORTS =
            Map.of("dynamodb", 8000, "sqs", 9324, "cognito", 9229, "s3", 4572);

    private static final Pattern ENDPOINT = Pattern.compile("https?://([a-z0-9-]+):(\\d+)(/.*)?");
    private static final String API_HOST_PORT = "4567";

    @Test
    void passesTheComposeSpecificationAndOurLintRules() throws Exception {
        Path lint = ROOT.resolve("services/system-tests/compose-lint");
        Process dclint = new ProcessBuilder(
                        "node",
                        lint.resolve("node_modules/dclint/bin/dclint.cjs").toString(),
                        "--config",
                        lint.resolve("dclint.json").toString(),
                        "--formatter",
                        "json",
                        "--color",
                        "false",
                        "docker-compose.yml")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(dclint.getInputStream().readAllBytes(), UTF_8);
        assertTrue(dclint.waitFor(60, TimeUnit.SECONDS), "dclint finished");
        int json = output.indexOf('[');
        assertTrue(json >= 0, "dclint printed its JSON report: " + output);
        List<String> problems = new ArrayList<>();
        for (JsonNode file : new ObjectMapper().readTree(output.substring(json))) {
            file.path("messages")
                    .forEach(m -> problems.add(m.path("line").asText() + ": "
                            + m.path("rule").asText() + " " + m.path("message").asText()));
        }
        assertEquals(List.of(), problems, "dclint (Compose specification schema, then our rules) finds nothing");
        assertEquals(0, dclint.exitValue(), output);
    }

    @Test
    void everyDeployedModuleIsBuiltFromItsOwnDockerfileWithOnlyItsPackagedApplication() throws IOException {
        for (String service : ServiceSettings.DEPLOYED) {
            assertEquals(
                    "services/" + service, COMPOSE.buildContext(service).orElse("none"), service + "'s build context");
            assertTrue(COMPOSE.service(service).path("image").isMissingNode(), service + " is built, not pulled");
            Path dockerfile = COMPOSE.dockerfile(service).orElseThrow();
            assertEquals(ROOT.resolve("services/" + service + "/Dockerfile"), dockerfile);
            assertTrue(Files.isRegularFile(dockerfile), dockerfile + " exists");
            assertEquals(
                    List.of("*", "!target/quarkus-app/*"),
                    dockerignore(service),
                    service + "'s build context holds only the packaged application");
            List<String> copied = Dockerfile.read(dockerfile).all("COPY");
            assertFalse(copied.isEmpty(), service + " copies its application");
            copied.forEach(copy -> assertTrue(copy.contains(" target/quarkus-app/"), service + " copies " + copy));
        }
        assertEquals(
                List.of("*", "!target/local-stack-*.jar", "!target/lib/*"),
                dockerignore("local-stack"),
                "the bootstrap's build context holds only its jar and libraries");
    }

    @Test
    void everyImageRunsAsANonRootUserAndProbesReadinessOnThePortItsServiceListensOn() {
        for (String service : ServiceSettings.DEPLOYED) {
            Dockerfile dockerfile = Dockerfile.read(COMPOSE.dockerfile(service).orElseThrow());
            int port = ServiceSettings.of(service).port();
            assertNonRoot(dockerfile);
            assertEquals(String.valueOf(port), dockerfile.last("EXPOSE"), service + " exposes its port");
            String healthcheck = dockerfile.last("HEALTHCHECK");
            assertTrue(
                    healthcheck.contains("/dev/tcp/127.0.0.1/" + port + " ")
                            && healthcheck.contains("GET /q/health/ready ")
                            && healthcheck.contains("' 200 '"),
                    service + "'s health check asks for 200 from /q/health/ready on port " + port + ": " + healthcheck);
            assertEquals("[\"/opt/jboss/container/java/run/run-java.sh\"]", dockerfile.last("ENTRYPOINT"));
        }
        assertNonRoot(Dockerfile.read(COMPOSE.dockerfile("bootstrap").orElseThrow()));
    }

    @Test
    void everyImageRunsItsJvmWithTheMemorySettingsOfTheLocalLauncher() {
        Pattern env = Pattern.compile("([A-Z_]+)=(?:\"([^\"]*)\"|(\\S+))");
        for (String service : ServiceSettings.DEPLOYED) {
            Map<String, String> set = new HashMap<>();
            for (String instruction :
                    Dockerfile.read(COMPOSE.dockerfile(service).orElseThrow()).all("ENV")) {
                Matcher m = env.matcher(instruction);
                assertTrue(m.matches(), service + ": one NAME=value per ENV: " + instruction);
                set.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
            }
            List<String> options = new ArrayList<>(
                    List.of(set.getOrDefault("JAVA_OPTS_APPEND", "").split(" ")));
            // the image's run-java.sh adds the parallel collector unless GC_CONTAINER_OPTIONS names another
            options.addAll(List.of(set.getOrDefault("GC_CONTAINER_OPTIONS", "-XX:+UseParallelGC")
                    .split(" ")));
            assertTrue(
                    options.containsAll(Backend.MEMORY_OPTIONS),
                    service + " runs " + options + ", bin/dev " + Backend.MEMORY_OPTIONS);
            Backend.MEMORY_ENVIRONMENT.forEach(
                    (name, value) -> assertEquals(value, set.get(name), service + " " + name));
        }
    }

    @Test
    void everyServerHasAHealthCheckAndEveryDependencyWaitsForACondition() {
        Set<String> emulators = EMULATOR_PORTS.keySet();
        for (String name : COMPOSE.serviceNames()) {
            JsonNode service = COMPOSE.service(name);
            if (!COMPOSE.isJob(name)) {
                assertTrue(hasHealthCheck(name), name + " has a health check, in the file or in its image");
            }
            JsonNode dependsOn = service.path("depends_on");
            if (!emulators.contains(name)) {
                assertTrue(dependsOn.isObject() && dependsOn.size() > 0, name + " waits for what it needs");
            }
            dependsOn.fields().forEachRemaining(dependency -> {
                String target = dependency.getKey();
                String condition = dependency.getValue().path("condition").asText();
                assertTrue(COMPOSE.serviceNames().contains(target), name + " depends on " + target + ", in the file");
                assertEquals(
                        COMPOSE.isJob(target) ? "service_completed_successfully" : "service_healthy",
                        condition,
                        name + " waits for " + target + " to " + (COMPOSE.isJob(target) ? "succeed" : "be healthy"));
            });
            // whatever a service's settings point at in the file, it waits for
            for (String value : COMPOSE.environment(name).values()) {
                Matcher endpoint = ENDPOINT.matcher(value);
                if (endpoint.matches() && emulators.contains(endpoint.group(1))) {
                    assertTrue(dependsOn.has(endpoint.group(1)), name + " waits for " + endpoint.group(1));
                }
            }
        }
        for (String service : ServiceSettings.DEPLOYED) {
            assertTrue(
                    COMPOSE.service(service).path("depends_on").has("bootstrap"),
                    service + " starts after the bootstrap");
        }
        for (String service : servicesOfTheRoutingTable()) {
            assertTrue(COMPOSE.service("edge").path("depends_on").has(service), "the edge starts after " + service);
        }
        assertTrue(
                COMPOSE.service("demo-profiles").path("depends_on").has("edge"),
                "profiles are provisioned through the edge");
    }

    @Test
    void theEdgeIsTheOnlyPublishedServiceAndRoutesToEachOwnerOfTheRoutingTable() {
        int edgePort = ServiceSettings.of("edge").port();
        assertEquals(String.valueOf(edgePort), COMPOSE.environment("edge").get("QUARKUS_HTTP_PORT"));
        assertEquals(
                List.of("127.0.0.1:" + API_HOST_PORT + ":" + edgePort),
                published("edge"),
                "the API is on localhost:" + API_HOST_PORT);

        Map<String, String> edge = COMPOSE.environment("edge");
        Set<String> routed = new TreeSet<>();
        for (String service : servicesOfTheRoutingTable()) {
            int port = ServiceSettings.of(service).port();
            Map<String, String> env = COMPOSE.environment(service);
            assertEquals(String.valueOf(port), env.get("QUARKUS_HTTP_PORT"), service + "'s port");
            assertEquals(service, env.get("OTEL_SERVICE_NAME"));
            assertEquals(
                    List.of(String.valueOf(port)),
                    textList(COMPOSE.service(service).path("expose")),
                    service + " exposes its port");
            assertEquals(List.of(), published(service), service + " is reached through the edge only, as in AWS");
            assertEquals(
                    "http://" + service + ":" + port,
                    edge.get(service.toUpperCase(Locale.ROOT) + "_SERVICE_URL"),
                    "the edge routes " + service + "'s paths to its container and port");
            routed.add(service.toUpperCase(Locale.ROOT) + "_SERVICE_URL");
        }
        Set<String> edgeTargets = new TreeSet<>(edge.keySet());
        edgeTargets.removeIf(key -> !key.endsWith("_SERVICE_URL"));
        assertEquals(routed, edgeTargets, "the edge knows exactly the services of the routing table");

        assertEquals(
                "http://localhost:" + API_HOST_PORT,
                COMPOSE.environment("bootstrap").get("CRUDDUR_API_URL"),
                "the API URL the bootstrap hands out is the published one");
        assertEquals(
                List.of("demo-profiles", "http://edge:" + edgePort),
                textList(COMPOSE.service("demo-profiles").path("command")));
    }

    @Test
    void everyImageIsPinnedAndTheEmulatorsAreTheVersionsBinDevRuns() throws IOException {
        for (String name : COMPOSE.serviceNames()) {
            JsonNode image = COMPOSE.service(name).path("image");
            if (!image.isMissingNode()) {
                assertPinned(name, image.asText());
            }
            COMPOSE.dockerfile(name)
                    .ifPresent(dockerfile -> Dockerfile.read(dockerfile)
                            .all("FROM")
                            .forEach(from -> assertPinned(dockerfile.toString(), from.split(" ", -1)[0])));
        }
        String pom = Files.readString(ROOT.resolve("pom.xml"));
        Matcher elasticmq = Pattern.compile("<elasticmq.version>([^<]+)</elasticmq.version>")
                .matcher(pom);
        assertTrue(elasticmq.find());
        assertEquals(
                "softwaremill/elasticmq-native:" + elasticmq.group(1),
                COMPOSE.service("sqs").path("image").asText(),
                "the SQS emulator is the ElasticMQ version bin/dev embeds");
        // Cognito and S3 run bin/dev's scripts on the lockfile's versions, in an image built from their folder
        Path emulators = ROOT.resolve("services/local-stack/emulators");
        Dockerfile dockerfile = Dockerfile.read(emulators.resolve("Dockerfile"));
        assertTrue(
                dockerfile.all("COPY").contains("package.json package-lock.json ./")
                        && dockerfile.all("RUN").stream().anyMatch(run -> run.startsWith("npm ci ")),
                "the emulators' image installs the committed lockfile");
        for (String emulator : List.of("cognito", "s3")) {
            assertEquals(
                    "services/local-stack/emulators",
                    COMPOSE.buildContext(emulator).orElse("none"),
                    emulator);
        }
        assertTrue(
                COMPOSE.entrypoint("cognito").endsWith("exec node /emulators/cognito.js"),
                COMPOSE.entrypoint("cognito"));
        assertEquals(
                List.of("node", "/emulators/s3.js"),
                textList(COMPOSE.service("s3").path("command")));
    }

    @Test
    void theServicesReachTheEmulatorsAtThePortsTheirImagesListenOn() {
        Map<String, String> expected = Map.of(
                "AWS_ENDPOINT_URL_DYNAMODB", "http://dynamodb:" + EMULATOR_PORTS.get("dynamodb"),
                "AWS_ENDPOINT_URL_SQS", "http://sqs:" + EMULATOR_PORTS.get("sqs"),
                "COGNITO_ENDPOINT", "http://cognito:" + EMULATOR_PORTS.get("cognito"));
        for (String service : ServiceSettings.DEPLOYED) {
            Map<String, String> env = COMPOSE.environment(service);
            expected.forEach((name, url) -> assertEquals(url, env.get(name), service + "'s " + name));
        }
        Map<String, String> bootstrap = COMPOSE.environment("bootstrap");
        assertEquals(expected.get("AWS_ENDPOINT_URL_SQS"), bootstrap.get("AWS_ENDPOINT_URL_SQS"));
        assertEquals(expected.get("COGNITO_ENDPOINT"), bootstrap.get("COGNITO_ENDPOINT"));
        assertEquals(
                expected.get("COGNITO_ENDPOINT"),
                COMPOSE.environment("demo-profiles").get("COGNITO_ENDPOINT"));
        EMULATOR_PORTS.forEach((emulator, port) -> {
            assertEquals(
                    List.of("127.0.0.1:" + port + ":" + port),
                    published(emulator),
                    emulator + " is published on this machine only, at its usual port");
            assertFalse(COMPOSE.environment(emulator).containsKey("PORT"), emulator + " listens on its image's port");
        });

        // tokens name the address the browser signs in at; the services are told that issuer by the bootstrap
        String issuerDomain = COMPOSE.environment("cognito").get("COGNITO_ISSUER_DOMAIN");
        assertEquals("http://localhost:" + EMULATOR_PORTS.get("cognito"), issuerDomain);
        assertEquals(issuerDomain, bootstrap.get("COGNITO_ISSUER_DOMAIN"));
        assertTrue(
                COMPOSE.entrypoint("cognito").contains("\"IssuerDomain\":\"%s\"")
                        // $$ is Compose's escape: a single $ would be replaced by the host's variable when the file is
                        // read
                        && COMPOSE.entrypoint("cognito").contains("\"$$COGNITO_ISSUER_DOMAIN\""),
                "cognito-local is configured with that issuer domain: " + COMPOSE.entrypoint("cognito"));
    }

    @Test
    void theServicesSourceTheFileTheBootstrapWritesFromAVolumeTheyOnlyRead() {
        String dir = BootstrapMain.DEFAULT_DIR;
        List<String[]> bootstrapVolumes = COMPOSE.volumes("bootstrap");
        assertEquals(1, bootstrapVolumes.size());
        String volume = bootstrapVolumes.get(0)[0];
        assertEquals(List.of(volume, dir, "rw"), List.of(bootstrapVolumes.get(0)));
        assertTrue(COMPOSE.tree.path("volumes").has(volume), volume + " is a named volume");
        for (String service : ServiceSettings.DEPLOYED) {
            assertEquals(
                    List.of(List.of(volume, dir, "ro")),
                    COMPOSE.volumes(service).stream().map(List::of).toList(),
                    service + " reads the bootstrap's folder");
            String entrypoint = COMPOSE.entrypoint(service);
            assertTrue(
                    entrypoint.contains("set -a && . " + dir + "/" + BootstrapMain.SERVICES_ENV + " && set +a"),
                    service + " exports every setting of " + BootstrapMain.SERVICES_ENV + ": " + entrypoint);
            Dockerfile dockerfile = Dockerfile.read(COMPOSE.dockerfile(service).orElseThrow());
            assertTrue(
                    entrypoint.endsWith("exec " + dockerfile.last("ENTRYPOINT").replaceAll("[\\[\\]\"]", "")),
                    service + " then runs what its image would run");
        }
        assertEquals(
                List.of(List.of(volume, dir, "ro")),
                COMPOSE.volumes("demo-profiles").stream().map(List::of).toList());
        // the bootstrap's image makes the folder its non-root user's, so the volume is writable to it
        assertTrue(Dockerfile.read(COMPOSE.dockerfile("bootstrap").orElseThrow()).all("RUN").stream()
                .anyMatch(run -> run.contains("mkdir -p " + dir) && run.contains("chown 185")));
        for (String step : List.of("bootstrap", "demo-profiles")) {
            Set<String> unknown = new HashSet<>(COMPOSE.environment(step).keySet());
            unknown.removeAll(BootstrapMain.Settings.VARIABLES);
            assertEquals(Set.of(), unknown, step + " is given only variables the bootstrap reads");
        }
    }

    private static List<String> dockerignore(String module) throws IOException {
        return Files.readAllLines(ROOT.resolve("services").resolve(module).resolve(".dockerignore")).stream()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .toList();
    }

    private static Set<String> servicesOfTheRoutingTable() {
        Set<String> services = new TreeSet<>(RoutingTable.fromContract().services());
        services.remove("edge");
        assertFalse(services.isEmpty());
        return services;
    }

    private static List<String> published(String service) {
        return textList(COMPOSE.service(service).path("ports"));
    }

    private static List<String> textList(JsonNode node) {
        List<String> values = new ArrayList<>();
        node.forEach(value -> values.add(value.asText()));
        return values;
    }

    private static boolean hasHealthCheck(String service) {
        JsonNode healthcheck = COMPOSE.service(service).path("healthcheck");
        if (healthcheck.path("disable").asBoolean(false)) {
            return false;
        }
        if (healthcheck.path("test").size() > 0) {
            return true;
        }
        return COMPOSE.dockerfile(service)
                .map(dockerfile ->
                        !Dockerfile.read(dockerfile).last("HEALTHCHECK").equals("NONE"))
                .orElse(false);
    }

    private static void assertNonRoot(Dockerfile dockerfile) {
        String user = dockerfile.last("USER").split(":", -1)[0];
        assertFalse(Set.of("root", "0").contains(user), dockerfile.path() + " runs as a non-root user, not " + user);
    }

    /**
     * A tag other than latest, or a digest: {@code name:tag}, {@code name@sha256:...}; a version may carry a variant
     * ({@code node:22.22.2-alpine}).
     */
    private static void assertPinned(String where, String image) {
        String name = image.substring(image.lastIndexOf('/') + 1);
        if (name.contains("@sha256:")) {
            return;
        }
        int colon = name.indexOf(':');
        if (colon < 0) {
            fail(where + " uses " + image + " without a tag or digest");
        }
        String tag = name.substring(colon + 1);
        assertNotEquals("latest", tag, where + " pins " + image);
        assertFalse(tag.endsWith("-latest"), where + " pins " + image);
        assertTrue(tag.matches("\\d+(\\.\\d+)+(-[0-9.]+)?(-[a-z]+[0-9.]*)?"), where + " pins a version: " + image);
    }
}
