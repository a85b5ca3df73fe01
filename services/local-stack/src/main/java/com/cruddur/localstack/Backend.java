package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole Cruddur backend on one machine: the emulators, a user pool with the demo users, the four services and
 * the edge, each service as the packaged application it is in production. bin/dev and the system tests both run it.
 */
public final class Backend implements AutoCloseable {

    public static final List<String> SERVICES = List.of("users", "activities", "notifications", "messages");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * @param apiPort the edge's port, the one origin of the API (0 picks a free one)
     * @param servicePorts the first port of the four services, which take it and the next three (0: free ports)
     */
    public record Options(int apiPort, int servicePorts, Emulators.Ports emulatorPorts, String frontendUrl,
            String demoPassword, Path logDir) {
    }

    private final Emulators emulators;
    private final UserPool pool;
    private final Map<String, String> demoSubs;
    private final List<Tethered> processes;
    private final URI api;
    private final Map<String, URI> serviceUrls;

    private Backend(Emulators emulators, UserPool pool, Map<String, String> demoSubs, List<Tethered> processes,
            URI api, Map<String, URI> serviceUrls) {
        this.emulators = emulators;
        this.pool = pool;
        this.demoSubs = demoSubs;
        this.processes = processes;
        this.api = api;
        this.serviceUrls = serviceUrls;
    }

    public static Backend start(Path root, Options options) {
        for (String service : allApplications()) {
            if (!Files.isRegularFile(LocalPaths.serviceJar(root, service))) {
                throw new IllegalStateException(service + " is not built: " + LocalPaths.serviceJar(root, service)
                        + " is missing (run ./mvnw package -DskipTests)");
            }
        }
        Emulators emulators = Emulators.start(root, options.emulatorPorts(), options.logDir());
        List<Tethered> processes = new ArrayList<>();
        try {
            UserPool pool;
            Map<String, String> demoSubs = new LinkedHashMap<>();
            try (CognitoSetup cognito = new CognitoSetup(emulators.cognito())) {
                pool = cognito.createPool("cruddur");
                for (DemoUser user : DemoUser.ALL) {
                    demoSubs.put(user.handle(), cognito.createUser(pool, user, options.demoPassword()));
                }
            }

            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), options.servicePorts() == 0 ? Ports.free() : options.servicePorts() + i);
            }
            ports.put("edge", options.apiPort() == 0 ? Ports.free() : options.apiPort());
            ports.forEach((service, port) -> Ports.requireFree(service, port));

            Map<String, URI> serviceUrls = new LinkedHashMap<>();
            ports.forEach((service, port) -> serviceUrls.put(service, URI.create("http://127.0.0.1:" + port)));
            Map<String, String> shared = sharedEnvironment(emulators, pool, options.frontendUrl(), serviceUrls);

            for (String service : allApplications()) {
                Map<String, String> env = new LinkedHashMap<>(shared);
                env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
                env.put("OTEL_SERVICE_NAME", service);
                processes.add(Tethered.start(root, service,
                        List.of("java", "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar",
                                LocalPaths.serviceJar(root, service).toString()),
                        root, env, options.logDir()));
            }
            for (Tethered process : processes) {
                Ports.awaitHttpOk(process, serviceUrls.get(process.name()).resolve("/q/health/ready"), READY_TIMEOUT);
            }
            provisionDemoUsers(emulators, pool, serviceUrls.get("edge"), options.demoPassword());
            return new Backend(emulators, pool, demoSubs, processes, serviceUrls.get("edge"), serviceUrls);
        } catch (RuntimeException e) {
            processes.forEach(Tethered::close);
            emulators.close();
            throw e;
        }
    }

    /** Each demo user signs in and asks for their own profile: the path that provisions any new user. */
    private static void provisionDemoUsers(Emulators emulators, UserPool pool, URI api, String password) {
        HttpClient http = HttpClient.newHttpClient();
        try (CognitoSetup cognito = new CognitoSetup(emulators.cognito())) {
            for (DemoUser user : DemoUser.ALL) {
                String token = cognito.signIn(pool, user.email(), password).accessToken();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(api.resolve("/api/profile"))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .GET().build(), HttpResponse.BodyHandlers.ofString());
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

    /** The four services, then the edge that fronts them. */
    private static List<String> allApplications() {
        List<String> all = new ArrayList<>(SERVICES);
        all.add("edge");
        return all;
    }

    /** The variables every service gets; the same names configure the services in docker-compose and on ECS. */
    private static Map<String, String> sharedEnvironment(Emulators emulators, UserPool pool, String frontendUrl,
            Map<String, URI> serviceUrls) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", "us-east-1");
        env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SQS", emulators.sqs().toString());
        env.put("COGNITO_ENDPOINT", emulators.cognito().toString());
        env.put("COGNITO_USER_POOL_ID", pool.id());
        env.put("COGNITO_CLIENT_ID", pool.clientId());
        env.put("COGNITO_ISSUER", pool.issuer());
        env.put("CRUDDUR_CREATE_TABLES", "true");
        env.put("FRONTEND_URL", frontendUrl);
        env.put("AVATARS_BUCKET", "cruddur-avatars-local");
        serviceUrls.forEach((service, url) -> env.put(service.toUpperCase() + "_SERVICE_URL", url.toString()));
        return env;
    }

    public URI api() {
        return api;
    }

    public URI serviceUrl(String service) {
        return serviceUrls.get(service);
    }

    public UserPool pool() {
        return pool;
    }

    public Emulators emulators() {
        return emulators;
    }

    /** The Cognito {@code sub} of each demo user, by handle. */
    public Map<String, String> demoSubs() {
        return demoSubs;
    }

    public List<Tethered> processes() {
        return processes;
    }

    /** Stops the services first, then the emulators they use. */
    @Override
    public void close() {
        processes.parallelStream().forEach(Tethered::close);
        emulators.close();
    }
}
