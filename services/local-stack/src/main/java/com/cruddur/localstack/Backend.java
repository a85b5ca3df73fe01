package com.cruddur.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The whole Cruddur backend on one machine: the emulators, a user pool with the demo users, the four services and
 * the edge, each service as the packaged application it is in production. bin/dev and the system tests both run it.
 */
public final class Backend implements AutoCloseable {

    public static final List<String> SERVICES = List.of("users", "activities", "notifications", "messages");
    /**
     * Every service JVM's memory settings, the same in the images (their Dockerfiles' {@code JAVA_OPTS_APPEND} and
     * {@code MALLOC_ARENA_MAX}): what holds a service under 200 MB of RSS after load (docs/memory.md).
     */
    public static final List<String> MEMORY_OPTIONS = List.of(
            "-Xms32m",
            "-Xmx128m",
            "-XX:MaxMetaspaceSize=128m",
            "-XX:ReservedCodeCacheSize=48m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=20",
            "-XX:TrimNativeHeapInterval=5000",
            "-XX:+UseSerialGC");

    public static final Map<String, String> MEMORY_ENVIRONMENT = Map.of("MALLOC_ARENA_MAX", "2");
    private static final String LOOPBACK = "127.0.0.1";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    /**
     * How to start the backend.
     *
     * @param apiPort the edge's port, the one origin of the API (0 picks a free one)
     * @param servicePorts the first port of the four services, which take it and the next three (0: free ports)
     * @param extraEnvironment more variables for every service (e.g. where to send traces)
     * @param workspace the cloud workspace whose public URLs the browser uses (Gitpod, Codespaces), or null: then the
     *     Cognito issuer and the avatar upload URLs name those URLs, and the emulators' ports must be fixed
     */
    public record Options(
            int apiPort,
            int servicePorts,
            Emulators.Ports emulatorPorts,
            String frontendUrl,
            String demoPassword,
            Path logDir,
            Map<String, String> extraEnvironment,
            Workspace workspace) {

        /** On this machine, not in a cloud workspace. */
        public Options(
                int apiPort,
                int servicePorts,
                Emulators.Ports emulatorPorts,
                String frontendUrl,
                String demoPassword,
                Path logDir,
                Map<String, String> extraEnvironment) {
            this(apiPort, servicePorts, emulatorPorts, frontendUrl, demoPassword, logDir, extraEnvironment, null);
        }

        /** What the browser calls the emulator on {@code port}: its public URL in a workspace, else null. */
        URI publicUrl(int port) {
            if (workspace == null) {
                return null;
            }
            if (port == 0) {
                throw new IllegalArgumentException("in a workspace the emulators' ports must be fixed");
            }
            return workspace.publicUrl(port);
        }
    }

    private final Path root;
    private final Options options;
    private final Emulators emulators;
    private final TcpProxy sqsProxy;
    private final StackSetup.Result setup;
    private final Map<String, Tethered> processes;
    private final Map<String, Map<String, String>> environments;
    private final URI api;
    private final Map<String, URI> serviceUrls;

    private Backend(
            Path root,
            Options options,
            Emulators emulators,
            TcpProxy sqsProxy,
            StackSetup.Result setup,
            Map<String, Tethered> processes,
            Map<String, Map<String, String>> environments,
            URI api,
            Map<String, URI> serviceUrls) {
        this.root = root;
        this.options = options;
        this.emulators = emulators;
        this.sqsProxy = sqsProxy;
        this.setup = setup;
        this.processes = processes;
        this.environments = environments;
        this.api = api;
        this.serviceUrls = serviceUrls;
    }

    public static Backend start(Path root, Options options) {
        return start(root, options, Set.of());
    }

