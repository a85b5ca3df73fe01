package com.cruddur.aws.week0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.aws.RepositoryFiles;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.BudgetType;
import software.amazon.awssdk.services.budgets.model.ComparisonOperator;
import software.amazon.awssdk.services.budgets.model.CreateBudgetRequest;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.NotificationType;
import software.amazon.awssdk.services.budgets.model.NotificationWithSubscribers;
import software.amazon.awssdk.services.budgets.model.Subscriber;
import software.amazon.awssdk.services.budgets.model.SubscriptionType;
import software.amazon.awssdk.services.budgets.model.ThresholdType;
import software.amazon.awssdk.services.budgets.model.TimeUnit;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;

/**
 * The three week-0 files (docs/week0-guardrails.md), read as the AWS CLI reads them, against the SDK models of
 * CreateBudget and PutMetricAlarm, and held to the guardrail's rules.
 */
class Week0BillingFilesTest {

    private static final String BUDGET = "aws/json/budget.json";
    private static final String NOTIFICATIONS = "aws/json/budget-notifications-with-subscribers.json";
    private static final String ALARM = "aws/json/alarm_config.json";

    /** An e-mail placeholder: angle brackets and the reserved example.com domain, so no real address is committed. */
    private static final Pattern EMAIL_PLACEHOLDER = Pattern.compile("<[^<>@\\s]+@example\\.com>");

    private static final String ACCOUNT_PLACEHOLDER = "<ACCOUNT_ID>";
    /** CloudWatch's documented TreatMissingData values; the SDK models the member as a plain string. */
    private static final Set<String> TREAT_MISSING_DATA = Set.of("breaching", "notBreaching", "ignore", "missing");

    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    @Test
    void theBudgetCommandsArgumentsAreAValidCreateBudgetRequest() throws IOException {
        List<CliInputJson.Problem> problems = CliInputJson.problems(createBudgetArguments(), CreateBudgetRequest.class);

        assertTrue(problems.isEmpty(), CliInputJson.describe(problems));
    }

    @Test
    void theAlarmFileIsAValidPutMetricAlarmRequest() throws IOException {
        List<CliInputJson.Problem> problems = CliInputJson.problems(read(ALARM), PutMetricAlarmRequest.class);

        assertTrue(problems.isEmpty(), CliInputJson.describe(problems));
    }

    @Test
    void theBudgetIsAMonthlyUsdCostBudgetOfTheWholeAccount() throws IOException {
        Budget budget = CliInputJson.read(createBudgetArguments(), CreateBudgetRequest.class)
                .budget();

        assertEquals(BudgetType.COST, budget.budgetType());
        assertEquals(TimeUnit.MONTHLY, budget.timeUnit());
        assertFalse(budget.budgetName() == null || budget.budgetName().isBlank(), "a budget needs a name");
        assertEquals("USD", budget.budgetLimit().unit());
        assertTrue(budget.budgetLimit().amount().signum() > 0, "a positive amount: " + budget.budgetLimit());
        // no filter of any kind: the budget tracks the whole account (the original's placeholder tag tracked nothing)
        assertFalse(budget.hasCostFilters(), "cost filters: " + budget.costFilters());
        assertNull(budget.filterExpression(), "filter expression");
        assertFalse(budget.hasPlannedBudgetLimits(), "a fixed amount, not planned limits");
        assertNull(budget.autoAdjustData(), "a fixed amount, not an auto-adjusting one");
        // left out, so the API starts it at the current period and never ends it
        assertNull(budget.timePeriod(), "time period");
    }

    @Test
    void theBudgetWarnsAtEightyPercentActualAndAtAForecastOverTheBudget() throws IOException {
        List<NotificationWithSubscribers> notifications = CliInputJson.read(
                        createBudgetArguments(), CreateBudgetRequest.class)
                .notificationsWithSubscribers();

        Map<NotificationType, Notification> byType = notifications.stream()
                .map(NotificationWithSubscribers::notification)
                .collect(Collectors.toMap(Notification::notificationType, n -> n));
        assertEquals(Set.of(NotificationType.ACTUAL, NotificationType.FORECASTED), byType.keySet());
        assertEquals(2, notifications.size(), "one notification of each type");
        assertPercentageOver(80, byType.get(NotificationType.ACTUAL));
        assertPercentageOver(100, byType.get(NotificationType.FORECASTED));
    }

    @Test
    void everyBudgetSubscriberIsAnEmailPlaceholder() throws IOException {
        List<NotificationWithSubscribers> notifications = CliInputJson.read(
                        createBudgetArguments(), CreateBudgetRequest.class)
                .notificationsWithSubscribers();

        for (NotificationWithSubscribers notification : notifications) {
            assertFalse(notification.subscribers().isEmpty(), "no subscriber: " + notification);
            for (Subscriber subscriber : notification.subscribers()) {
                assertEquals(SubscriptionType.EMAIL, subscriber.subscriptionType());
                assertTrue(
                        EMAIL_PLACEHOLDER.matcher(subscriber.address()).matches(),
                        "not a placeholder such as <your-email@example.com>: " + subscriber.address());
            }
        }
    }

