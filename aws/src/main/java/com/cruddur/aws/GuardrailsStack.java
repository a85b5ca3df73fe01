package com.cruddur.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Duration;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.Alarm;
import software.amazon.awscdk.services.cloudwatch.ComparisonOperator;
import software.amazon.awscdk.services.cloudwatch.Metric;
import software.amazon.awscdk.services.cloudwatch.TreatMissingData;
import software.amazon.awscdk.services.cloudwatch.actions.SnsAction;
import software.amazon.awscdk.services.sns.Topic;
import software.amazon.awscdk.services.sns.subscriptions.EmailSubscription;
import software.constructs.Construct;

/**
 * The week-0 cost guardrails as code: an alert topic with an e-mail subscription, a monthly cost budget that warns on
 * actual and forecast spend, and an alarm on the account's estimated charges. Always in us-east-1, the only region
 * where CloudWatch has the {@code AWS/Billing} metrics (an alarm elsewhere never fires).
 */
public class GuardrailsStack extends Stack {

    public static final String NAME = "CruddurGuardrails";
    public static final String REGION = "us-east-1";
    /** Percent of the budget at which the actual spend warns. */
    public static final int ACTUAL_THRESHOLD_PERCENT = 80;
    /** Percent of the budget at which the month's forecast warns. */
    public static final int FORECAST_THRESHOLD_PERCENT = 100;

    public GuardrailsStack(Construct scope, DeploymentSettings settings) {
        // the account stays whatever the CLI's credentials name: never written down
        super(scope, NAME, StackProps.builder()
                .env(Environment.builder().region(REGION).build())
                .description("Cruddur cost guardrails: budget, billing alarm and their alert topic (us-east-1)")
                .build());
        String email = DeploymentSettings.required(this, settings.alertEmail(), DeploymentSettings.ALERT_EMAIL,
                "deploy with -c alertEmail=<address for cost alerts>", "alerts@example.com");

        Topic alerts = Topic.Builder.create(this, "CostAlerts")
                .topicName("cruddur-" + settings.environment() + "-cost-alerts")
                .displayName("Cruddur cost alerts")
                .enforceSsl(true)
                .build();
        alerts.addSubscription(new EmailSubscription(email));

        // The budget covers the whole account, without a tag filter: a cost-allocation tag counts only once it has
        // been activated in the billing console, and a filter on a tag that is not active tracks nothing (the
        // original's placeholder filter did exactly that).
        String amount = settings.monthlyBudgetUsd().toPlainString();
        CfnBudget.Builder.create(this, "MonthlyBudget")
                .budget(CfnBudget.BudgetDataProperty.builder()
                        .budgetName("cruddur-" + settings.environment() + "-monthly")
                        .budgetType("COST")
                        .timeUnit("MONTHLY")
                        .budgetLimit(CfnBudget.SpendProperty.builder().amount(settings.monthlyBudgetUsd().doubleValue())
                                .unit("USD").build())
                        .build())
                .notificationsWithSubscribers(List.of(
                        budgetNotification("ACTUAL", ACTUAL_THRESHOLD_PERCENT, email),
                        budgetNotification("FORECASTED", FORECAST_THRESHOLD_PERCENT, email)))
                // CfnBudget is not taggable through Tags.of(): its tags are written out here
                .resourceTags(List.of(
                        tag(Tagging.APP, "cruddur"),
                        tag(Tagging.ENVIRONMENT, settings.environment()),
                        tag(Tagging.SERVICE, Tagging.SHARED)))
                .build();

        // EstimatedCharges is the month-to-date total, published every few hours.
        Alarm charges = Alarm.Builder.create(this, "EstimatedChargesAlarm")
                .alarmName("cruddur-" + settings.environment() + "-estimated-charges")
                .alarmDescription("The month's estimated charges exceed the " + amount + " USD budget")
                .metric(Metric.Builder.create()
                        .namespace("AWS/Billing")
                        .metricName("EstimatedCharges")
                        .dimensionsMap(Map.of("Currency", "USD"))
                        .statistic("Maximum")
                        .period(Duration.hours(6))
                        .build())
                .comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD)
                .threshold(settings.monthlyBudgetUsd().doubleValue())
                .evaluationPeriods(1)
                // no data yet (a new account, billing alerts not enabled) is no reason to wake anybody
                .treatMissingData(TreatMissingData.NOT_BREACHING)
                .build();
        charges.addAlarmAction(new SnsAction(alerts));

        CfnOutput.Builder.create(this, "CostAlertsTopicArn").value(alerts.getTopicArn()).build();
    }

    private static CfnBudget.NotificationWithSubscribersProperty budgetNotification(String type, int percent, String email) {
        return CfnBudget.NotificationWithSubscribersProperty.builder()
                .notification(CfnBudget.NotificationProperty.builder()
                        .notificationType(type)
                        .comparisonOperator("GREATER_THAN")
                        .threshold(percent)
                        .thresholdType("PERCENTAGE")
                        .build())
                // e-mail straight from AWS Budgets: it needs no confirmation, unlike the topic's subscription
                .subscribers(List.of(CfnBudget.SubscriberProperty.builder()
                        .subscriptionType("EMAIL")
                        .address(email)
                        .build()))
                .build();
    }

    private static CfnBudget.ResourceTagProperty tag(String key, String value) {
        return CfnBudget.ResourceTagProperty.builder().key(key).value(value).build();
    }
}