    /**
     * The backend without the services named in {@code without}: their ports, URLs and {@link #environment} are
     * reserved as if they ran, so that a developer can start them by hand (bin/dev --without, in quarkus:dev).
     */
    public static Backend start(Path root, Options options, Set<String> without) {
        if (!SERVICES.containsAll(without)) {
            throw new IllegalArgumentException("not a service: " + without + " (services: " + SERVICES + ")");
        }
        for (String service : allApplications()) {
            if (!Files.isRegularFile(LocalPaths.serviceJar(root, service))) {
                throw new IllegalStateException(service + " is not built: " + LocalPaths.serviceJar(root, service)
                        + " is missing (run ./mvnw package -DskipTests)");
            }
        }
        URI cognitoIssuerDomain = options.publicUrl(options.emulatorPorts().cognito());
        Emulators emulators = Emulators.start(
                root, options.emulatorPorts(), options.logDir(), cognitoIssuerDomain, options.frontendUrl());
        // the services reach SQS through a proxy that a test can cut, to prove that nothing is lost meanwhile
        TcpProxy sqsProxy = new TcpProxy(emulators.sqs().getPort());
        Map<String, Tethered> processes = new LinkedHashMap<>();
        try {
            StackSetup.Result setup = StackSetup.run(
                    emulators.sqs(),
                    emulators.cognito(),
                    cognitoIssuerDomain == null ? emulators.cognito() : cognitoIssuerDomain,
                    options.demoPassword());

            Map<String, Integer> ports = new LinkedHashMap<>();
            for (int i = 0; i < SERVICES.size(); i++) {
                ports.put(SERVICES.get(i), options.servicePorts() == 0 ? Ports.free() : options.servicePorts() + i);
            }
            ports.put("edge", options.apiPort() == 0 ? Ports.free() : options.apiPort());
            ports.forEach((service, port) -> Ports.requireFree(service, port));

            Map<String, URI> serviceUrls = new LinkedHashMap<>();
            ports.forEach((service, port) -> serviceUrls.put(
                    service,
                    URI.create(
                            "http://" + (service.equals("edge") && !apiHost().equals("0.0.0.0") ? apiHost() : LOOPBACK)
                                    + ":" + port)));
            URI s3 = options.publicUrl(options.emulatorPorts().s3());
            Map<String, String> shared = sharedEnvironment(
                    emulators,
                    URI.create("http://127.0.0.1:" + sqsProxy.port()),
                    s3 == null ? emulators.s3() : s3,
                    setup,
                    options.frontendUrl(),
                    serviceUrls);
            shared.putAll(options.extraEnvironment());

            Map<String, Map<String, String>> environments = new LinkedHashMap<>();
            for (String service : allApplications()) {
                Map<String, String> env = new LinkedHashMap<>(shared);
                env.put("QUARKUS_HTTP_PORT", String.valueOf(ports.get(service)));
                // only the API is reachable from other machines, and only if asked (CRUDDUR_HOST): the services and
                // their /internal routes answer on loopback, and anyone on the network could forge tokens, since
                // the Cognito emulator's signing key ships in its package
                env.put("QUARKUS_HTTP_HOST", service.equals("edge") ? apiHost() : LOOPBACK);
                env.put("OTEL_SERVICE_NAME", service);
                environments.put(service, env);
                if (!without.contains(service)) {
                    processes.put(service, launch(root, service, env, options.logDir()));
                }
            }
            for (Tethered process : processes.values()) {
                Ports.awaitHttpOk(process, serviceUrls.get(process.name()).resolve("/q/health/ready"), READY_TIMEOUT);
            }
            if (!without.contains("users")) {
                // without it, each demo user's profile is provisioned on the user's first request instead
                StackSetup.provisionProfiles(setup.pool(), serviceUrls.get("edge"), options.demoPassword());
            }
            return new Backend(
                    root,
                    options,
                    emulators,
                    sqsProxy,
                    setup,
                    processes,
                    environments,
                    serviceUrls.get("edge"),
                    serviceUrls);
        } catch (RuntimeException e) {
            processes.values().forEach(Tethered::close);
            sqsProxy.close();
            emulators.close();
            throw e;
        }
    }

    private static Tethered launch(Path root, String service, Map<String, String> env, Path logDir) {
        return launch(root, service, service, env, logDir);
    }

    private static Tethered launch(Path root, String service, String name, Map<String, String> env, Path logDir) {
        List<String> command = new ArrayList<>(List.of("java"));
        command.addAll(MEMORY_OPTIONS);
        command.addAll(List.of(
                "-XX:TieredStopAtLevel=1",
                "-jar",
                LocalPaths.serviceJar(root, service).toString()));
        Map<String, String> environment = new LinkedHashMap<>(env);
        environment.putAll(MEMORY_ENVIRONMENT);
        return Tethered.start(root, name, command, root, environment, logDir);
    }

    /** Stops one service (as a crash or a deployment would); {@link #startService} brings it back. */
    public synchronized void stopService(String service) {
        processes.remove(service).close();
    }

    /** Kills one service with SIGKILL, as a crash would; {@link #startService} brings it back. */
    public synchronized void killService(String service) {
        processes.remove(service).kill();
    }

