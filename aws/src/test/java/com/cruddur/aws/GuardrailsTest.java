package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;

/** The week-0 guardrails: a budget that warns on actual and forecast spend, and a billing alarm that can fire. */
class GuardrailsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 21600 in a file and 21600.0 from the synthesis are the same number. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;

    private static Synthesized deployment;
    private static String topic;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
        Map<String, JsonNode> topics = Synthesized.resources(deployment.guardrailsJson, "AWS::SNS::Topic");
        assertEquals(1, topics.size());
        topic = topics.keySet().iterator().next();
    }

    @Test
    void theGuardrailsLiveInUsEast1WhereverTheAppRuns() {
        assertEquals("us-east-1", deployment.stacks.guardrails().getRegion());
        assertTrue(Token.isUnresolved(deployment.stacks.app().getRegion()), "the app goes where the CLI points");
        assertTrue(Token.isUnresolved(deployment.stacks.guardrails().getAccount()), "no account is written down");
    }

    @Test
    void theBillingAlarmIsTheWeek0AlarmFileWithTheBudgetAsThresholdAndTheTopicAsAction() throws IOException {
        Map<String, JsonNode> alarms = Synthesized.resources(deployment.guardrailsJson, "AWS::CloudWatch::Alarm");
        assertEquals(1, alarms.size());
        ObjectNode alarm = alarms.values().iterator().next().path("Properties").deepCopy();
        ObjectNode file = (ObjectNode)
                JSON.readTree(RepositoryFiles.file("aws/json/alarm_config.json").toFile());

        assertEquals(
                DeploymentSettings.DEFAULT_MONTHLY_BUDGET_USD.doubleValue(),
                alarm.path("Threshold").asDouble(),
                "the monthly budget, by default");
        assertEquals(Set.of("${" + topic + "}"), rendered(alarm.path("AlarmActions")));
        assertEquals("cruddur-prod-estimated-charges", alarm.path("AlarmName").asText());
        Set<String> perDeployment = Set.of("AlarmName", "AlarmDescription", "AlarmActions", "Threshold");
        alarm.remove(perDeployment);
        file.remove(perDeployment);
        alarm.remove("Tags"); // the stack's tags (TaggingTest); the file, for the CLI, has none
        // everything else, member for member: the same metric, statistic, period, operator and missing-data rule
        assertTrue(file.equals(NUMBERS_BY_VALUE, alarm), "file " + file + ", stack " + alarm);
        assertEquals(
                "GreaterThanOrEqualToThreshold",
                alarm.path("ComparisonOperator").asText());
        assertEquals("ignore", alarm.path("TreatMissingData").asText());
    }

    @Test
    void theBudgetsNotificationsAreThoseOfTheWeek0File() throws IOException {
        JsonNode budget = Synthesized.resources(deployment.guardrailsJson, "AWS::Budgets::Budget")
                .values()
                .iterator()
                .next()
                .path("Properties");
        JsonNode file = JSON.readTree(RepositoryFiles.file("aws/json/budget-notifications-with-subscribers.json")
                .toFile());
        List<JsonNode> expected = new ArrayList<>();
        file.forEach(entry -> expected.add(entry.path("Notification")));
        List<JsonNode> actual = new ArrayList<>();
        budget.path("NotificationsWithSubscribers").forEach(entry -> actual.add(entry.path("Notification")));
        assertEquals(expected.size(), actual.size(), actual.toString());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(
                    expected.get(i).equals(NUMBERS_BY_VALUE, actual.get(i)), expected.get(i) + " / " + actual.get(i));
        }
    }

    @Test
    void theTopicMailsTheAlertAddress() {
        Map<String, JsonNode> subscriptions =
                Synthesized.resources(deployment.guardrailsJson, "AWS::SNS::Subscription");
        assertEquals(1, subscriptions.size());
        JsonNode subscription = subscriptions.values().iterator().next().path("Properties");
        assertEquals("email", subscription.path("Protocol").asText());
        assertEquals(Synthesized.ALERT_EMAIL, subscription.path("Endpoint").asText());
        assertEquals("${" + topic + "}", Synthesized.render(subscription.path("TopicArn")));
    }

    @Test
    void theMonthlyBudgetWarnsOnActualAndForecastSpendOfTheWholeAccount() {
        Map<String, JsonNode> budgets = Synthesized.resources(deployment.guardrailsJson, "AWS::Budgets::Budget");
        assertEquals(1, budgets.size());
        JsonNode budget = budgets.values().iterator().next().path("Properties");
        assertEquals("COST", budget.path("Budget").path("BudgetType").asText());
        assertEquals("MONTHLY", budget.path("Budget").path("TimeUnit").asText());
        assertEquals(
                DeploymentSettings.DEFAULT_MONTHLY_BUDGET_USD.doubleValue(),
                budget.path("Budget").path("BudgetLimit").path("Amount").asDouble());
        assertEquals(
                "USD", budget.path("Budget").path("BudgetLimit").path("Unit").asText());
        assertTrue(
                budget.path("Budget").path("CostFilters").isMissingNode()
                        && budget.path("Budget").path("FilterExpression").isMissingNode(),
                "a filter on a tag not activated for cost allocation would track nothing");
        Set<String> types = new TreeSet<>();
        budget.path("NotificationsWithSubscribers").forEach(notification -> {
            types.add(notification.path("Notification").path("NotificationType").asText());
            assertEquals(
                    "PERCENTAGE",
                    notification.path("Notification").path("ThresholdType").asText());
            assertEquals(
                    Synthesized.ALERT_EMAIL,
                    notification.path("Subscribers").get(0).path("Address").asText());
        });
        assertEquals(Set.of("ACTUAL", "FORECASTED"), types);
    }

    @Test
    void theBudgetFollowsTheContext() {
        JsonNode budget = Synthesized.resources(
                        Synthesized.with(DeploymentSettings.MONTHLY_BUDGET_USD, "25").guardrailsJson,
                        "AWS::Budgets::Budget")
                .values()
                .iterator()
                .next();
        assertEquals(
                25.0,
                budget.path("Properties")
                        .path("Budget")
                        .path("BudgetLimit")
                        .path("Amount")
                        .asDouble());
    }

    private static Set<String> rendered(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(Synthesized.render(value)));
        return values;
    }
}
