package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * docker-compose's two one-shot steps, on the code bin/dev runs ({@link StackSetup}); configured by environment
 * variables, like the services.
 * <ul>
 * <li>{@code setup}: creates the events queues, the user pool, its app client and the demo users, then writes what
 * only a set-up stack knows (the pool and client ids, the issuer, the queue URL) to {@value #SERVICES_ENV} in a folder
 * the services' containers share, whose entrypoint sources it before starting Java; and {@value #LOCAL_ENV}, the
 * values a developer and the frontend need, like bin/dev's {@code .cruddur/local.env}.</li>
 * <li>{@code demo-profiles <api url>}: once the API answers, each demo user signs in and asks for their profile, so
 * the demo users can be found by handle before they ever sign in.</li>
 * </ul>
 */
public final class BootstrapMain {

    /** What the services' containers source: {@link StackSetup.Result#serviceEnvironment()} as shell assignments. */
    public static final String SERVICES_ENV = "services.env";
    /** What a developer and the demo-profiles step read; holds the demo password. */
    public static final String LOCAL_ENV = "local.env";

    public static final String DEFAULT_DIR = "/run/cruddur";

    /** A value a shell may source without quoting: ids and URLs, never anything the shell would interpret. */
    private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_.:/@%+,=-]*");

    /**
     * What the setup step reads.
     *
     * @param issuerDomain what cognito-local names itself in its tokens: the address the browser uses
     * @param api the API as the developer's machine reaches it, for {@value #LOCAL_ENV}
     */
    public record Settings(URI sqs, URI cognito, URI issuerDomain, URI api, String demoPassword, Path dir) {

        /** The variable names the setup step reads. */
        public static final List<String> VARIABLES = List.of(
                "AWS_ENDPOINT_URL_SQS",
                "COGNITO_ENDPOINT",
                "COGNITO_ISSUER_DOMAIN",
                "CRUDDUR_API_URL",
                "CRUDDUR_DEMO_PASSWORD",
                "CRUDDUR_BOOTSTRAP_DIR");

        public static Settings fromEnvironment(Map<String, String> env) {
            URI cognito = URI.create(required(env, "COGNITO_ENDPOINT"));
            return new Settings(
                    URI.create(required(env, "AWS_ENDPOINT_URL_SQS")),
                    cognito,
                    value(env, "COGNITO_ISSUER_DOMAIN").map(URI::create).orElse(cognito),
                    URI.create(value(env, "CRUDDUR_API_URL").orElse("http://localhost:4567")),
                    value(env, "CRUDDUR_DEMO_PASSWORD").orElseGet(DemoUser::randomPassword),
                    Path.of(value(env, "CRUDDUR_BOOTSTRAP_DIR").orElse(DEFAULT_DIR)));
        }
    }

    private BootstrapMain() {}

    public static void main(String[] args) {
        if (args.length == 1 && args[0].equals("setup")) {
            setUp(Settings.fromEnvironment(System.getenv()));
        } else if (args.length == 2 && args[0].equals("demo-profiles")) {
            Map<String, String> env = System.getenv();
            provisionProfiles(
                    Path.of(value(env, "CRUDDUR_BOOTSTRAP_DIR").orElse(DEFAULT_DIR)),
                    URI.create(required(env, "COGNITO_ENDPOINT")),
                    URI.create(args[1]));
            System.out.println("Demo users' profiles provisioned: "
                    + String.join(
                            ", ", DemoUser.ALL.stream().map(DemoUser::handle).toList()));
        } else {
            System.err.println("usage: BootstrapMain setup | BootstrapMain demo-profiles <api url>");
            System.exit(2);
        }
    }

    /** The setup step; returns what it wrote to {@value #SERVICES_ENV}. */
    public static Map<String, String> setUp(Settings settings) {
        StackSetup.Result result =
                StackSetup.run(settings.sqs(), settings.cognito(), settings.issuerDomain(), settings.demoPassword());
        Map<String, String> services = result.serviceEnvironment();
        Map<String, String> local = result.hostEnvironment(settings.api(), settings.demoPassword());
        // local.env first: services.env is what the services wait for (docker-compose waits for this step to end)
        write(settings.dir().resolve(LOCAL_ENV), local, true);
        write(settings.dir().resolve(SERVICES_ENV), services, false);

        System.out.println(
                "Cruddur local stack set up: queue " + result.queues().queue() + ", user pool "
                        + result.pool().id() + ", client " + result.pool().clientId());
        System.out.println("Demo users "
                + String.join(", ", DemoUser.ALL.stream().map(DemoUser::email).toList()) + ", password "
                + settings.demoPassword());
        System.out.println(
                "For scripts and the React frontend (" + settings.dir().resolve(LOCAL_ENV) + "):");
        local.forEach((key, value) -> System.out.println("  " + key + "=" + value));
        return services;
    }

    /** The demo-profiles step: reads the pool and password {@link #setUp} wrote, and provisions through {@code api}. */
    public static void provisionProfiles(Path dir, URI cognito, URI api) {
        Map<String, String> local = read(dir.resolve(LOCAL_ENV));
        UserPool pool = new UserPool(cognito, local.get("COGNITO_USER_POOL_ID"), local.get("COGNITO_CLIENT_ID"));
        StackSetup.provisionProfiles(pool, api, local.get("CRUDDUR_DEMO_PASSWORD"));
    }

    /** {@code NAME=value} lines; written whole or not at all, so no reader ever sees half a file. */
    static void write(Path file, Map<String, String> values, boolean secret) {
        StringBuilder text = new StringBuilder(
                "# Written by the Cruddur bootstrap (BootstrapMain); valid while the stack" + " runs.\n");
        values.forEach((key, value) -> {
            if (!secret && !SHELL_SAFE.matcher(value).matches()) {
                throw new IllegalArgumentException(key + " has a value a shell would interpret: " + value);
            }
            text.append(key).append('=').append(value).append('\n');
        });
        try {
            Files.createDirectories(file.getParent());
            Path temporary =
                    Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp");
            Files.writeString(temporary, text);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                // a temporary file is private to its owner: the services may run as another user than the bootstrap
                Files.setPosixFilePermissions(
                        temporary, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + " (is it on a volume this user may write?)", e);
        }
    }

    /** Reads what {@link #write} wrote. */
    public static Map<String, String> read(Path file) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (String line : Files.readAllLines(file)) {
                int equals = line.indexOf('=');
                if (!line.startsWith("#") && equals > 0) {
                    values.put(line.substring(0, equals), line.substring(equals + 1));
                }
            }
            return values;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (has the setup step run?)", e);
        }
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).filter(value -> !value.isBlank());
    }

    private static String required(Map<String, String> env, String name) {
        return value(env, name).orElseThrow(() -> new IllegalStateException(name + " is not set"));
    }
}
