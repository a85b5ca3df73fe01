package com.cruddur.localstack;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

    private DevMain() {}

    public static void main(String[] args) throws Exception {
        Set<String> without = without(args);
        Path root = LocalPaths.root();
        Path state = Path.of(env("CRUDDUR_STATE_DIR", root.resolve(".cruddur").toString()));
        int apiPort = Integer.parseInt(env("CRUDDUR_PORT", "4567"));
        String password = env("CRUDDUR_DEMO_PASSWORD", DemoUser.randomPassword());
        // in Gitpod or Codespaces the browser reaches the frontend, the API and the emulators by forwarded URLs
        Workspace workspace = Workspace.detect(System.getenv()).orElse(null);
        String frontendUrl = env(
                "FRONTEND_URL",
                workspace == null ? "http://localhost:3000" : workspace.publicUrl(3000) + ",http://localhost:3000");
        Backend.Options options = new Backend.Options(
                apiPort,
                apiPort + 1,
                new Emulators.Ports(
                        Integer.parseInt(env("CRUDDUR_DYNAMODB_PORT", "8000")),
                        Integer.parseInt(env("CRUDDUR_COGNITO_PORT", "9229")),
                        Integer.parseInt(env("CRUDDUR_SQS_PORT", "9324")),
                        Integer.parseInt(env("CRUDDUR_S3_PORT", "4572"))),
                frontendUrl,
                password,
                state.resolve("logs"),
                Map.of(),
                workspace);

        System.out.println("Starting the Cruddur backend (logs in " + options.logDir() + ") ...");
        long started = System.nanoTime();
        Backend backend = Backend.start(root, options, without);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            System.out.println("\nStopping the Cruddur backend ...");
                            backend.close();
                            stopped.countDown();
                        },
                        "cruddur-stop"));

        Map<String, String> localEnv = localEnv(backend, options, password);
        // whole or not at all: whoever waits for the file (scripts, DevLauncherIT) never reads half of it
        BootstrapMain.write(state.resolve(BootstrapMain.LOCAL_ENV), localEnv, true);

        System.out.printf("%nCruddur backend ready in %.1f s%n", (System.nanoTime() - started) / 1e9);
        System.out.println("  API (edge)      " + backend.api());
        if (workspace != null) {
            System.out.println("  " + workspace.name() + ": the browser reaches the API at "
                    + localEnv.get("REACT_APP_BACKEND_URL") + ", Cognito at "
                    + localEnv.get("REACT_APP_COGNITO_ENDPOINT")
                    + ", the frontend at " + workspace.publicUrl(3000) + " (these ports must be public)");
        }
        for (String service : Backend.SERVICES) {
            System.out.printf(
                    "  %-15s %s%s%n",
                    service,
                    backend.serviceUrl(service),
                    without.contains(service) ? "  (left out: start it yourself, see below)" : "");
        }
        System.out.println("  DynamoDB        " + backend.emulators().dynamoDb());
        System.out.println("  Cognito         " + backend.emulators().cognito() + "  pool "
                + backend.pool().id() + "  client " + backend.pool().clientId());
        System.out.println("  SQS             " + backend.emulators().sqs() + "  queue "
                + backend.queues().queue());
        System.out.println("  S3              " + backend.emulators().s3() + "  bucket " + Emulators.AVATARS_BUCKET);
        System.out.println("  Demo users      "
                + String.join(", ", DemoUser.ALL.stream().map(DemoUser::email).toList()) + "  password " + password);
        System.out.println("  Settings        " + state.resolve("local.env"));
        System.out.println("  Cognito codes   " + backend.emulators().cognitoCodes()
                + "  (sign-up and reset codes, also shown here)");
        for (String service : without) {
            System.out.println("Start " + service + " in dev mode (live reload; Dev UI on "
                    + backend.serviceUrl(service) + "/q/dev-ui), from " + root + ":");
            System.out.println(devCommand(service, backend.environment(service)));
        }
        System.out.println("Press Ctrl-C to stop.");
        echoCognitoCodes(backend.emulators().cognitoCodes());
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
        environment.forEach((name, value) -> command.append(' ')
                .append(name)
                .append('=')
                .append(name.matches(".*(KEY|TOKEN|SECRET)") ? "\"$" + name + "\"" : quoted(value)));
        // no containers here: Dev Services must not try to start any
        command.append(" QUARKUS_DEVSERVICES_ENABLED=false");
        // -am builds the modules it needs from this checkout (nothing is installed); -Dcruddur.dev keeps the users
        // service, which the other services' tests need built first, out of the reactor (see their poms)
        return command.append(" ./mvnw quarkus:dev -pl services/")
                .append(service)
                .append(" -am -Dcruddur.dev")
                .toString();
    }

    private static String quoted(String value) {
        return value.matches("[A-Za-z0-9_./:@,=+-]+") ? value : "'" + value.replace("'", "'\\''") + "'";
    }

    /** Shows each confirmation or reset code on the console as the Cognito emulator writes it to its file. */
    private static void echoCognitoCodes(Path codes) {
        Thread echo = new Thread(
                () -> {
                    long shown = 0;
                    while (!Thread.currentThread().isInterrupted()) {
                        try (RandomAccessFile file = new RandomAccessFile(codes.toFile(), "r")) {
                            file.seek(shown);
                            for (String line = file.readLine(); line != null; line = file.readLine()) {
                                System.out.println("  Cognito code    "
                                        + new String(
                                                line.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
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
                },
                "cognito-codes");
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
            env.put(
                    "REACT_APP_BACKEND_URL",
                    options.workspace().publicUrl(backend.api().getPort()).toString());
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