    @Test
    void theAlarmWatchesTheAccountsEstimatedChargesInUsd() throws IOException {
        PutMetricAlarmRequest alarm = CliInputJson.read(read(ALARM), PutMetricAlarmRequest.class);

        assertEquals("AWS/Billing", alarm.namespace());
        assertEquals("EstimatedCharges", alarm.metricName());
        assertEquals(
                List.of(Dimension.builder().name("Currency").value("USD").build()),
                alarm.dimensions(),
                "only Currency=USD: a ServiceName or LinkedAccount dimension would watch a part of the bill");
        assertFalse(alarm.hasMetrics(), "one metric, no metric math");
        assertEquals(Statistic.MAXIMUM, alarm.statistic(), "the month-to-date total is the period's maximum");
        assertEquals(21600, alarm.period(), "six hours: billing data arrives a few times a day");
        assertEquals(1, alarm.evaluationPeriods());
        assertEquals(
                software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
                alarm.comparisonOperator());
        assertFalse(alarm.alarmName() == null || alarm.alarmName().isBlank(), "an alarm needs a name");
        assertTrue(alarm.actionsEnabled(), "actions enabled");
    }

    @Test
    void theAlarmFiresAtTheBudgetsAmount() throws IOException {
        PutMetricAlarmRequest alarm = CliInputJson.read(read(ALARM), PutMetricAlarmRequest.class);
        Budget budget = CliInputJson.read(createBudgetArguments(), CreateBudgetRequest.class)
                .budget();

        assertEquals(
                0,
                budget.budgetLimit().amount().compareTo(BigDecimal.valueOf(alarm.threshold())),
                "alarm threshold " + alarm.threshold() + " USD, budget "
                        + budget.budgetLimit().amount() + " USD");
    }

    @Test
    void theAlarmDoesNotFireWithoutData() throws IOException {
        String treatMissingData =
                CliInputJson.read(read(ALARM), PutMetricAlarmRequest.class).treatMissingData();

        assertTrue(TREAT_MISSING_DATA.contains(treatMissingData), "not a TreatMissingData value: " + treatMissingData);
        assertFalse(
                "breaching".equals(treatMissingData),
                "breaching puts a new account, which has no billing data yet, straight into ALARM");
    }

    @Test
    void theAlarmNotifiesAnSnsTopicInUsEast1() throws IOException {
        PutMetricAlarmRequest alarm = CliInputJson.read(read(ALARM), PutMetricAlarmRequest.class);

        assertTrue(alarm.hasAlarmActions() && !alarm.alarmActions().isEmpty(), "no alarm action");
        for (String action : alarm.alarmActions()) {
            // arn:partition:service:region:account:resource
            String[] arn = action.split(":", 6);
            assertEquals(6, arn.length, "not an ARN: " + action);
            assertEquals(
                    List.of("arn", "aws", "sns", "us-east-1", ACCOUNT_PLACEHOLDER),
                    List.of(arn[0], arn[1], arn[2], arn[3], arn[4]),
                    "an SNS topic in us-east-1 (where billing metrics are), with the account id as a placeholder");
            assertFalse(arn[5].isBlank(), "no topic name: " + action);
        }
    }

    @Test
    void theAlarmFileHasTheNameTheCommandUses() {
        // the original switched between alarm_config.json and alarm-config.json; the documented command uses the first
        assertTrue(Files.isRegularFile(RepositoryFiles.root().resolve(ALARM)), ALARM);
        assertFalse(
                Files.exists(RepositoryFiles.root().resolve("aws/json/alarm-config.json")),
                "a second alarm file under the other name");
    }

    private static void assertPercentageOver(double percent, Notification notification) {
        assertNotNull(notification);
        assertEquals(ComparisonOperator.GREATER_THAN, notification.comparisonOperator(), notification.toString());
        assertEquals(ThresholdType.PERCENTAGE, notification.thresholdType(), notification.toString());
        assertEquals(percent, notification.threshold(), notification.toString());
    }

    /**
     * What {@code aws budgets create-budget --account-id ... --budget file://... --notifications-with-subscribers
     * file://...} sends: the two files become the request's Budget and NotificationsWithSubscribers members.
     */
    private static ObjectNode createBudgetArguments() throws IOException {
        ObjectNode arguments = JSON.createObjectNode();
        arguments.put("AccountId", "111122223333");
        arguments.set("Budget", read(BUDGET));
        arguments.set("NotificationsWithSubscribers", read(NOTIFICATIONS));
        return arguments;
    }

    private static JsonNode read(String relative) throws IOException {
        return JSON.readTree(RepositoryFiles.file(relative).toFile());
    }
}
