package com.cruddur.localstack;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * bin/dev: the whole backend in the foreground, on the emulators, until Ctrl-C. Writes {@code .cruddur/local.env}
 * for scripts and a frontend's {@code .env}.
 */
public final class DevMain {

    private DevMain() {
    }

    public static void main(String[] args) throws Exception {
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
        Backend backend = Backend.start(root, options);
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
            System.out.printf("  %-15s %s%n", service, backend.serviceUrl(service));
        }
        System.out.println("  DynamoDB        " + backend.emulators().dynamoDb());
        System.out.println("  Cognito         " + backend.emulators().cognito() + "  pool " + backend.pool().id()
                + "  client " + backend.pool().clientId());
        System.out.println("  SQS             " + backend.emulators().sqs() + "  queue " + backend.queues().queue());
        System.out.println("  Demo users      " + String.join(", ", DemoUser.ALL.stream().map(DemoUser::email).toList())
                + "  password " + password);
        System.out.println("  Settings        " + state.resolve("local.env"));
        System.out.println("Press Ctrl-C to stop.");
        stopped.await();
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
