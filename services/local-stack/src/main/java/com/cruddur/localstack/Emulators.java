package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import scala.concurrent.Await;
import scala.concurrent.duration.FiniteDuration;

/**
 * The AWS emulators of a local run, from pinned versions: dynalite (DynamoDB API) and cognito-local (Cognito user
 * pools, run by {@code emulators/cognito.js}, which adds what the frontend calls and cognito-local lacks) as tethered
 * Node processes, ElasticMQ (SQS API) inside this JVM. All state is in memory: each start is a clean slate.
 */
public final class Emulators implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final FiniteDuration SQS_STOP_WAIT = FiniteDuration.apply(1, TimeUnit.SECONDS);
    /** The file of confirmation and reset codes, next to the logs' folder: {@code .cruddur/cognito-codes.txt}. */
    public static final String COGNITO_CODES = "cognito-codes.txt";

    /** The bucket avatars are uploaded to in local runs ({@code AVATARS_BUCKET}); the S3 emulator creates it. */
    public static final String AVATARS_BUCKET = "cruddur-avatars-local";

    /** Ports to listen on; 0 picks a free one. */
    public record Ports(int dynamoDb, int cognito, int sqs, int s3) {
        public static Ports anyFree() {
            return new Ports(0, 0, 0, 0);
        }
    }

    private final List<Tethered> processes;
    private final SQSRestServer sqs;
    private final URI dynamoDbEndpoint;
    private final URI cognitoEndpoint;
    private final URI sqsEndpoint;
    private final URI s3Endpoint;
    private final Path cognitoCodes;

    private Emulators(
            List<Tethered> processes,
            SQSRestServer sqs,
            URI dynamoDb,
            URI cognito,
            URI sqsEndpoint,
            URI s3,
            Path cognitoCodes) {
        this.processes = processes;
        this.s3Endpoint = s3;
        this.cognitoCodes = cognitoCodes;
        this.sqs = sqs;
        this.dynamoDbEndpoint = dynamoDb;
        this.cognitoEndpoint = cognito;
        this.sqsEndpoint = sqsEndpoint;
    }

    public static Emulators start(Path root, Ports ports, Path logDir) {
        return start(root, ports, logDir, null, "http://localhost:3000");
    }

    /**
     * Emulators that another part of this JVM started and stops (see the test fixtures' {@code SharedStack}): their
     * addresses only; closing this stops nothing.
     */
    public static Emulators at(URI dynamoDb, URI cognito, URI sqs, URI s3, Path cognitoCodes) {
        return new Emulators(List.of(), null, dynamoDb, cognito, sqs, s3, cognitoCodes);
    }

    /**
     * Starts the emulators, each on its port of {@code ports}, with their logs in {@code logDir}.
     *
     * @param cognitoIssuerDomain what cognito-local names itself in its tokens' {@code iss}, when that is not its own
     *     address (as in docker-compose, where the browser and the containers reach it by different names); null for
     *     its own address
     * @param frontendOrigins the origins whose uploads the S3 emulator accepts (CORS), comma-separated
     */
    public static Emulators start(
            Path root, Ports ports, Path logDir, URI cognitoIssuerDomain, String frontendOrigins) {
        Path modules = LocalPaths.emulators(root).resolve("node_modules");
        if (!Files.isDirectory(modules.resolve("dynalite"))
                || !Files.isDirectory(modules.resolve("cognito-local"))
                || !Files.isDirectory(modules.resolve("s3rver"))) {
            throw new IllegalStateException("the emulators are not installed: run `node "
                    + LocalPaths.emulators(root).resolve("install.js") + "` (the build does it)");
        }
        List<Tethered> started = new ArrayList<>();
        try {
            int dynamoPort = pick(ports.dynamoDb(), "DynamoDB emulator");
            Tethered dynalite = Tethered.start(
                    root, "dynalite", dynaliteCommand(root, dynamoPort, List.of()), root, Map.of(), logDir);
            started.add(dynalite);

            int cognitoPort = pick(ports.cognito(), "Cognito emulator");
            // cognito-local keeps its data in ./.cognito of its working directory: give it a fresh one
            Path cognitoHome = Files.createTempDirectory("cruddur-cognito-");
            cognitoHome.toFile().deleteOnExit();
            if (cognitoIssuerDomain != null) {
                Path config =
                        Files.createDirectories(cognitoHome.resolve(".cognito")).resolve("config.json");
                Files.writeString(config, cognitoConfig(cognitoIssuerDomain));
            }
            Path codes = logDir.toAbsolutePath().resolveSibling(COGNITO_CODES);
            Tethered cognito = Tethered.start(
                    root,
                    "cognito-local",
                    List.of(
                            "node",
                            LocalPaths.emulators(root).resolve("cognito.js").toString()),
                    cognitoHome,
                    Map.of(
                            "PORT",
                            String.valueOf(cognitoPort),
                            "HOST",
                            "127.0.0.1",
                            "CRUDDUR_COGNITO_CODES",
                            codes.toString(),
                            "NODE_NO_WARNINGS",
                            "1"),
                    logDir);
            started.add(cognito);

            int s3Port = pick(ports.s3(), "S3 emulator");
            Tethered s3 = Tethered.start(
                    root,
                    "s3rver",
                    List.of("node", LocalPaths.emulators(root).resolve("s3.js").toString()),
                    root,
                    Map.of(
                            "PORT",
                            String.valueOf(s3Port),
                            "HOST",
                            "127.0.0.1",
                            "S3_DIRECTORY",
                            Files.createTempDirectory("cruddur-s3-").toString(),
                            "S3_BUCKETS",
                            AVATARS_BUCKET,
                            "CORS_ORIGINS",
                            frontendOrigins),
                    logDir);
            started.add(s3);

            SQSRestServer sqs = SQSRestServerBuilder.withPort(ports.sqs())
                    .withInterface("127.0.0.1")
                    .start();
            int sqsPort = sqs.waitUntilStarted().localAddress().getPort();

            com.cruddur.localstack.Ports.awaitOpen(dynalite, dynamoPort, START_TIMEOUT);
            com.cruddur.localstack.Ports.awaitOpen(cognito, cognitoPort, START_TIMEOUT);
            com.cruddur.localstack.Ports.awaitOpen(s3, s3Port, START_TIMEOUT);
            return new Emulators(
                    started, sqs, local(dynamoPort), local(cognitoPort), local(sqsPort), local(s3Port), codes);
        } catch (IOException e) {
            started.forEach(Tethered::close);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            started.forEach(Tethered::close);
            throw e;
        }
    }

    /**
     * How dynalite is run, with our fixes preloaded: {@code hang-up-guard.js} (a client that hangs up no longer ends
     * the process) and {@code close-iterators.js} (the iterators of its reads are closed, so its heap holds its data
     * and not every version of it); {@code preloads}, more scripts to load first (a test's probe).
     */
    public static List<String> dynaliteCommand(Path root, int port, List<Path> preloads) {
        Path emulators = LocalPaths.emulators(root);
        List<String> command = new ArrayList<>(List.of("node"));
        for (Path script : List.of(emulators.resolve("hang-up-guard.js"), emulators.resolve("close-iterators.js"))) {
            command.addAll(List.of("--require", script.toString()));
        }
        preloads.forEach(script -> command.addAll(List.of("--require", script.toString())));
        command.addAll(List.of(
                emulators.resolve("node_modules/dynalite/cli.js").toString(),
                "--host",
                "127.0.0.1",
                "--port",
                String.valueOf(port),
                "--createTableMs",
                "0",
                "--deleteTableMs",
                "0",
                "--updateTableMs",
                "0"));
        return command;
    }

    /** cognito-local's {@code .cognito/config.json}, naming the issuer domain of its tokens. */
    private static String cognitoConfig(URI issuerDomain) {
        return "{\"TokenConfig\":{\"IssuerDomain\":\"" + issuerDomain + "\"}}";
    }

    private static int pick(int port, String what) {
        if (port == 0) {
            return com.cruddur.localstack.Ports.free();
        }
        com.cruddur.localstack.Ports.requireFree(what, port);
        return port;
    }

    private static URI local(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    public URI dynamoDb() {
        return dynamoDbEndpoint;
    }

    /** The DynamoDB emulator's process, to pause (SIGSTOP) and resume it. */
    public Tethered dynamoDbProcess() {
        if (processes.isEmpty()) {
            throw new IllegalStateException("these emulators were started elsewhere");
        }
        return processes.get(0);
    }

    public URI cognito() {
        return cognitoEndpoint;
    }

    public URI sqs() {
        return sqsEndpoint;
    }

    /** The S3 emulator, with {@value #AVATARS_BUCKET}; also the address the browser uploads to. */
    public URI s3() {
        return s3Endpoint;
    }

    /**
     * Every confirmation and reset code the Cognito emulator sent, one line each: {@code <address> <purpose> <code>},
     * the purpose {@code confirm-sign-up}, {@code reset-password} (or {@code verify-attribute}, {@code sign-in}).
     */
    public Path cognitoCodes() {
        return cognitoCodes;
    }

    @Override
    public void close() {
        processes.forEach(Tethered::close);
        if (sqs == null) {
            return;
        }
        // ElasticMQ's stop waits for the receives in flight, and a long poll (the notifications service's) lasts up
        // to 20 s: every stop took that long. Its port is freed at once and its state is in memory: wait 1 s at most
        try {
            Await.result(sqs.stopAndGetFuture().apply(), SQS_STOP_WAIT);
        } catch (TimeoutException e) {
            // a long poll held it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
