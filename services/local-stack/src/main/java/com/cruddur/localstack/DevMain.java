package com.cruddur.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
        // in Gitpod or Codespaces the browser reaches the frontend, the API and the emulators by forwarded URLs
        Workspace workspace = Workspace.detect(System.getenv()).orElse(null);
        String frontendUrl = env("FRONTEND_URL", workspace == null ? "http://localhost:3000"
                : workspace.publicUrl(3000) + ",http://localhost:3000");
        Backend.Options options = new Backend.Options(apiPort, apiPort + 1,
                new Emulators.Ports(Integer.parseInt(env("CRUDDUR_DYNAMODB_PORT", "8000")),
                        Integer.parseInt(env("CRUDDUR_COGNITO_PORT", "9229")),
                        Integer.parseInt(env("CRUDDUR_SQS_PORT", "9324")),
                        Integer.parseInt(env("CRUDDUR_S3_PORT", "4572"))),
                frontendUrl, password, state.resolve("logs"), Map.of(), workspace);

        System.out.println("Starting the Cruddur backend (logs in " + options.logDir() + ") ...");
        long started = System.nanoTime();
        Backend backend = Backend.start(root, options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping the Cruddur backend ...");
            backend.close();
            stopped.countDown();
        }, "cruddur-stop"));

        Map<String, String> localEnv = localEnv(backend, options, password);
        Files.createDirectories(state);
        StringBuilder file = new StringBuilder("# Written by bin/dev; valid while it runs.\n");
        localEnv.forEach((key, value) -> file.append(key).append('=').append(value).append('\n'));
        Files.writeString(state.resolve("local.env"), file);

        System.out.printf("%nCruddur backend ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  API (edge)      " + backend.api());
        if (workspace != null) {
            System.out.println("  " + workspace.name() + ": the browser reaches the API at "
                    + localEnv.get("REACT_APP_BACKEND_URL") + ", Cognito at " + localEnv.get("REACT_APP_COGNITO_ENDPOINT")
                    + ", the frontend at " + workspace.publicUrl(3000) + " (these ports must be public)");
        }
        for (String service : Backend.SERVICES) {
            System.out.printf("  %-15s %s%n", service, backend.serviceUrl(service));
        }
        System.out.println("  DynamoDB        " + backend.emulators().dynamoDb());
        System.out.println("  Cognito         " + backend.emulators().cognito() + "  pool " + backend.pool().id()
                + "  client " + backend.pool().clientId());
        System.out.println("  SQS             " + backend.emulators().sqs() + "  queue " + backend.queues().queue());
        System.out.println("  S3              " + backend.emulators().s3() + "  bucket " + Emulators.AVATARS_BUCKET);
        System.out.println("  Demo users      " + String.join(", ", DemoUser.ALL.stream().map(DemoUser::email).toList())
                + "  password " + password);
        System.out.println("  Settings        " + state.resolve("local.env"));
        System.out.println("  Cognito codes   " + backend.emulators().cognitoCodes()
                + "  (sign-up and reset codes, also shown here)");
        System.out.println("Press Ctrl-C to stop.");
        echoCognitoCodes(backend.emulators().cognitoCodes());
        stopped.await();
    }

    /** Shows each confirmation or reset code on the console as the Cognito emulator writes it to its file. */
    private static void echoCognitoCodes(Path codes) {
        Thread echo = new Thread(() -> {
            long shown = 0;
            while (!Thread.currentThread().isInterrupted()) {
                try (RandomAccessFile file = new RandomAccessFile(codes.toFile(), "r")) {
                    file.seek(shown);
                    for (String line = file.readLine(); line != null; line = file.readLine()) {
                        System.out.println("  Cognito code    " + new String(line.getBytes(StandardCharsets.ISO_8859_1),
                                StandardCharsets.UTF_8));
                    }
                    shown = file.getFilePointer();
                } catch (IOException e) {
                    // not written yet: try again
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "cognito-codes");
        echo.setDaemon(true);
        echo.start();
    }

    /**
     * For scripts on this machine and the frontend's {@code .env}. In a workspace the frontend's values are the public
     * URLs the browser uses (the Cognito endpoint is always the issuer's address, see {@link StackSetup.Result}).
     */
    private static Map<String, String> localEnv(Backend backend, Backend.Options options, String password) {
        Map<String, String> env = new LinkedHashMap<>(backend.setup()
                .hostEnvironment(URI.create("http://localhost:" + backend.api().getPort()), password));
        if (options.workspace() != null) {
            env.put("REACT_APP_BACKEND_URL", options.workspace().publicUrl(backend.api().getPort()).toString());
        }
        env.put("FRONTEND_URL", options.frontendUrl());
        env.put("AWS_REGION", StackSetup.REGION);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", backend.emulators().dynamoDb().toString());
        env.put("AWS_ENDPOINT_URL_SQS", backend.emulators().sqs().toString());
        env.put("AWS_ENDPOINT_URL_S3", backend.emulators().s3().toString());
        env.put("EVENTS_QUEUE_URL", backend.queues().queue());
        return env;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
