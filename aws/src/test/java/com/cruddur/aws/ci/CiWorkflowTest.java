package com.cruddur.aws.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.aws.RepositoryFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The GitHub Actions workflow (docs/ci.md): verify on every push and pull request; deploy main through OIDC only. */
class CiWorkflowTest {

    private static final Set<String> STACKS = Set.of("CruddurRegistry", "CruddurApp", "CruddurGuardrails");
    private static final Set<String> SERVICES = Set.of("users", "activities", "notifications", "messages");
    /** Inputs and variables that carry long-lived AWS keys; OIDC needs none of them. */
    private static final Set<String> STATIC_KEY_NAMES = Set.of(
            "aws-access-key-id",
            "aws-secret-access-key",
            "aws-session-token",
            "AWS_ACCESS_KEY_ID",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{(.*?)}}", Pattern.DOTALL);
    private static final Pattern SECRET_REFERENCE = Pattern.compile("secrets\\s*(?:\\.\\s*|\\[\\s*')([A-Za-z0-9_]+)");
    /** owner/repo[/path]@vN[.N[.N]] or a full commit sha. */
    private static final Pattern PINNED_ACTION =
            Pattern.compile("[\\w.-]+/[\\w.-]+(/[\\w./-]+)?@(v\\d+(\\.\\d+){0,2}|[0-9a-f]{40})");

    private static JsonNode workflow;

    @BeforeAll
    static void readWorkflow() throws IOException {
        workflow = new ObjectMapper(new YAMLFactory())
                .readTree(RepositoryFiles.file(".github/workflows/ci.yml").toFile());
    }

    @Test
    void runsOnEveryPushAndPullRequest() {
        JsonNode on = workflow.path("on");

        assertTrue(on.has("push") && on.has("pull_request"), "triggers: " + on);
        assertTrue(on.path("push").isNull() || on.path("push").isEmpty(), "push is not narrowed: " + on.path("push"));
    }

    @Test
    void verifyRunsTheCiScriptOnJava17AndNode22() {
        JsonNode verify = job("verify");

        assertEquals("ubuntu-latest", verify.path("runs-on").asText());
        assertTrue(runs(verify).contains(".ci/run"), "steps: " + verify.path("steps"));
        JsonNode java = step(verify, uses("actions/setup-java"));
        assertEquals("temurin", java.path("with").path("distribution").asText());
        assertEquals("17", java.path("with").path("java-version").asText());
        assertEquals("maven", java.path("with").path("cache").asText());
        // Node 22 LTS, what we recommend; the machines that run .ci/run directly have 20.19 or newer (README)
        assertEquals(
                "22",
                step(verify, uses("actions/setup-node"))
                        .path("with")
                        .path("node-version")
                        .asText());
    }

    @Test
    void deployNeedsVerifyAndRunsOnlyForAPushToMainWithADeployRole() {
        JsonNode deploy = job("deploy");

        assertTrue(strings(deploy.path("needs")).contains("verify"), "needs: " + deploy.path("needs"));
        List<String> conditions = conjuncts(deploy.path("if").asText());
        assertTrue(
                conditions.containsAll(List.of(
                        "github.event_name == 'push'",
                        "github.ref == 'refs/heads/main'",
                        "vars.AWS_DEPLOY_ROLE_ARN != ''")),
                "if: " + conditions);
    }

    @Test
    void deployAssumesTheRoleThroughOidc() {
        JsonNode deploy = job("deploy");

        assertEquals("write", deploy.path("permissions").path("id-token").asText());
        assertEquals("read", deploy.path("permissions").path("contents").asText());
        JsonNode credentials =
                step(deploy, uses("aws-actions/configure-aws-credentials")).path("with");
        assertEquals(
                "${{ vars.AWS_DEPLOY_ROLE_ARN }}",
                credentials.path("role-to-assume").asText());
        assertEquals("${{ vars.AWS_REGION }}", credentials.path("aws-region").asText());
    }

    @Test
    void noLongLivedAwsKeysAnywhere() {
        List<String> keys = new ArrayList<>();
        List<String> secrets = new ArrayList<>();
        walk(workflow, keys, secrets);

        assertEquals(List.of(), keys.stream().filter(STATIC_KEY_NAMES::contains).toList(), "static key inputs");
        assertEquals(
                List.of(),
                secrets.stream().filter(name -> name.startsWith("AWS_")).toList(),
                "secrets.AWS_*");
    }

    @Test
    void deploysTheRegistryThenPushesTheFourServiceImagesThenTheAppAndTheGuardrails() {
        JsonNode deploy = job("deploy");
        List<JsonNode> steps =
                StreamSupport.stream(deploy.path("steps").spliterator(), false).toList();

        int registry = index(steps, step -> cdkDeployedStacks(step).contains("CruddurRegistry"));
        int login = index(steps, uses("aws-actions/amazon-ecr-login"));
        int push = index(steps, step -> runs(step, "docker", "build") && runs(step, "docker", "push"));
        int app = index(steps, step -> cdkDeployedStacks(step).containsAll(List.of("CruddurApp", "CruddurGuardrails")));
        assertTrue(
                registry < login && login < push && push < app,
                "order: registry " + registry + ", ECR login " + login + ", push " + push + ", app " + app);
        assertEquals(
                SERVICES,
                Set.copyOf(Arrays.asList(
                        deploy.path("env").path("SERVICES").asText().split("\\s+"))));
        Set<String> deployed = new LinkedHashSet<>();
        steps.forEach(step -> deployed.addAll(cdkDeployedStacks(step)));
        assertEquals(STACKS, deployed);
    }

