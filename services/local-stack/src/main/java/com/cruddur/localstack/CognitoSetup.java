package com.cruddur.localstack;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ExplicitAuthFlowsType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;

/**
 * Creates a user pool like production's (e-mail sign-in, {@code preferred_username} as the handle, {@code name} as
 * the display name), its app client with {@code USER_PASSWORD_AUTH}, and users; and signs users in.
 */
public final class CognitoSetup implements AutoCloseable {

    private final URI endpoint;
    private final CognitoIdentityProviderClient cognito;

    public CognitoSetup(URI endpoint) {
        this.endpoint = endpoint;
        this.cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }

    public UserPool createPool(String name) {
        String poolId = cognito.createUserPool(r -> r.poolName(name)
                .usernameAttributes(UsernameAttributeType.EMAIL)
                .autoVerifiedAttributes(software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType.EMAIL))
                .userPool().id();
        String clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId)
                .clientName(name + "-web")
                .generateSecret(false)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                        ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH, ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient().clientId();
        return new UserPool(endpoint, poolId, clientId);
    }

    /** Adds a second app client, e.g. one whose tokens our services must refuse. */
    public String createClient(UserPool pool, String name) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool.id()).clientName(name)
                .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient().clientId();
    }

    /** Creates a confirmed user with a permanent password; returns the user's {@code sub}. */
    public String createUser(UserPool pool, String email, String handle, String displayName, String password) {
        var user = cognito.adminCreateUser(r -> r.userPoolId(pool.id())
                .username(email)
                .messageAction(MessageActionType.SUPPRESS)
                .userAttributes(
                        attribute("email", email),
                        attribute("email_verified", "true"),
                        attribute("preferred_username", handle),
                        attribute("name", displayName)))
                .user();
        cognito.adminSetUserPassword(r -> r.userPoolId(pool.id()).username(email).password(password).permanent(true));
        return user.attributes().stream().filter(a -> a.name().equals("sub")).findFirst()
                .map(AttributeType::value)
                .orElseThrow(() -> new IllegalStateException("Cognito returned no sub for " + email));
    }

    public String createUser(UserPool pool, DemoUser user, String password) {
        return createUser(pool, user.email(), user.handle(), user.displayName(), password);
    }

    /** Signs in with e-mail and password, as the frontend does; the result holds the access and ID tokens. */
    public AuthenticationResultType signIn(UserPool pool, String email, String password) {
        return signIn(pool.clientId(), email, password);
    }

    public AuthenticationResultType signIn(String clientId, String email, String password) {
        return cognito.initiateAuth(r -> r.clientId(clientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", email, "PASSWORD", password)))
                .authenticationResult();
    }

    private static AttributeType attribute(String name, String value) {
        return AttributeType.builder().name(name).value(value).build();
    }

    @Override
    public void close() {
        cognito.close();
    }
}
