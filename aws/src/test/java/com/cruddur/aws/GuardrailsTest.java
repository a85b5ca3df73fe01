package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awscdk.Token;

/** The week-0 guardrails: a budget that warns on actual and forecast spend, and a billing alarm that can fire. */
class GuardrailsTest {

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
    void theBillingAlarmWatchesEstimatedChargesAndAlertsTheTopic() {
        Map<String, JsonNode> alarms = Synthesized.resources(deployment.guardrailsJson, "AWS::CloudWatch::Alarm");
        assertEquals(1, alarms.size());
        JsonNode alarm = alarms.values().iterator().next().path("Properties");
        assertEquals("AWS/Billing", alarm.path("Namespace").asText());
        assertEquals("EstimatedCharges", alarm.path("MetricName").asText());
        assertEquals("Currency", alarm.path("Dimensions").get(0).path("Name").asText());
        assertEquals("USD", alarm.path("Dimensions").get(0).path("Value").asText());
        assertEquals(120.0, alarm.path("Threshold").asDouble(), "the monthly budget, by default");
        assertEquals(Set.of("${" + topic + "}"), rendered(alarm.path("AlarmActions")));
        assertFalse(alarm.path("TreatMissingData").asText().equals("breaching"), "no alarm before there is any data");
    }

    @Test
    void theTopicMailsTheAlertAddress() {
        Map<String, JsonNode> subscriptions = Synthesized.resources(deployment.guardrailsJson, "AWS::SNS::Subscription");
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
        assertEquals(120.0, budget.path("Budget").path("BudgetLimit").path("Amount").asDouble());
        assertEquals("USD", budget.path("Budget").path("BudgetLimit").path("Unit").asText());
        assertTrue(budget.path("Budget").path("CostFilters").isMissingNode()
                && budget.path("Budget").path("FilterExpression").isMissingNode(),
                "a filter on a tag not activated for cost allocation would track nothing");
        Set<String> types = new TreeSet<>();
        budget.path("NotificationsWithSubscribers").forEach(notification -> {
            types.add(notification.path("Notification").path("NotificationType").asText());
            assertEquals("PERCENTAGE", notification.path("Notification").path("ThresholdType").asText());
            assertEquals(Synthesized.ALERT_EMAIL, notification.path("Subscribers").get(0).path("Address").asText());
        });
        assertEquals(Set.of("ACTUAL", "FORECASTED"), types);
    }

    @Test
    void theBudgetFollowsTheContext() {
        JsonNode budget = Synthesized.resources(Synthesized.with(DeploymentSettings.MONTHLY_BUDGET_USD, "25")
                .guardrailsJson, "AWS::Budgets::Budget").values().iterator().next();
        assertEquals(25.0, budget.path("Properties").path("Budget").path("BudgetLimit").path("Amount").asDouble());
    }

    private static Set<String> rendered(JsonNode array) {
        Set<String> values = new TreeSet<>();
        array.forEach(value -> values.add(Synthesized.render(value)));
        return values;
    }
}
