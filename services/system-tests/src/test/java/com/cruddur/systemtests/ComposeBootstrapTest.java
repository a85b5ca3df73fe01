package com.cruddur.systemtests;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.localstack.BootstrapMain;
import com.cruddur.localstack.CognitoSetup;
import com.cruddur.localstack.DemoUser;
import com.cruddur.localstack.Emulators;
import com.cruddur.localstack.UserPool;
import com.cruddur.testing.ServiceSettings;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * docker-compose's bootstrap, run as its container would run it: {@link BootstrapMain} with the environment
 * docker-compose.yml gives it, against the same emulators (local processes on free ports instead of the containers,
 * cognito-local configured with the issuer domain the file gives the Cognito container).
 */
class ComposeBootstrapTest {

    private static final ComposeFile COMPOSE = ComposeFile.load();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The demo password of the first run (the file leaves it to the developer, or to the bootstrap to pick one). */
    private static final String FIRST_PASSWORD = DemoUser.randomPassword();

    private static Emulators emulators;
    private static Path dir;
    private static Map<String, String> services;
    private static Map<String, String> local;

    @BeforeAll
    static void runTheSetupStep() throws Exception {
        URI issuerDomain = URI.create(COMPOSE.environment("cognito").get("COGNITO_ISSUER_DOMAIN"));
        emulators = Emulators.start(
                COMPOSE.root,
                Emulators.Ports.anyFree(),
                COMPOSE.root.resolve("services/system-tests/target/emulator-logs"),
                issuerDomain,
                "http://localhost:3000");
        Path target = Files.createDirectories(COMPOSE.root.resolve("services/system-tests/target"));
        dir = Files.createTempDirectory(target, "bootstrap-");
        BootstrapMain.setUp(BootstrapMain.Settings.fromEnvironment(asRunHere(COMPOSE.environment("bootstrap"))));
        services = BootstrapMain.read(dir.resolve(BootstrapMain.SERVICES_ENV));
        local = BootstrapMain.read(dir.resolve(BootstrapMain.LOCAL_ENV));
    }

    @AfterAll
    static void stopTheEmulators() {
        if (emulators != null) {
            emulators.close();
        }
    }

    @Test
    void everyServiceGetsEveryVariableItsConfigurationRequires() {
        for (String service : ServiceSettings.DEPLOYED) {
            Set<String> missing = new TreeSet<>(ServiceSettings.of(service).required());
            missing.removeAll(COMPOSE.environment(service).keySet());
            missing.removeAll(services.keySet());
            assertEquals(
                    Set.of(), missing, service + " gets every variable it requires, from the file or the bootstrap");
        }
        services.forEach((name, value) -> assertFalse(value.isBlank(), name + " has a value"));
        for (String service : ServiceSettings.DEPLOYED) {
            Set<String> both = new TreeSet<>(COMPOSE.environment(service).keySet());
            both.retainAll(services.keySet());
            assertEquals(Set.of(), both, service + ": each setting has one source, the file or the bootstrap");
        }
    }

    @Test
    void tokensNamingTheBrowsersAddressAreVerifiableWithKeysFromTheContainersAddress() throws Exception {
        DemoUser user = DemoUser.ALL.get(0);
        UserPool pool = new UserPool(
                emulators.cognito(), services.get("COGNITO_USER_POOL_ID"), services.get("COGNITO_CLIENT_ID"));
        String token;
        try (CognitoSetup cognito = new CognitoSetup(emulators.cognito())) {
            token = cognito.signIn(pool, user.email(), local.get("CRUDDUR_DEMO_PASSWORD"))
                    .accessToken();
        }
        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertEquals(
                services.get("COGNITO_ISSUER"), claims.path("iss").asText(), "the services expect the tokens' issuer");
        assertEquals(
                COMPOSE.environment("cognito").get("COGNITO_ISSUER_DOMAIN") + "/" + pool.id(),
                services.get("COGNITO_ISSUER"));
        assertEquals(services.get("COGNITO_CLIENT_ID"), claims.path("client_id").asText());

        // Quarkus OIDC fetches <auth-server-url>/.well-known/jwks.json (quarkus.oidc.jwks-path in common's config):
        // there, the services in their containers find the key that signed the token
        String keys = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        services.get("QUARKUS_OIDC_AUTH_SERVER_URL") + "/.well-known/jwks.json"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        List<String> kids = JSON.readTree(keys).path("keys").findValuesAsText("kid");
        assertTrue(kids.contains(header.path("kid").asText()), "the JWKS " + keys + " has the token's key " + header);
        assertEquals(
                emulators.cognito() + "/" + pool.id(),
                services.get("QUARKUS_OIDC_AUTH_SERVER_URL"),
                "as run here; in the containers the same path on "
                        + COMPOSE.environment("bootstrap").get("COGNITO_ENDPOINT"));
    }