    public synchronized void startService(String service) {
        Tethered process = launch(root, service, environments.get(service), options.logDir());
        processes.put(service, process);
        Ports.awaitHttpOk(process, serviceUrls.get(service).resolve("/q/health/ready"), READY_TIMEOUT);
    }

    /**
     * Starts one more instance of {@code service} on a free port, with the same environment, as a second task of
     * the service would run; the edge keeps routing to the first. Returns its URL; it stops with the backend.
     */
    public synchronized URI startAnotherInstance(String service) {
        return startAnotherInstance(service, Map.of());
    }

    /** {@link #startAnotherInstance(String)} with some variables changed (e.g. a consumer switched off). */
    public synchronized URI startAnotherInstance(String service, Map<String, String> changed) {
        int port = Ports.free();
        String name = service + "-" + port;
        Map<String, String> env = new LinkedHashMap<>(environments.get(service));
        env.putAll(changed);
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        Tethered process = launch(root, service, name, env, options.logDir());
        processes.put(name, process);
        URI url = URI.create("http://127.0.0.1:" + port);
        Ports.awaitHttpOk(process, url.resolve("/q/health/ready"), READY_TIMEOUT);
        return url;
    }

    /**
     * The interface the API listens on: loopback unless {@code CRUDDUR_HOST} names another IPv4 address of this
     * machine, or {@code 0.0.0.0} for all of them.
     */
    static String apiHost() {
        String host = System.getenv("CRUDDUR_HOST");
        return host == null || host.isBlank() ? LOOPBACK : host.strip();
    }

    /** The four services, then the edge that fronts them. */
    private static List<String> allApplications() {
        List<String> all = new ArrayList<>(SERVICES);
        all.add("edge");
        return all;
    }

    /** The variables every service gets; the same names configure the services in docker-compose and on ECS. */
    private static Map<String, String> sharedEnvironment(
            Emulators emulators,
            URI sqs,
            URI s3,
            StackSetup.Result setup,
            String frontendUrl,
            Map<String, URI> serviceUrls) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", StackSetup.REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", emulators.dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqs.toString());
        env.put("COGNITO_ENDPOINT", emulators.cognito().toString());
        env.putAll(setup.serviceEnvironment());
        env.put("CRUDDUR_CREATE_TABLES", "true");
        env.put("CRUDDUR_LOG_JSON", "false"); // readable logs in .cruddur/logs; JSON is for CloudWatch
        env.put("FRONTEND_URL", frontendUrl);
        env.put("AVATARS_BUCKET", Emulators.AVATARS_BUCKET);
        env.put("AWS_ENDPOINT_URL_S3", s3.toString()); // presigned upload URLs name it: the browser's address
        serviceUrls.forEach(
                (service, url) -> env.put(service.toUpperCase(Locale.ROOT) + "_SERVICE_URL", url.toString()));
        // the browsable API (served by the users service) is on in local runs unless CRUDDUR_API_DOCS=false
        env.put("CRUDDUR_API_DOCS", Objects.requireNonNullElse(System.getenv("CRUDDUR_API_DOCS"), "true"));
        // the cache choice passes through from the launcher's environment (docs/cache.md)
        for (String name : List.of("CRUDDUR_CACHE", "MOMENTO_API_KEY", "MOMENTO_CACHE_NAME")) {
            String value = System.getenv(name);
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        }
        return env;
    }

    public URI api() {
        return api;
    }

    /** The variables a service runs with (or would, when it was left out). */
    public Map<String, String> environment(String service) {
        return Collections.unmodifiableMap(environments.get(service));
    }

    public URI serviceUrl(String service) {
        return serviceUrls.get(service);
    }

    /** The queues, the user pool and the demo users the stack was set up with. */
    public StackSetup.Result setup() {
        return setup;
    }

    public UserPool pool() {
        return setup.pool();
    }

    public Emulators emulators() {
        return emulators;
    }

    /** The Cognito {@code sub} of each demo user, by handle. */
    public Map<String, String> demoSubs() {
        return setup.demoSubs();
    }

    /** The way the services reach SQS: cut it to make SQS unreachable for them. */
    public TcpProxy sqsProxy() {
        return sqsProxy;
    }

    public EventQueues.Urls queues() {
        return setup.queues();
    }

    /** Stops the services first, then the emulators they use. */
    @Override
    public synchronized void close() {
        processes.values().parallelStream().forEach(Tethered::close);
        sqsProxy.close();
        emulators.close();
    }
}
