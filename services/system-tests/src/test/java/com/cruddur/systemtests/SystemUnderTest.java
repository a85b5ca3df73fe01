package com.cruddur.systemtests;

import com.cruddur.localstack.Backend;
import com.cruddur.localstack.CognitoSetup;
import com.cruddur.localstack.DemoUser;
import com.cruddur.localstack.Emulators;
import com.cruddur.localstack.LocalPaths;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The packaged services and the edge on the emulators, started once for all system tests (as bin/dev starts them,
 * but on free ports), and the demo users' sign-in as the frontend does it.
 */
final class SystemUnderTest {

    static final String FRONTEND = "http://localhost:3000";
    private static final String PASSWORD = "System-" + UUID.randomUUID() + "-1a";
    private static Backend backend;
    private static OtlpReceiver traces;
    private static final Map<String, String> TOKENS = new ConcurrentHashMap<>();

    private SystemUnderTest() {}

    static synchronized Backend backend() {
        if (backend == null) {
            Path root = LocalPaths.root();
            traces = new OtlpReceiver();
            backend = Backend.start(
                    root,
                    new Backend.Options(
                            0,
                            0,
                            Emulators.Ports.anyFree(),
                            FRONTEND,
                            PASSWORD,
                            root.resolve("services/system-tests/target/system-logs"),
                            Map.of(
                                    "OTEL_EXPORTER_OTLP_ENDPOINT", traces.endpoint(),
                                    "QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf",
                                    "QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms",
                                    // the old publisher's give-up, shortened (WritePathFaultsIT); the outbox relay
                                    // never gives up
                                    "CRUDDUR_EVENTS_RETRY_FOR", "2s",
                                    // the system tests write and read much faster than a person, all from one address,
                                    // as the same demo users; the contract suite meets these limits on purpose, at its
                                    // end, and then waits for the period to pass: a short one, with allowances that
                                    // the fastest test (250 replies by two users) stays under
                                    "CRUDDUR_RATE_LIMIT_PERIOD", "20s",
                                    "CRUDDUR_RATE_LIMIT_WRITES", "300",
                                    "CRUDDUR_RATE_LIMIT_READS", "3000")));
            Runtime.getRuntime().addShutdownHook(new Thread(backend::close, "system-under-test-stop"));
        }
        return backend;
    }

    /** Where every service of the system sends its spans. */
    static OtlpReceiver traces() {
        backend();
        return traces;
    }

    static String password() {
        return PASSWORD;
    }

    /**
     * A new user with a profile, whom no service has shown yet (so no cache holds it): its handle. Sign in with
     * {@link #accessToken}.
     */
    static String newUser(String prefix) {
        String handle = prefix + UUID.randomUUID().toString().substring(0, 8);
        String email = handle + "@cruddur.test";
        try (CognitoSetup cognito = new CognitoSetup(backend().emulators().cognito())) {
            cognito.createUser(backend().pool(), email, handle, prefix + " person", PASSWORD);
            TOKENS.put(handle, cognito.signIn(backend().pool(), email, PASSWORD).accessToken());
        }
        Browser.as(handle).get("/api/profile").then().statusCode(200);
        return handle;
    }

    /** Signs in with e-mail and password (USER_PASSWORD_AUTH), as the frontend's Amplify does against the emulator. */
    static String accessToken(String handle) {
        return TOKENS.computeIfAbsent(handle, h -> {
            try (CognitoSetup cognito = new CognitoSetup(backend().emulators().cognito())) {
                return cognito.signIn(backend().pool(), DemoUser.named(h).email(), PASSWORD)
                        .accessToken();
            }
        });
    }
}
