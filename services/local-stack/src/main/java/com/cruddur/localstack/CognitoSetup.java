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
import software.amazon.awssdk.services.cognitoidentityprovider.model.UserPoolClientDescription;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameAttributeType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * Creates a user pool like production's (e-mail sign-in, {@code preferred_username} as the handle, {@code name} as
 * the display name), its app client with {@code USER_PASSWORD_AUTH}, and users; and signs users in.
 */
public final class CognitoSetup implements AutoCloseable {

    private final URI endpoint;
    private final URI issuerDomain;
    private final CognitoIdentityProviderClient cognito;

    public CognitoSetup(URI endpoint) {
        this(endpoint, endpoint);
    }

    /** @param issuerDomain the emulator's {@code TokenConfig.IssuerDomain}, when it is not its own address */
    public CognitoSetup(URI endpoint, URI issuerDomain) {
        this.endpoint = endpoint;
        this.issuerDomain = issuerDomain;
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
                        .autoVerifiedAttributes(
                                software.amazon.awssdk.services.cognitoidentityprovider.model.VerifiedAttributeType
                                        .EMAIL))
                .userPool()
                .id();
        String clientId = cognito.createUserPoolClient(r -> r.userPoolId(poolId)
                        .clientName(name + "-web")
                        .generateSecret(false)
                        .explicitAuthFlows(
                                ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH,
                                ExplicitAuthFlowsType.ALLOW_USER_SRP_AUTH,
                                ExplicitAuthFlowsType.ALLOW_REFRESH_TOKEN_AUTH))
                .userPoolClient()
                .clientId();
        return new UserPool(endpoint, poolId, clientId, issuerDomain);
    }

    /**
     * The pool named {@code name} and its {@code <name>-web} client, created if missing: a second run against an
     * emulator that kept its data (docker-compose) finds what the first one created instead of making a second pool.
     */
    public UserPool findOrCreatePool(String name) {
        var existing = cognito.listUserPools(r -> r.maxResults(60)).userPools().stream()
                .filter(pool -> name.equals(pool.name()))
                .findFirst();
        if (existing.isEmpty()) {
            return createPool(name);
        }
        String poolId = existing.get().id();
        String clientId =
                cognito.listUserPoolClients(r -> r.userPoolId(poolId).maxResults(60)).userPoolClients().stream()
                        .filter(client -> (name + "-web").equals(client.clientName()))
                        .findFirst()
                        .map(UserPoolClientDescription::clientId)
                        .orElseThrow(() -> new IllegalStateException("user pool " + name + " (" + poolId
                                + ") has no client " + name + "-web; remove the emulator's data and start again"));
        return new UserPool(endpoint, poolId, clientId, issuerDomain);
    }

    /** Adds a second app client, e.g. one whose tokens our services must refuse. */
    public String createClient(UserPool pool, String name) {
        return cognito.createUserPoolClient(r -> r.userPoolId(pool.id())
                        .clientName(name)
                        .explicitAuthFlows(ExplicitAuthFlowsType.ALLOW_USER_PASSWORD_AUTH))
                .userPoolClient()
                .clientId();
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
        cognito.adminSetUserPassword(
                r -> r.userPoolId(pool.id()).username(email).password(password).permanent(true));
        return user.attributes().stream()
                .filter(a -> a.name().equals("sub"))
                .findFirst()
                .map(AttributeType::value)
                .orElseThrow(() -> new IllegalStateException("Cognito returned no sub for " + email));
    }

    public String createUser(UserPool pool, DemoUser user, String password) {
        return createUser(pool, user.email(), user.handle(), user.displayName(), password);
    }

    /** Creates the user, or, if it exists (a second run), gives it {@code password}; returns the user's {@code sub}. */
    public String createOrUpdateUser(UserPool pool, DemoUser user, String password) {
        try {
            return createUser(pool, user, password);
        } catch (UsernameExistsException exists) {
            cognito.adminSetUserPassword(r -> r.userPoolId(pool.id())
                    .username(user.email())
                    .password(password)
                    .permanent(true));
            return cognito.adminGetUser(r -> r.userPoolId(pool.id()).username(user.email())).userAttributes().stream()
                    .filter(a -> a.name().equals("sub"))
                    .findFirst()
                    .map(AttributeType::value)
                    .orElseThrow(() -> new IllegalStateException("Cognito returned no sub for " + user.email()));
        }
    }

    /**
     * Signs up as the frontend does (SignUp with the app client): the user stays unconfirmed until a confirmation
     * code is entered; returns the user's {@code sub}.
     */
    public String signUp(UserPool pool, String email, String handle, String displayName, String password) {
        return cognito.signUp(r -> r.clientId(pool.clientId())
                        .username(email)
                        .password(password)
                        .userAttributes(
                                attribute("email", email),
                                attribute("preferred_username", handle),
                                attribute("name", displayName)))
                .userSub();
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
