package com.cruddur.testing;

import com.cruddur.localstack.CognitoSetup;
import com.cruddur.localstack.DemoUser;
import com.cruddur.localstack.Emulators;
import com.cruddur.localstack.EventQueues;
import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Ports;
import com.cruddur.localstack.Tethered;
import com.cruddur.localstack.UserPool;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;

/**
 * The emulators and a user pool with the demo users, started once per test JVM on free ports (so that two test
 * runs never clash) and stopped when the JVM exits.
 *
 * <p>Once per JVM, not once per class loader: Quarkus runs each test profile in a class loader of its own, where this
 * class and its statics are loaded afresh. So the first instance publishes what the others need (addresses, the pool,
 * the users' subs, the users service) in system properties, and an instance in a later class loader attaches to
 * them instead of starting a second stack (and a second users service) per profile.
 */
public final class SharedStack {

    private static final String PUBLISHED = "cruddur-test.shared-stack.";

    /** A fresh password per run; never a real credential. */
    public static final String PASSWORD = published("password", () -> "Test-" + UUID.randomUUID() + "-1a");

    private static SharedStack instance;

    private final Emulators emulators;
    private final EventQueues.Urls queues;
    private final UserPool pool;
    private final String foreignClientId;
    private final CognitoSetup cognito;
    private final Map<String, String> accessTokens = new ConcurrentHashMap<>();
    private FakeMomento momento;

    private SharedStack(Emulators emulators, EventQueues.Urls queues, UserPool pool, String foreignClientId) {
        this.emulators = emulators;
        this.queues = queues;
        this.pool = pool;
        this.foreignClientId = foreignClientId;
        this.cognito = new CognitoSetup(emulators.cognito());
    }

    private static SharedStack start() {
        Path root = LocalPaths.root();
        Emulators emulators =
                Emulators.start(root, Emulators.Ports.anyFree(), root.resolve("services/testing/target/emulator-logs"));
        EventQueues.Urls queues = EventQueues.create(emulators.sqs());
        CognitoSetup setup = new CognitoSetup(emulators.cognito());
        UserPool pool = setup.createPool("cruddur-test");
        String foreignClientId = setup.createClient(pool, "not-cruddur");
        for (DemoUser user : DemoUser.ALL) {
            publish("sub." + user.handle(), setup.createUser(pool, user, PASSWORD));
        }
        setup.close();
        Runtime.getRuntime().addShutdownHook(new Thread(emulators::close, "cruddur-test-stack-stop"));
        publish("dynamodb", emulators.dynamoDb().toString());
        publish("cognito", emulators.cognito().toString());
        publish("sqs", emulators.sqs().toString());
        publish("s3", emulators.s3().toString());
        publish("cognito-codes", emulators.cognitoCodes().toString());
        publish("queue", queues.queue());
        publish("dead-letters", queues.deadLetters());
        publish("pool.id", pool.id());
        publish("pool.client-id", pool.clientId());
        publish("pool.issuer-domain", pool.issuerDomain().toString());
        publish("foreign-client-id", foreignClientId);
        publish("started", "true");
        return new SharedStack(emulators, queues, pool, foreignClientId);
    }

    /** The stack an earlier class loader of this JVM started. */
    private static SharedStack attach() {
        Emulators emulators = Emulators.at(
                URI.create(published("dynamodb")),
                URI.create(published("cognito")),
                URI.create(published("sqs")),
                URI.create(published("s3")),
                Path.of(published("cognito-codes")));
        UserPool pool = new UserPool(
                emulators.cognito(),
                published("pool.id"),
                published("pool.client-id"),
                URI.create(published("pool.issuer-domain")));
        return new SharedStack(
                emulators,
                new EventQueues.Urls(published("queue"), published("dead-letters")),
                pool,
                published("foreign-client-id"));
    }

