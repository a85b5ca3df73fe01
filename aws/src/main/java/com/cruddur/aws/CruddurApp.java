package com.cruddur.aws;

import software.amazon.awscdk.App;
import software.amazon.awscdk.StackProps;

/**
 * The CDK app: the three stacks of a Cruddur deployment, configured by the CDK context (see
 * {@link DeploymentSettings} and aws/README.md). The CDK CLI runs it through {@code cdk.json}.
 */
public final class CruddurApp {

    /** The stacks of one deployment. */
    public record Stacks(RegistryStack registry, AppStack app, GuardrailsStack guardrails) {}

    private CruddurApp() {}

    public static void main(String[] args) {
        App app = new App();
        define(app);
        app.synth();
    }

    public static Stacks define(App app) {
        DeploymentSettings settings = DeploymentSettings.from(app.getNode());
        Tagging.cruddur(app, settings.environment());
        // no env: the registry and the app deploy to the account and region of the CLI's credentials
        RegistryStack registry = new RegistryStack(
                app,
                StackProps.builder()
                        .description("Cruddur container images: one ECR repository per service")
                        .build());
        AppStack application = new AppStack(
                app,
                settings,
                StackProps.builder()
                        .description(
                                "Cruddur (" + settings.environment() + "): network, Fargate services, load balancer, "
                                        + "tables, events queue, user pool, avatar bucket")
                        .build());
        GuardrailsStack guardrails = new GuardrailsStack(app, settings);
        return new Stacks(registry, application, guardrails);
    }
}
