package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a fresh local stack needs before and after its services start, for bin/dev ({@link Backend}) and for
 * docker-compose's one-shot steps ({@link BootstrapMain}) alike: the events queues, the user pool with its app client
 * and the demo users; then, once the API answers, the demo users' profiles.
 */
public final class StackSetup {

    public static final String POOL_NAME = "cruddur";

    /** What the set-up created. */
    public record Result(EventQueues.Urls queues, UserPool pool, Map<String, String> demoSubs) {

        /**
         * The settings only a set-up stack knows, under the names the services read (the same in bin/dev,
         * docker-compose and ECS). The pool's keys are fetched from its issuer unless the services reach the emulator
         * by another address than the one its tokens name (docker-compose); then Quarkus OIDC gets that address.
         */
        public Map<String, String> serviceEnvironment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("COGNITO_USER_POOL_ID", pool.id());
            env.put("COGNITO_CLIENT_ID", pool.clientId());
            env.put("COGNITO_ISSUER", pool.issuer());
            if (!pool.serverUrl().equals(pool.issuer())) {
                env.put("QUARKUS_OIDC_AUTH_SERVER_URL", pool.serverUrl());
            }
            env.put("EVENTS_QUEUE_URL", queues.queue());
            return env;
        }

        /**
         * For scripts and the React frontend on the developer's machine: where the API and the user pool are, and the
         * demo users' password. The machine reaches Cognito by the address its tokens name.
         */
        public Map<String, String> hostEnvironment(URI api, String demoPassword) {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("CRUDDUR_API_URL", api.toString());
            env.put("COGNITO_ENDPOINT", pool.issuerDomain().toString());
            env.put("COGNITO_USER_POOL_ID", pool.id());
            env.put("COGNITO_CLIENT_ID", pool.clientId());
            env.put("COGNITO_ISSUER", pool.issuer());
            env.put("CRUDDUR_DEMO_PASSWORD", demoPassword);
            env.put("REACT_APP_BACKEND_URL", api.toString());
            env.put("REACT_APP_AWS_PROJECT_REGION", REGION);
            env.put("REACT_APP_AWS_COGNITO_REGION", REGION);
            env.put("REACT_APP_AWS_USER_POOLS_ID", pool.id());
            env.put("REACT_APP_CLIENT_ID", pool.clientId());
            env.put("REACT_APP_COGNITO_ENDPOINT", pool.issuerDomain().toString());
            return env;
        }
    }

    /** The region of every local run. */
    public static final String REGION = "us-east-1";

    private StackSetup() {}

    /**
     * Creates the queues, the pool and the demo users with {@code demoPassword}. Against an emulator that kept its data
     * it finds them instead, and sets the demo users' password again.
     *
     * @param issuerDomain what cognito-local names itself in its tokens (its {@code TokenConfig.IssuerDomain})
     */
    public static Result run(URI sqs, URI cognito, URI issuerDomain, String demoPassword) {
        EventQueues.Urls queues = EventQueues.create(sqs);
        try (CognitoSetup setup = new CognitoSetup(cognito, issuerDomain)) {
            UserPool pool = setup.findOrCreatePool(POOL_NAME);
            Map<String, String> subs = new LinkedHashMap<>();
            for (DemoUser user : DemoUser.ALL) {
                subs.put(user.handle(), setup.createOrUpdateUser(pool, user, demoPassword));
            }
            return new Result(queues, pool, Map.copyOf(subs));
        }
    }

    /**
     * Each demo user signs in and asks for their own profile through the API: the path that provisions any new user,
     * so that the demo users can be found by handle before they ever sign in themselves.
     */
    public static void provisionProfiles(UserPool pool, URI api, String demoPassword) {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try (CognitoSetup cognito = new CognitoSetup(pool.endpoint(), pool.issuerDomain())) {
            for (DemoUser user : DemoUser.ALL) {
                String token = cognito.signIn(pool, user.email(), demoPassword).accessToken();
                HttpResponse<String> response = http.send(
                        HttpRequest.newBuilder(api.resolve("/api/profile"))
                                .timeout(Duration.ofSeconds(10))
                                .header("Authorization", "Bearer " + token)
                                .header("Content-Type", "application/json")
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    throw new IllegalStateException("provisioning " + user.handle() + " failed: "
                            + response.statusCode() + " " + response.body());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("provisioning the demo users failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while provisioning the demo users", e);
        }
    }
}
