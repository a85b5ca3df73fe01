package com.cruddur.aws.week0;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.aws.week0.CliInputJson.Kind;
import com.cruddur.aws.week0.CliInputJson.Problem;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.traits.ListTrait;
import software.amazon.awssdk.core.traits.MapTrait;
import software.amazon.awssdk.services.budgets.model.Budget;
import software.amazon.awssdk.services.budgets.model.CreateBudgetRequest;
import software.amazon.awssdk.services.budgets.model.Metric;
import software.amazon.awssdk.services.budgets.model.Notification;
import software.amazon.awssdk.services.budgets.model.NotificationType;
import software.amazon.awssdk.services.cloudwatch.model.MetricDataQuery;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricAlarmRequest;

/** The reader refuses what the CLI or the service would refuse, and reads what they accept. */
class CliInputJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                // a region cannot travel in CLI input JSON: it is a command-line option
                "alarm  | {\"AlarmName\": \"a\", \"Region\": \"us-east-1\"}                      | $.Region",
                "budget | {\"BudgetLimit\": {\"Amount\": \"10\", \"Units\": \"USD\"}}             | $.BudgetLimit.Units",
                // the original's filter name is a key of CostFilters, never a member of Budget
                "budget | {\"TagKeyValue\": [\"user:Key$value1\"]}                               | $.TagKeyValue",
                "alarm  | {\"Metrics\": [{\"Id\": \"m1\", \"MetricStat\": {\"Metric\": {\"Namespace\": \"AWS/Billing\", \"Dimension\": []}}}]} | $.Metrics[0].MetricStat.Metric.Dimension",
                // names are case-sensitive
                "alarm  | {\"alarmName\": \"a\"}                                                  | $.alarmName",
            })
    void refusesAFieldTheModelDoesNotHave(String shape, String document, String path) throws Exception {
        assertOnlyProblem(Kind.UNKNOWN_FIELD, path, problems(shape, document));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "alarm  | {\"EvaluationPeriods\": \"1\"}                        | $.EvaluationPeriods",
                "alarm  | {\"Period\": 21600.5}                                 | $.Period",
                "alarm  | {\"Period\": 4294967296}                              | $.Period",
                "alarm  | {\"Threshold\": \"10\"}                               | $.Threshold",
                "alarm  | {\"ActionsEnabled\": \"true\"}                        | $.ActionsEnabled",
                "alarm  | {\"AlarmActions\": \"arn:aws:sns:us-east-1:1:t\"}      | $.AlarmActions",
                "alarm  | {\"AlarmActions\": [42]}                              | $.AlarmActions[0]",
                "alarm  | {\"Dimensions\": {\"Name\": \"Currency\"}}            | $.Dimensions",
                "alarm  | {\"AlarmName\": {}}                                   | $.AlarmName",
                // a budget amount is a decimal written as a string, on the wire and in the CLI's model
                "budget | {\"BudgetLimit\": {\"Amount\": 10, \"Unit\": \"USD\"}}  | $.BudgetLimit.Amount",
                "budget | {\"BudgetLimit\": {\"Amount\": \"ten\"}}               | $.BudgetLimit.Amount",
                "budget | {\"BudgetLimit\": \"10 USD\"}                           | $.BudgetLimit",
                "budget | {\"TimePeriod\": {\"Start\": true}}                     | $.TimePeriod.Start",
                "budget | {\"TimePeriod\": {\"Start\": \"next month\"}}           | $.TimePeriod.Start",
            })
    void refusesAValueOfTheWrongType(String shape, String document, String path) throws Exception {
        assertOnlyProblem(Kind.WRONG_TYPE, path, problems(shape, document));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "alarm  | {\"ComparisonOperator\": \"GreaterThan\"}      | $.ComparisonOperator",
                "alarm  | {\"Statistic\": \"maximum\"}                   | $.Statistic",
                "alarm  | {\"Unit\": \"Dollars\"}                         | $.Unit",
                "budget | {\"TimeUnit\": \"WEEKLY\"}                      | $.TimeUnit",
                "budget | {\"BudgetType\": \"Cost\"}                      | $.BudgetType",
                // an enum inside a list of strings
                "budget | {\"Metrics\": [\"UnblendedCost\", \"UnblendedCosts\"]} | $.Metrics[1]",
            })
    void refusesAnUnknownEnumValue(String shape, String document, String path) throws Exception {
        assertOnlyProblem(Kind.UNKNOWN_ENUM_VALUE, path, problems(shape, document));
    }

    @Test
    void refusesAnUnknownEnumValueDeepInsideAList() throws Exception {
        JsonNode request = JSON.readTree("""
                {"AccountId": "111122223333",
                 "Budget": {"BudgetName": "b", "BudgetType": "COST", "TimeUnit": "MONTHLY"},
                 "NotificationsWithSubscribers": [
                   {"Notification": {"NotificationType": "ACTUAL", "ComparisonOperator": "GREATER_THAN", "Threshold": 80},
                    "Subscribers": [{"SubscriptionType": "EMAIL", "Address": "<a@example.com>"}]},
                   {"Notification": {"NotificationType": "FORECAST", "ComparisonOperator": "GREATER_THAN", "Threshold": 100},
                    "Subscribers": [{"SubscriptionType": "E-MAIL", "Address": "<a@example.com>"}]}]}
                """);

        List<Problem> problems = CliInputJson.problems(request, CreateBudgetRequest.class);

        assertEquals(
                List.of(
                        "$.NotificationsWithSubscribers[1].Notification.NotificationType UNKNOWN_ENUM_VALUE",
                        "$.NotificationsWithSubscribers[1].Subscribers[0].SubscriptionType UNKNOWN_ENUM_VALUE"),
                problems.stream().map(p -> p.path() + " " + p.kind()).toList());
    }

    @Test
    void refusesMembersTheSdkMarksDeprecated() throws Exception {
        // CostFilters gave way to FilterExpression, CostTypes to Metrics
        List<Problem> problems = problems("budget", """
                {"CostFilters": {"TagKeyValue": ["user:Key$value1"]}, "CostTypes": {"IncludeTax": true}}""");

        assertEquals(
                List.of("$.CostFilters DEPRECATED_FIELD", "$.CostTypes DEPRECATED_FIELD"),
                problems.stream().map(p -> p.path() + " " + p.kind()).toList());
    }

    @Test
    void refusesNull() throws Exception {
        assertOnlyProblem(Kind.NULL_VALUE, "$.TreatMissingData", problems("alarm", "{\"TreatMissingData\": null}"));
    }

    @Test
    void reportsEveryProblemNotOnlyTheFirst() throws Exception {
        List<Problem> problems = problems("alarm", """
                {"AlarmNam": "a", "Period": "6h", "Statistic": "Max"}""");

        assertEquals(
                List.of(Kind.UNKNOWN_FIELD, Kind.WRONG_TYPE, Kind.UNKNOWN_ENUM_VALUE),
                problems.stream().map(Problem::kind).toList());
    }

    @Test
    void readsAValidAlarmWithMetricMathIntoTheSdkRequest() throws Exception {
        JsonNode document = JSON.readTree("""
                {"AlarmName": "daily", "EvaluationPeriods": 1, "Threshold": 1.5,
                 "ComparisonOperator": "GreaterThanOrEqualToThreshold", "OKActions": ["arn:aws:sns:us-east-1:1:t"],
                 "Metrics": [
                   {"Id": "m1", "ReturnData": false,
                    "MetricStat": {"Metric": {"Namespace": "AWS/Billing", "MetricName": "EstimatedCharges",
                                              "Dimensions": [{"Name": "Currency", "Value": "USD"}]},
                                   "Period": 86400, "Stat": "Maximum"}},
                   {"Id": "e1", "Expression": "RATE(m1)*86400", "ReturnData": true}]}""");

        PutMetricAlarmRequest alarm = CliInputJson.read(document, PutMetricAlarmRequest.class);

        assertEquals("daily", alarm.alarmName());
        assertEquals(1.5, alarm.threshold());
        assertEquals(List.of("arn:aws:sns:us-east-1:1:t"), alarm.okActions());
        MetricDataQuery m1 = alarm.metrics().get(0);
        assertEquals("EstimatedCharges", m1.metricStat().metric().metricName());
        assertEquals("USD", m1.metricStat().metric().dimensions().get(0).value());
        assertEquals(86400, m1.metricStat().period());
        assertEquals(false, m1.returnData());
        assertEquals("RATE(m1)*86400", alarm.metrics().get(1).expression());
    }

    @Test
    void readsEpochSecondsAndIsoTimestampsDecimalStringsAndEnumLists() throws Exception {
        Budget budget = CliInputJson.read(JSON.readTree("""
                {"BudgetName": "b", "BudgetLimit": {"Amount": "12.50", "Unit": "USD"},
                 "TimePeriod": {"Start": 1477958399, "End": "2087-06-15T00:00:00Z"},
                 "Metrics": ["UnblendedCost"]}"""), Budget.class);

        assertEquals(Instant.ofEpochSecond(1477958399), budget.timePeriod().start());
        assertEquals(Instant.parse("2087-06-15T00:00:00Z"), budget.timePeriod().end());
        assertEquals(0, budget.budgetLimit().amount().compareTo(new BigDecimal("12.5")));
        assertEquals(List.of(Metric.UNBLENDED_COST), budget.metrics());
    }

    @Test
    void refusesToBuildADocumentWithAProblem() throws Exception {
        JsonNode document = JSON.readTree("{\"NotificationType\": \"ACTUALS\"}");

        assertThrows(IllegalArgumentException.class, () -> CliInputJson.read(document, Notification.class));
        assertEquals(
                NotificationType.UNKNOWN_TO_SDK_VERSION,
                NotificationType.fromValue("ACTUALS"),
                "the SDK's own verdict on the same value");
    }

    @Test
    void forBudgetsAndCloudWatchTheCliNamesAreTheWireNames() {
        // the reader matches member names (what the CLI's JSON uses); here they equal the protocols' location names
        List<String> different = new ArrayList<>();
        Set<Class<?>> seen = new HashSet<>();
        for (SdkPojo shape :
                List.of((SdkPojo) CreateBudgetRequest.builder(), (SdkPojo) PutMetricAlarmRequest.builder())) {
            collectRenamedMembers(shape, seen, different);
        }

        assertEquals(List.of(), different);
        assertTrue(seen.size() > 10, "walked " + seen);
    }

    private static void collectRenamedMembers(SdkPojo shape, Set<Class<?>> seen, List<String> different) {
        if (!seen.add(shape.getClass())) {
            return;
        }
        for (SdkField<?> field : shape.sdkFields()) {
            if (!field.memberName().equals(field.locationName())) {
                different.add(shape.getClass().getName() + "." + field.memberName() + " -> " + field.locationName());
            }
            SdkField<?> nested = field;
            while (nested.containsTrait(ListTrait.class) || nested.containsTrait(MapTrait.class)) {
                nested = nested.containsTrait(ListTrait.class)
                        ? nested.getTrait(ListTrait.class).memberFieldInfo()
                        : nested.getTrait(MapTrait.class).valueFieldInfo();
            }
            if (nested.constructor() != null) {
                collectRenamedMembers(nested.constructor().get(), seen, different);
            }
        }
    }

    private static List<Problem> problems(String shape, String document) throws Exception {
        Class<? extends SdkPojo> type = switch (shape.trim()) {
            case "alarm" -> PutMetricAlarmRequest.class;
            case "budget" -> Budget.class;
            default -> throw new IllegalArgumentException(shape);
        };
        return CliInputJson.problems(JSON.readTree(document), type);
    }

    private static void assertOnlyProblem(Kind kind, String path, List<Problem> problems) {
        assertEquals(1, problems.size(), CliInputJson.describe(problems));
        assertEquals(kind, problems.get(0).kind(), problems.get(0).toString());
        assertEquals(path.trim(), problems.get(0).path());
        assertTrue(!problems.get(0).detail().isBlank(), "a problem says why");
    }
}
