package com.cruddur.common.aws;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** Builds every AWS client the same way: region, endpoint, credentials and timeouts from {@link AwsConfig}. */
@ApplicationScoped
public class AwsClients {

    private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(2);
    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);

    private final AwsConfig config;
    private final ExecutionInterceptor tracing;

    public AwsClients(AwsConfig config, OpenTelemetry openTelemetry) {
        this.config = config;
        // every AWS call (DynamoDB, SQS, Cognito) is a client span of the request's trace
        this.tracing = AwsSdkTelemetry.create(openTelemetry).newExecutionInterceptor();
    }

    public AwsConfig config() {
        return config;
    }

    /** Applies our settings to any SDK client builder; {@code endpoint} is the emulator's, if there is one. */
    public <B extends AwsClientBuilder<B, C>, C> C build(B builder, Optional<URI> endpoint) {
        endpoint.ifPresent(builder::endpointOverride);
        return builder
                .region(Region.of(config.region()))
                .credentialsProvider(credentials())
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(tracing)
                        .apiCallAttemptTimeout(ATTEMPT_TIMEOUT)
                        .apiCallTimeout(CALL_TIMEOUT)
                        .build())
                .build();
    }

    /**
     * On a local run, fixed placeholder keys; in AWS, the default chain (environment, then the ECS task role).
     * Never static keys in AWS.
     */
    public AwsCredentialsProvider credentials() {
        return config.emulated()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }

    @Produces
    @Singleton
    DynamoDbClient dynamoDb() {
        return build(DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()), config.endpoint().dynamodb());
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }
}