    /**
     * The real users service, packaged, on the shared emulators: started once per test JVM, for the services that
     * call it.
     */
    public URI usersService() {
        synchronized (System.getProperties()) {
            String published = System.getProperty(PUBLISHED + "users-service");
            if (published != null) {
                return URI.create(published);
            }
            Path root = LocalPaths.root();
            int port = Ports.free();
            Map<String, String> env = new HashMap<>();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDb().toString());
            // it publishes follow events (the notification of the followed user)
            env.put("AWS_ENDPOINT_URL_SQS", emulators.sqs().toString());
            env.put("EVENTS_QUEUE_URL", queues().queue());
            env.put("COGNITO_ENDPOINT", emulators.cognito().toString());
            env.put("COGNITO_USER_POOL_ID", pool.id());
            env.put("COGNITO_CLIENT_ID", pool.clientId());
            env.put("COGNITO_ISSUER", pool.issuer());
            env.put("CRUDDUR_CREATE_TABLES", "true");
            env.put("CRUDDUR_LOG_JSON", "false");
            env.put("FRONTEND_URL", "http://localhost:3000");
            env.put("AVATARS_BUCKET", "cruddur-avatars-test");
            // its own cache, as one users instance runs locally: the shared FakeMomento is the services under test's,
            // which their tests slow down and stop
            env.put("CRUDDUR_CACHE", "in-process");
            // account statuses not kept here: the tests move their own service's clock past its bound, not this
            // process's (the users service's own bound is tested in its module, AuthTest)
            env.put("CRUDDUR_ACCOUNT_STATUS_TTL", "0s");
            Tethered users = Tethered.start(
                    root,
                    "users-service",
                    List.of(
                            "java",
                            "-Xmx256m",
                            "-XX:TieredStopAtLevel=1",
                            "-jar",
                            LocalPaths.serviceJar(root, "users").toString()),
                    root,
                    env,
                    root.resolve("services/testing/target/emulator-logs"));
            URI url = URI.create("http://127.0.0.1:" + port);
            Ports.awaitHttpOk(users, url.resolve("/q/health/ready"), Duration.ofSeconds(60));
            Runtime.getRuntime().addShutdownHook(new Thread(users::close, "users-service-stop"));
            publish("users-service", url.toString());
            return url;
        }
    }

    /** A Momento-compatible server for the whole test JVM. */
    public synchronized FakeMomento momento() {
        if (momento == null) {
            momento = new FakeMomento();
            Runtime.getRuntime().addShutdownHook(new Thread(momento::close, "fake-momento-stop"));
        }
        return momento;
    }

    public static synchronized SharedStack get() {
        if (instance == null) {
            // the one lock that every class loader of the JVM shares
            synchronized (System.getProperties()) {
                instance = System.getProperty(PUBLISHED + "started") == null ? start() : attach();
            }
        }
        return instance;
    }

    private static void publish(String name, String value) {
        System.setProperty(PUBLISHED + name, value);
    }

    private static String published(String name) {
        return Objects.requireNonNull(System.getProperty(PUBLISHED + name), name);
    }

    private static String published(String name, Supplier<String> first) {
        synchronized (System.getProperties()) {
            String value = System.getProperty(PUBLISHED + name);
            if (value == null) {
                value = first.get();
                publish(name, value);
            }
            return value;
        }
    }

    public Emulators emulators() {
        return emulators;
    }

    public EventQueues.Urls queues() {
        return queues;
    }

    public UserPool pool() {
        return pool;
    }

    public CognitoSetup cognito() {
        return cognito;
    }

    /** An app client of the same pool that our services do not trust. */
    public String foreignClientId() {
        return foreignClientId;
    }

    /** The sub of a user created through {@link #createUser}, or of a demo user. */
    public String sub(String handle) {
        String sub = System.getProperty(PUBLISHED + "sub." + handle);
        if (sub == null) {
            throw new IllegalArgumentException("no user " + handle);
        }
        return sub;
    }

    /** Creates a user with a unique handle made from {@code prefix}; returns the handle. */
    public String createUser(String prefix, String displayName) {
        String handle = prefix + UUID.randomUUID().toString().substring(0, 8);
        publish("sub." + handle, cognito.createUser(pool, handle + "@cruddur.test", handle, displayName, PASSWORD));
        return handle;
    }

    /** Creates a user with exactly this handle (e.g. to collide with another one); returns its sub. */
    public String createUserWithHandle(String email, String handle, String displayName) {
        return cognito.createUser(pool, email, handle, displayName, PASSWORD);
    }

    /** A fresh sign-in's access token, kept for the run (tokens live an hour). */
    public String accessToken(String handle) {
        return accessTokens.computeIfAbsent(handle, this::newAccessToken);
    }

    /** A new sign-in's access token, another one at every call (each has its own {@code jti}). */
    public String newAccessToken(String handle) {
        return cognito.signIn(pool, email(handle), PASSWORD).accessToken();
    }

    public String idToken(String handle) {
        return cognito.signIn(pool, email(handle), PASSWORD).idToken();
    }

    public String foreignClientAccessToken(String handle) {
        return cognito.signIn(foreignClientId, email(handle), PASSWORD).accessToken();
    }

    /** Disables the user in Cognito (AdminDisableUser), as an administrator would; its tokens stay valid. */
    public void disableUser(String handle) {
        admin(cognito -> cognito.adminDisableUser(r -> r.userPoolId(pool.id()).username(email(handle))));
    }

    /** Deletes the user from Cognito (AdminDeleteUser); its tokens stay valid until they expire. */
    public void deleteUser(String handle) {
        admin(cognito -> cognito.adminDeleteUser(r -> r.userPoolId(pool.id()).username(email(handle))));
    }

    private void admin(java.util.function.Consumer<CognitoIdentityProviderClient> action) {
        try (CognitoIdentityProviderClient cognito = CognitoIdentityProviderClient.builder()
                .endpointOverride(emulators.cognito())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            action.accept(cognito);
        }
    }

    private static String email(String handle) {
        return handle + "@cruddur.test";
    }
}
