package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.App;
import software.amazon.awscdk.AppProps;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.assertions.Annotations;
import software.amazon.awscdk.assertions.Match;

/** The context: what each stack cannot do without, what is malformed, and what never goes into a template. */
class DeploymentSettingsTest {

    private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9])[0-9]{12}(?![0-9])");

    @Test
    void withoutImageCertificateOriginAndAddressOnlyTheRegistryCanBeDeployed() {
        Map<String, Object> empty = Map.of();
        Synthesized bare = Synthesized.withContext(empty);
        assertEquals(List.of(), errors(bare.stacks.registry()), "the registry comes first, before any image exists");
        List<String> app = errors(bare.stacks.app());
        assertEquals(3, app.size(), app.toString());
        for (String key : List.of(
                DeploymentSettings.IMAGE_TAG, DeploymentSettings.CERTIFICATE_ARN, DeploymentSettings.FRONTEND_URL)) {
            assertTrue(app.stream().anyMatch(error -> error.contains(key)), key + " in " + app);
        }
        List<String> guardrails = errors(bare.stacks.guardrails());
        assertEquals(1, guardrails.size());
        assertTrue(guardrails.get(0).contains(DeploymentSettings.ALERT_EMAIL));

        Synthesized complete = Synthesized.standard();
        for (Stack stack : List.of(complete.stacks.registry(), complete.stacks.app(), complete.stacks.guardrails())) {
            assertEquals(List.of(), errors(stack), stack.getStackName());
        }
    }

    @Test
    void malformedValuesStopTheSynthesis() {
        for (Map.Entry<String, String> bad : List.of(
                Map.entry(DeploymentSettings.NAT_GATEWAYS, "none"),
                Map.entry(DeploymentSettings.NAT_GATEWAYS, "3"),
                Map.entry(DeploymentSettings.DELETION_PROTECTION, "yes"),
                Map.entry(DeploymentSettings.CONTAINER_INSIGHTS, "on"),
                Map.entry(DeploymentSettings.FARGATE_SPOT, "1"),
                Map.entry(DeploymentSettings.API_DOCS, "on"),
                Map.entry(DeploymentSettings.MIN_TASKS, "-1"),
                Map.entry(DeploymentSettings.MIN_TASKS, "3"),
                Map.entry(DeploymentSettings.MAX_TASKS, "0"),
                Map.entry(DeploymentSettings.MAX_TASKS, "11"),
                Map.entry(DeploymentSettings.MONTHLY_BUDGET_USD, "-5"),
                Map.entry(DeploymentSettings.ENVIRONMENT, "Prod Env"),
                Map.entry(DeploymentSettings.FRONTEND_URL, "https://cruddur.example.com/"),
                Map.entry(DeploymentSettings.ALERT_EMAIL, "not-an-address"),
                Map.entry(DeploymentSettings.CERTIFICATE_ARN, "my-certificate"),
                Map.entry(DeploymentSettings.IMAGE_TAG, "latest please"))) {
            App app = new App(AppProps.builder()
                    .context(Map.<String, Object>of(bad.getKey(), bad.getValue()))
                    .build());
            IllegalArgumentException refused = assertThrows(
                    IllegalArgumentException.class, () -> DeploymentSettings.from(app.getNode()), bad.toString());
            assertTrue(refused.getMessage().contains(bad.getKey()), refused.getMessage());
        }
    }

    @Test
    void defaultsAreProdABudgetAboveTheExpectedSpendProtectedTablesAndTheCheapestCompute() {
        DeploymentSettings settings = DeploymentSettings.from(
                new App(AppProps.builder().context(Map.of()).build()).getNode());
        assertEquals("prod", settings.environment());
        assertEquals(0, settings.monthlyBudgetUsd().compareTo(new BigDecimal("75")));
        assertEquals(0, settings.natGateways());
        assertTrue(settings.deletionProtection());
        assertFalse(settings.containerInsights());
        assertTrue(settings.fargateSpot());
        assertEquals(1, settings.minTasks());
        assertEquals(2, settings.maxTasks());
        assertFalse(settings.apiDocs());
        assertTrue(settings.alertEmail().isEmpty(), "a personal address is never a default");
    }

    @Test
    void theEnvironmentNamesTheSecretsAndTheTags() {
        Synthesized staging = Synthesized.with(DeploymentSettings.ENVIRONMENT, "staging");
        JsonNode container = staging.service("users").container();
        container
                .path("Secrets")
                .forEach(secret -> assertTrue(
                        Synthesized.render(secret.path("ValueFrom")).contains(":parameter/cruddur/staging/"),
                        secret.toString()));
        assertEquals("staging", Synthesized.environment(container).get("CRUDDUR_ENVIRONMENT"));
        staging.appJson
                .path("Resources")
                .path(staging.service("users").table())
                .path("Properties")
                .path("Tags")
                .forEach(tag -> {
                    if (tag.path("Key").asText().equals("environment")) {
                        assertEquals("staging", tag.path("Value").asText());
                    }
                });
    }

    @Test
    void noTemplateContainsAnAccountId() {
        Synthesized deployment = Synthesized.standard();
        for (JsonNode template : List.of(deployment.registryJson, deployment.appJson, deployment.guardrailsJson)) {
            List<String> texts = new ArrayList<>();
            collectTexts(template, texts);
            assertFalse(texts.isEmpty());
            for (String text : texts) {
                assertFalse(ACCOUNT_ID.matcher(text).find(), "looks like an account id: " + text);
            }
        }
    }

    private static List<String> errors(Stack stack) {
        return Annotations.fromStack(stack).findError("*", Match.anyValue()).stream()
                .map(message -> String.valueOf(message.getEntry().getData()))
                .toList();
    }

    private static void collectTexts(JsonNode node, List<String> texts) {
        if (node.isTextual() || node.isNumber()) {
            texts.add(node.asText());
        }
        node.fieldNames().forEachRemaining(texts::add);
        node.forEach(child -> collectTexts(child, texts));
    }
}
