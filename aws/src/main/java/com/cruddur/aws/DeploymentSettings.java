package com.cruddur.aws;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import software.amazon.awscdk.Annotations;
import software.amazon.awscdk.Stack;
import software.constructs.Node;

/**
 * The deployment's settings, read from the CDK context ({@code -c key=value} or {@code cdk.json}). A malformed value
 * fails the synthesis at once; a missing value that only one stack needs (the image tag, the certificate) becomes an
 * error on that stack, so that {@code cdk deploy CruddurRegistry} works before there is an image to deploy, while
 * {@code cdk deploy CruddurApp} without one is refused.
 */
public record DeploymentSettings(
        String environment,
        Optional<String> imageTag,
        Optional<String> certificateArn,
        Optional<String> alertEmail,
        List<String> frontendUrls,
        BigDecimal monthlyBudgetUsd,
        int natGateways,
        boolean deletionProtection,
        boolean containerInsights,
        boolean fargateSpot,
        int minTasks,
        int maxTasks,
        boolean apiDocs) {

    public static final String ENVIRONMENT = "environment";
    public static final String IMAGE_TAG = "imageTag";
    public static final String CERTIFICATE_ARN = "certificateArn";
    public static final String ALERT_EMAIL = "alertEmail";
    public static final String FRONTEND_URL = "frontendUrl";
    public static final String MONTHLY_BUDGET_USD = "monthlyBudgetUsd";
    public static final String NAT_GATEWAYS = "natGateways";
    public static final String DELETION_PROTECTION = "deletionProtection";
    public static final String CONTAINER_INSIGHTS = "containerInsights";
    public static final String FARGATE_SPOT = "fargateSpot";
    public static final String MIN_TASKS = "minTasks";
    public static final String MAX_TASKS = "maxTasks";
    public static final String API_DOCS = "apiDocs";

    /** The most tasks a service may scale to; the default cap is {@link #DEFAULT_MAX_TASKS}. */
    public static final int TASKS_LIMIT = 10;

    public static final int DEFAULT_MIN_TASKS = 1;
    /** A bootcamp's traffic fits in one task; the second absorbs a burst, and caps what a runaway can cost. */
    public static final int DEFAULT_MAX_TASKS = 2;

    /**
     * Above what the default deployment costs (at most about 60 USD a month, aws/README.md): a budget below the
     * expected spend warns from the first day of every month, and warnings that always fire are soon ignored.
     */
    public static final BigDecimal DEFAULT_MONTHLY_BUDGET_USD = new BigDecimal("75");

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,19}");
    private static final Pattern IMAGE_TAG_FORMAT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern CERTIFICATE = Pattern.compile("arn:[a-z-]+:acm:[a-z0-9-]+:[^:]+:certificate/.+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern ORIGIN = Pattern.compile("https?://[^/\\s]+");

    public DeploymentSettings {
        check(NAME.matcher(environment).matches(), ENVIRONMENT, environment, "lower-case letters, digits and dashes");
        imageTag.ifPresent(tag -> check(IMAGE_TAG_FORMAT.matcher(tag).matches(), IMAGE_TAG, tag, "a Docker image tag"));
        certificateArn.ifPresent(
                arn -> check(CERTIFICATE.matcher(arn).matches(), CERTIFICATE_ARN, arn, "an ACM certificate ARN"));
        alertEmail.ifPresent(email -> check(EMAIL.matcher(email).matches(), ALERT_EMAIL, email, "an e-mail address"));
        frontendUrls.forEach(origin -> check(
                ORIGIN.matcher(origin).matches(),
                FRONTEND_URL,
                origin,
                "origins such as https://cruddur.com (no path, no trailing slash), comma-separated"));
        frontendUrls = List.copyOf(frontendUrls);
        check(monthlyBudgetUsd.signum() > 0, MONTHLY_BUDGET_USD, monthlyBudgetUsd, "a positive amount");
        check(natGateways >= 0 && natGateways <= 2, NAT_GATEWAYS, natGateways, "0, 1 or 2 (one per zone at most)");
        check(maxTasks >= 1 && maxTasks <= TASKS_LIMIT, MAX_TASKS, maxTasks, "1 to " + TASKS_LIMIT);
        check(minTasks >= 0 && minTasks <= maxTasks, MIN_TASKS, minTasks, "0 to maxTasks (" + maxTasks + ")");
    }

    public static DeploymentSettings from(Node context) {
        return new DeploymentSettings(
                text(context, ENVIRONMENT).orElse("prod"),
                text(context, IMAGE_TAG),
                text(context, CERTIFICATE_ARN),
                text(context, ALERT_EMAIL),
                text(context, FRONTEND_URL)
                        .map(urls -> Arrays.stream(urls.split(","))
                                .map(String::trim)
                                .filter(url -> !url.isEmpty())
                                .toList())
                        .orElse(List.of()),
                text(context, MONTHLY_BUDGET_USD)
                        .map(value -> parse(MONTHLY_BUDGET_USD, value, BigDecimal::new))
                        .orElse(DEFAULT_MONTHLY_BUDGET_USD),
                number(context, NAT_GATEWAYS, 0),
                flag(context, DELETION_PROTECTION, true),
                // the costs a bootcamp can do without are off (aws/README.md, "What it costs")
                flag(context, CONTAINER_INSIGHTS, false),
                flag(context, FARGATE_SPOT, true),
                number(context, MIN_TASKS, DEFAULT_MIN_TASKS),
                number(context, MAX_TASKS, DEFAULT_MAX_TASKS),
                // the browsable API (/q/openapi, Swagger UI) on the public load balancer: off unless asked
                flag(context, API_DOCS, false));
    }

    /**
     * A value {@code stack} cannot be deployed without. When it is missing, the stack records an error (the CDK CLI
     * then refuses to deploy or synthesize that stack, and only that one) and gets {@code placeholder} to build with.
     */
    public static String required(Stack stack, Optional<String> value, String key, String hint, String placeholder) {
        if (value.isPresent()) {
            return value.get();
        }
        Annotations.of(stack).addError("context value " + key + " is missing: " + hint);
        return placeholder;
    }

    /** Whether the tasks run in private subnets behind NAT gateways, or in public ones with a public address. */
    public boolean privateTasks() {
        return natGateways > 0;
    }

    private static Optional<String> text(Node context, String key) {
        Object value = context.tryGetContext(key);
        return value == null || value.toString().isBlank()
                ? Optional.empty()
                : Optional.of(value.toString().trim());
    }

    private static boolean flag(Node context, String key, boolean otherwise) {
        return text(context, key)
                .map(value -> parse(key, value, DeploymentSettings::bool))
                .orElse(otherwise);
    }

    private static int number(Node context, String key, int otherwise) {
        return text(context, key)
                .map(value -> parse(key, value, Integer::valueOf))
                .orElse(otherwise);
    }

    private static <T> T parse(String key, String value, Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("context value " + key + "=" + value + " is malformed", e);
        }
    }

    private static boolean bool(String value) {
        return switch (value) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("true or false");
        };
    }

    private static void check(boolean valid, String key, Object value, String expected) {
        if (!valid) {
            throw new IllegalArgumentException("context value " + key + "=" + value + " is not " + expected);
        }
    }
}