    @Test
    void deploysNeverOverlapNorCancelEachOther() {
        JsonNode concurrency = job("deploy").path("concurrency");

        assertFalse(concurrency.path("group").asText().isBlank(), "concurrency: " + concurrency);
        assertTrue(concurrency.path("cancel-in-progress").isBoolean(), "concurrency: " + concurrency);
        assertFalse(concurrency.path("cancel-in-progress").booleanValue(), "a deploy in progress is never cancelled");
    }

    @Test
    void everyActionIsPinnedToAVersion() {
        List<String> unpinned = new ArrayList<>();
        workflow.path("jobs")
                .forEach(job -> job.path("steps").forEach(step -> {
                    if (step.has("uses")
                            && !PINNED_ACTION
                                    .matcher(step.path("uses").asText())
                                    .matches()) {
                        unpinned.add(step.path("uses").asText());
                    }
                }));

        assertEquals(List.of(), unpinned);
    }

    private static JsonNode job(String name) {
        JsonNode job = workflow.path("jobs").path(name);
        assertTrue(job.isObject(), "no job " + name);
        return job;
    }

    private static JsonNode step(JsonNode job, Predicate<JsonNode> which) {
        List<JsonNode> steps = StreamSupport.stream(job.path("steps").spliterator(), false)
                .filter(which)
                .toList();
        assertEquals(1, steps.size(), "steps matching in " + job.path("steps"));
        return steps.get(0);
    }

    private static int index(List<JsonNode> steps, Predicate<JsonNode> which) {
        return IntStream.range(0, steps.size())
                .filter(i -> which.test(steps.get(i)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no such step in " + steps));
    }

    private static Predicate<JsonNode> uses(String action) {
        return step -> step.path("uses").asText().startsWith(action + "@");
    }

    private static List<String> runs(JsonNode job) {
        return StreamSupport.stream(job.path("steps").spliterator(), false)
                .filter(step -> step.has("run"))
                .map(step -> step.path("run").asText().trim())
                .toList();
    }

    /** A step's shell commands, each as its words: lines joined at a trailing backslash, split at ;, && and ||. */
    private static List<List<String>> commands(JsonNode step) {
        String script = step.path("run").asText().replaceAll("\\\\\\n", " ");
        List<List<String>> commands = new ArrayList<>();
        for (String command : script.split("\\n|;|&&|\\|\\|", -1)) {
            List<String> words = Arrays.stream(command.trim().split("\\s+"))
                    .filter(w -> !w.isEmpty())
                    .toList();
            if (!words.isEmpty()) {
                commands.add(words);
            }
        }
        return commands;
    }

    /** Whether one of the step's commands starts with {@code words}. */
    private static boolean runs(JsonNode step, String... words) {
        List<String> prefix = List.of(words);
        return commands(step).stream()
                .anyMatch(command -> command.size() >= prefix.size()
                        && command.subList(0, prefix.size()).equals(prefix));
    }

    /** The stacks named by {@code npx ... aws-cdk@2 deploy <stack>... --options} commands of a step. */
    private static Set<String> cdkDeployedStacks(JsonNode step) {
        Set<String> stacks = new LinkedHashSet<>();
        for (List<String> words : commands(step)) {
            int cdk = words.indexOf("aws-cdk@2");
            if (cdk >= 0 && cdk + 1 < words.size() && words.get(cdk + 1).equals("deploy")) {
                words.stream()
                        .skip(cdk + 2)
                        .takeWhile(word -> !word.startsWith("-"))
                        .forEach(stacks::add);
            }
        }
        return stacks;
    }

    /** The clauses of a condition joined by {@code &&}; a top-level {@code ||} would let a clause be skipped. */
    private static List<String> conjuncts(String condition) {
        String expression = condition.trim();
        Matcher wrapped = EXPRESSION.matcher(expression);
        if (wrapped.matches()) {
            expression = wrapped.group(1).trim();
        }
        assertFalse(expression.contains("||"), "the deploy condition must be a conjunction: " + expression);
        return Arrays.stream(expression.split("&&")).map(String::trim).toList();
    }

    private static List<String> strings(JsonNode node) {
        if (node.isTextual()) {
            return List.of(node.asText());
        }
        return StreamSupport.stream(node.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }

    /** Collects every mapping key, and the names of every secret that an expression anywhere refers to. */
    private static void walk(JsonNode node, List<String> keys, List<String> secrets) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> property : node.properties()) {
                keys.add(property.getKey());
                walk(property.getValue(), keys, secrets);
            }
        } else if (node.isArray()) {
            node.forEach(element -> walk(element, keys, secrets));
        } else if (node.isTextual()) {
            Matcher expression = EXPRESSION.matcher(node.asText());
            while (expression.find()) {
                Matcher secret = SECRET_REFERENCE.matcher(expression.group(1));
                while (secret.find()) {
                    secrets.add(secret.group(1));
                }
            }
        }
    }
}
