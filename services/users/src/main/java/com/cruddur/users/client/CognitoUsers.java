package com.cruddur.users.client;

import com.cruddur.common.aws.AwsConfig;
import com.cruddur.common.aws.AwsCredentials;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.instrumentation.awssdk.v2_2.AwsSdkTelemetry;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserNotFoundException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserStatusType;

/**
 * Reads users from the Cognito user pool (AdminGetUser), the source of every new profile. A plain SDK client, as the
 * Quarkus Cognito extension does not resolve here (docs/aws-clients.md), built with the settings the Quarkus DynamoDB
 * and SQS clients get from configuration: region, emulator endpoint, credentials, timeouts and a span per call.
 */
@ApplicationScoped
public class CognitoUsers {

    /**
     * What a Cognito user says about itself; {@code handle} and {@code name} may be missing; {@code confirmed} once
     * the sign-up was confirmed.
     */
    public record CognitoUser(
            String sub, Optional<String> handle, Optional<String> name, Optional<String> email, boolean confirmed) {}

    private final CognitoIdentityProviderClient cognito;
    private final String userPoolId;

    public CognitoUsers(
            AwsConfig aws,
            @Named(AwsCredentials.NAME) AwsCredentialsProvider credentials,
            OpenTelemetry openTelemetry,
            @ConfigProperty(name = "cruddur.cognito.user-pool-id") String userPoolId) {
        var builder = CognitoIdentityProviderClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(aws.region()))
                .credentialsProvider(credentials)
                .overrideConfiguration(ClientOverrideConfiguration.builder()
                        .addExecutionInterceptor(
                                AwsSdkTelemetry.create(openTelemetry).newExecutionInterceptor())
                        .apiCallAttemptTimeout(aws.attemptTimeout())
                        .apiCallTimeout(aws.callTimeout())
                        .build());
        aws.endpoint().cognito().ifPresent(builder::endpointOverride);
        this.cognito = builder.build();
        this.userPoolId = userPoolId;
    }

    /**
     * The user whose {@code sub} this is. In a pool that signs in by e-mail, a user's username is its sub, so
     * AdminGetUser finds it by sub.
     */
    public Optional<CognitoUser> find(String sub) {
        try {
            var user = cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(sub));
            return Optional.of(new CognitoUser(
                    attribute(user.userAttributes(), "sub").orElse(sub),
                    attribute(user.userAttributes(), "preferred_username"),
                    attribute(user.userAttributes(), "name"),
                    attribute(user.userAttributes(), "email"),
                    user.userStatus() != UserStatusType.UNCONFIRMED));
        } catch (UserNotFoundException e) {
            return Optional.empty();
        }
    }

    /** Whether the user exists and is enabled: a user disabled or deleted by an administrator is not. */
    public boolean isEnabled(String sub) {
        try {
            return Boolean.TRUE.equals(
                    cognito.adminGetUser(r -> r.userPoolId(userPoolId).username(sub))
                            .enabled());
        } catch (UserNotFoundException e) {
            return false;
        }
    }

    /** The user whose {@code preferred_username} is {@code handle} (ListUsers with a filter; no scan of ours). */
    public Optional<CognitoUser> findByHandle(String handle) {
        if (handle.isBlank() || handle.length() > 128 || handle.contains("\"") || handle.contains("\\")) {
            return Optional.empty();
        }
        return cognito
                .listUsers(r -> r.userPoolId(userPoolId).limit(2).filter("preferred_username = \"" + handle + "\""))
                .users()
                .stream()
                .findFirst()
                .map(user -> new CognitoUser(
                        attribute(user.attributes(), "sub").orElse(user.username()),
                        attribute(user.attributes(), "preferred_username"),
                        attribute(user.attributes(), "name"),
                        attribute(user.attributes(), "email"),
                        user.userStatus() != UserStatusType.UNCONFIRMED));
    }

    private static Optional<String> attribute(java.util.List<AttributeType> attributes, String name) {
        return attributes.stream()
                .filter(a -> a.name().equals(name))
                .map(AttributeType::value)
                .filter(value -> !value.isBlank())
                .findFirst();
    }

    @PreDestroy
    void close() {
        cognito.close();
    }
}