    @Test
    void theDemoProfilesStepSignsEachDemoUserInAndAsksForTheirProfile() throws Exception {
        List<String> calls = new CopyOnWriteArrayList<>();
        HttpServer api = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        api.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            calls.add(
                    exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " "
                            + part(authorization.substring("Bearer ".length()), 1)
                                    .path("iss")
                                    .asText());
            byte[] body = "{}".getBytes(UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        api.start();
        try {
            BootstrapMain.provisionProfiles(
                    dir,
                    emulators.cognito(),
                    URI.create("http://127.0.0.1:" + api.getAddress().getPort()));
        } finally {
            api.stop(0);
        }
        String expected = "GET /api/profile " + services.get("COGNITO_ISSUER");
        assertEquals(DemoUser.ALL.stream().map(user -> expected).toList(), calls);
    }

    @Test
    void runningTheSetupAgainFindsWhatTheFirstRunCreated() throws Exception {
        Map<String, String> again = asRunHere(COMPOSE.environment("bootstrap"));
        again.put("CRUDDUR_DEMO_PASSWORD", "Again-" + System.nanoTime() + "-1a");
        BootstrapMain.setUp(BootstrapMain.Settings.fromEnvironment(again));
        Map<String, String> second = BootstrapMain.read(dir.resolve(BootstrapMain.SERVICES_ENV));
        assertEquals(services, second, "the same pool, client and queue: running services keep working");
        try (CognitoSetup cognito = new CognitoSetup(emulators.cognito())) {
            UserPool pool = new UserPool(
                    emulators.cognito(), second.get("COGNITO_USER_POOL_ID"), second.get("COGNITO_CLIENT_ID"));
            assertFalse(
                    cognito.signIn(pool, DemoUser.ALL.get(1).email(), again.get("CRUDDUR_DEMO_PASSWORD"))
                            .accessToken()
                            .isBlank(),
                    "the demo users have the new password");
        }
        // the other tests read local.env: put back the first run's password
        BootstrapMain.setUp(BootstrapMain.Settings.fromEnvironment(asRunHere(COMPOSE.environment("bootstrap"))));
    }

    /** The bootstrap's environment from the file, pointed at the emulators of this test, writing to its folder. */
    private static Map<String, String> asRunHere(Map<String, String> env) {
        Map<String, String> here = new java.util.LinkedHashMap<>();
        Map<String, URI> emulatorsHere =
                Map.of("sqs", emulators.sqs(), "cognito", emulators.cognito(), "dynamodb", emulators.dynamoDb());
        env.forEach((name, value) -> {
            URI uri = value.startsWith("http://") ? URI.create(value) : null;
            here.put(
                    name,
                    uri != null && emulatorsHere.containsKey(uri.getHost())
                            ? emulatorsHere.get(uri.getHost()) + uri.getRawPath()
                            : value);
        });
        here.put("CRUDDUR_BOOTSTRAP_DIR", dir.toString());
        here.putIfAbsent("CRUDDUR_DEMO_PASSWORD", "");
        if (here.get("CRUDDUR_DEMO_PASSWORD").isBlank()) {
            here.put("CRUDDUR_DEMO_PASSWORD", FIRST_PASSWORD);
        }
        return here;
    }

    private static JsonNode part(String jwt, int index) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.", -1)[index]));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
