package com.cruddur.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * bin/dev: the whole backend in the foreground, on the emulators, until Ctrl-C. Writes {@code .cruddur/local.env}
 * for scripts and a frontend's {@code .env}.
 */
public final class DevMain {

    private DevMain() {
    }

    public static void main(String[] args) throws Exception {
        Set<String> without = without(args);
        Path root = LocalPaths.root();
        Path state = Path.of(env("CRUDDUR_STATE_DIR", root.resolve(".cruddur").toString()));
        int apiPort = Integer.parseInt(env("CRUDDUR_PORT", "4567"));
        String password = env("CRUDDUR_DEMO_PASSWORD", DemoUser.randomPassword());
        Backend.Options options = new Backend.Options(apiPort, apiPort + 1,
                new Emulators.Ports(Integer.parseInt(env("CRUDDUR_DYNAMODB_PORT", "8000")),
                        Integer.parseInt(env("CRUDDUR_COGNITO_PORT", "9229")),
                        Integer.parseInt(env("CRUDDUR_SQS_PORT", "9324"))),
                env("FRONTEND_URL", "http://localhost:3000"), password, state.resolve("logs"), Map.of());

        System.out.println("Starting the Cruddur backend (logs in " + options.logDir() + ") ...");
        long started = System.nanoTime();
        Backend backend = Backend.start(root, options, without);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Cruddur backend ...");
            backend.close();
            stopped.countDown();
        }, "cruddur-stop"));

        Map<String, String> localEnv = localEnv(backend, password);
        Files.createDirectories(state);
        StringBuilder file = new StringBuilder("# Written by bin/dev; valid while it runs.\n");
        localEnv.forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
        Files.writeString(state.resolve("local.env"), file);

        System.out.printf("%nCruddur backend ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  API (edge)      " + backend.api());
        for (String service : Backend.SERVICES) {
            System.out.printf("  %-15s %s%s%n", service, backend.serviceUrl(service),
                    without.contains(service) ? "  (left out: start it yourself, see below)" : "");
        }
        System.out.println("  DynamoDB        " + backend.emulators().dynamoDb());
        System.out.println("  Cognito         " + backend.emulators().cognito() + "  pool " + backend.pool().id()
                + "  client " + backend.pool().clientId());
        System.out.println("  SQS             " + backend.emulators().sqs() + "  queue " + backend.queues().queue());
        System.out.println("  Demo users      " + String.join(", ", DemoUser.ALL.stream().map(DemoUser::email).toList())
                + "  password " + password);
        System.out.println("  Settings        " + state.resolve("local.env"));
        for (String service : without) {
            System.out.println("Start " + service + " in dev mode (live reload; Dev UI on " + backend.serviceUrl(service)
                    + "/q/dev-ui), from " + root + ":");
            System.out.println(devCommand(service, backend.environment(service)));
        }
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** {@code --without <service>}, any number of times: services the developer runs (bin/dev --help). */
    private static Set<String> without(String[] args) {
        Set<String> without = new LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--without") && i + 1 < args.length && Backend.SERVICES.contains(args[i + 1])) {
                without.add(args[++i]);
            } else {
                System.err.println("usage: bin/dev [--without <service>]...   services: "
                        + String.join(", ", Backend.SERVICES) + "\n"
                        + "  --without  runs everything else, and prints the command that starts the service in"
                        + " quarkus:dev");
                System.exit(args[i].equals("--help") ? 0 : 2);
            }
        }
        return without;
    }

    /**
     * The one shell command that starts {@code service} in Quarkus dev mode (live reload, Dev UI) with the settings
     * the launcher would have given it: its environment, then the Maven goal, from the repository root.
     */
    static String devCommand(String service, Map<String, String> environment) {
        StringBuilder command = new StringBuilder("env");
        // a secret passed through from this shell (MOMENTO_API_KEY) is named, not printed
        environment.forEach((name, value) -> command.append(' ').append(name).append('=')
                .append(name.matches(".*(KEY|TOKEN|SECRET)") ? "\"$" + name + "\"" : quoted(value)));
        // no containers here: Dev Services must not try to start any
        command.append(" QUARKUS_DEVSERVICES_ENABLED=false");
        // -am builds the modules it needs from this checkout (nothing is installed); -Dcruddur.dev keeps the users
        // service, which the other services' tests need built first, out of the reactor (see their poms)
        return command.append(" ./mvnw quarkus:dev -pl services/").append(service).append(" -am -Dcruddur.dev")
                .toString();
    }

    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9_./:@,=+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    private static Map<String, String> localEnv(Backend backend, String password) {
        Map<String, String> env = new LinkedHashMap<>(backend.setup()
                .hostEnvironment(URI.create("http://localhost:" + backend.api().getPort()), password));
        env.put("AWS_REGION", StackSetup.REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", backend.emulators().dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SQS", backend.emulators().sqs().toString());
        env.put("EVENTS_QUEUE_URL", backend.queues().queue());
        return env;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
