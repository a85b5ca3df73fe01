package com.cruddur.aws;

import java.util.List;
import java.util.Map;
import software.amazon.awscdk.CfnOutput;
import software.amazon.awscdk.Environment;
import software.amazon.awscdk.Stack;
import software.amazon.awscdk.StackProps;
import software.amazon.awscdk.services.budgets.CfnBudget;
import software.amazon.awscdk.services.cloudwatch.CfnAlarm;
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

    public GuardrailsStack(Construct scope, DeploymentSettings settings) {
        // the account stays whatever the CLI's credentials name: never written down
        super(
                scope,
                NAME,
                StackProps.builder()
                        .env(Environment.builder().region(REGION).build())
                        .description("Cruddur cost guardrails: budget, billing alarm and their alert topic (us-east-1)")
                        .build());
        String email = DeploymentSettings.required(
                this,
                settings.alertEmail(),
                DeploymentSettings.ALERT_EMAIL,
                "deploy with -c alertEmail=<address for cost alerts>",
                "alerts@example.com");

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
                        .budgetLimit(CfnBudget.SpendProperty.builder()
                                .amount(settings.monthlyBudgetUsd().doubleValue())
                                .unit("USD")
                                .build())
                        .build())
                // the notifications of the week-0 file, to the alert address
                .notificationsWithSubscribers(Week0Files.budgetNotifications().stream()
                        .map(notification -> budgetNotification(notification, email))
                        .toList())
                // CfnBudget is not taggable through Tags.of(): its tags are written out here
                .resourceTags(List.of(
                        tag(Tagging.APP, "cruddur"),
                        tag(Tagging.ENVIRONMENT, settings.environment()),
                        tag(Tagging.SERVICE, Tagging.SHARED)))
                .build();

        // EstimatedCharges is the month-to-date total, published every few hours. The alarm is alarm_config.json
        // (the week-0 file, docs/week0-guardrails.md) but for its name, description, topic and threshold (the budget).
        Map<String, Object> file = Week0Files.alarm();
        CfnAlarm charges = CfnAlarm.Builder.create(this, "EstimatedChargesAlarm")
                .alarmName("cruddur-" + settings.environment() + "-estimated-charges")
                .alarmDescription("The month's estimated charges reached the " + amount + " USD budget")
                .alarmActions(List.of(alerts.getTopicArn()))
                .threshold(settings.monthlyBudgetUsd().doubleValue())
                .comparisonOperator((String) file.get("ComparisonOperator"))
                .evaluationPeriods(((Number) file.get("EvaluationPeriods")).intValue())
                .build();
        file.forEach(charges::addPropertyOverride);

        CfnOutput.Builder.create(this, "CostAlertsTopicArn")
                .value(alerts.getTopicArn())
                .build();
    }

    private static CfnBudget.NotificationWithSubscribersProperty budgetNotification(
            Map<String, Object> notification, String email) {
        return CfnBudget.NotificationWithSubscribersProperty.builder()
                .notification(CfnBudget.NotificationProperty.builder()
                        .notificationType((String) notification.get("NotificationType"))
                        .comparisonOperator((String) notification.get("ComparisonOperator"))
                        .threshold((Number) notification.get("Threshold"))
                        .thresholdType((String) notification.get("ThresholdType"))
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
