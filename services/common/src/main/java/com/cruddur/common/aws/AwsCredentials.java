package com.cruddur.common.aws;

import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials of every AWS client: the Quarkus DynamoDB and SQS clients name this bean
 * ({@code quarkus.*.aws.credentials.custom-provider.name}), the plain SDK clients (Cognito, S3) inject it.
 */
@ApplicationScoped
public class AwsCredentials {

    public static final String NAME = "cruddur-aws-credentials";

    /**
     * On a local run, fixed placeholder keys; in AWS, the default chain (environment, then the ECS task role).
     * Never static keys in AWS.
     */
    @Produces
    @Singleton
    @Named(NAME)
    @Unremovable // looked up by name at run time
    AwsCredentialsProvider credentials(AwsConfig config) {
        return config.emulated()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
