package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.ForgedTokens;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Consumer;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Each way a token can be wrong, on its own, is refused with 401 ["generic_401"]; a real one is accepted. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AuthTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Inject
    MovableClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aUserDisabledOrDeletedInCognitoIsRefusedWithinTheBound() {
        for (boolean delete : new boolean[] {false, true}) {
            String handle = SharedStack.get().createUser(delete ? "deleted" : "disabled", "Soon Gone");
            Api.as(handle).filter(CONTRACT).get("/api/profile").then().statusCode(200);
            if (delete) {
                SharedStack.get().deleteUser(handle);
            } else {
                SharedStack.get().disableUser(handle);
            }
            // the status is asked of Cognito once per period, not per request: until it is asked again, still served
            Api.as(handle).filter(CONTRACT).get("/api/profile").then().statusCode(200);
            clock.advance(Duration.ofSeconds(31)); // cruddur.auth.account-status-ttl (30 s), and a little more
            refused(Api.as(handle));
            clock.reset();
        }
    }

    /**
     * The other services ask this one for account statuses: it passes on its own kept answer (Cognito asked once per
     * user and period, not per call) with what is left of its lifetime, so the bound runs from the Cognito read.
     */
    @Test
    void theStatusOfAnAccountIsPassedOnWithWhatIsLeftOfItsLifetime() {
        String handle = SharedStack.get().createUser("passedon", "Passed On");
        String sub = SharedStack.get().sub(handle);
        JsonPath first = status(sub);
        assertTrue(first.getBoolean("active"));
        assertTrue(first.getLong("keep_for_ms") > 29_000 && first.getLong("keep_for_ms") <= 30_000, first.prettify());
        SharedStack.get().disableUser(handle);
        clock.advance(Duration.ofSeconds(15));
        JsonPath kept = status(sub);
        assertTrue(kept.getBoolean("active"), "the kept answer, not a new Cognito read");
        assertTrue(kept.getLong("keep_for_ms") > 10_000 && kept.getLong("keep_for_ms") <= 15_000, kept.prettify());
        clock.advance(Duration.ofSeconds(6)); // in the answer's last third (under 10 s left)
        JsonPath near = status(sub);
        assertTrue(near.getBoolean("active"), "the kept answer still serves at once");
        assertTrue(near.getLong("keep_for_ms") > 0 && near.getLong("keep_for_ms") <= 9_000, near.prettify());
        // and Cognito is asked afresh in the background: the new answer replaces the kept one before its end
        Instant deadline = Instant.now().plusSeconds(10);
        JsonPath after = status(sub);
        while (after.getBoolean("active") && Instant.now().isBefore(deadline)) {
            after = status(sub);
        }
        assertFalse(after.getBoolean("active"), "asked again before the answer's 30 s have passed");
        assertTrue(after.getLong("keep_for_ms") > 29_000, after.prettify());
    }

    private static JsonPath status(String sub) {
        return Api.anonymous()
                .get("/internal/users/status?sub=" + sub)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static void refused(io.restassured.specification.RequestSpecification request) {
        request.filter(CONTRACT).get("/api/profile").then().statusCode(401).body("$", contains("generic_401"));
    }

    private static String forged(Consumer<JwtClaims> change) {
        JwtClaims claims = ForgedTokens.accessClaims("bayko");
        change.accept(claims);
        return ForgedTokens.signedByPool(claims);
    }

    @Test
    void aRealAccessTokenFromCognitoIsAccepted() {
        String handle = Api.as("bayko")
                .filter(CONTRACT)
                .get("/api/profile")
                .then()
                .statusCode(200)
                .extract()
                .path("handle");
        assertEquals("bayko", handle);
    }

    @Test
    void aForgedTokenWithNothingWrongIsAccepted() {
        // proves that the forged tokens below fail only for the one claim each of them changes
        Api.withToken(forged(claims -> {}))
                .filter(CONTRACT)
                .get("/api/profile")
                .then()
                .statusCode(200);
    }

    @Test
    void noAuthorizationHeader() {
        refused(Api.anonymous());
    }

    @Test
    void notABearerHeader() {
        refused(Api.anonymous()
                .header("Authorization", "Basic " + SharedStack.get().accessToken("bayko")));
    }

    @Test
    void garbage() {
        refused(Api.withToken("not.a.jwt"));
    }

    @Test
    void badSignature() {
        refused(Api.withToken(ForgedTokens.signedByStranger(ForgedTokens.accessClaims("bayko"))));
    }

    @Test
    void expired() {
        refused(Api.withToken(forged(claims -> {
            claims.setIssuedAt(NumericDate.fromSeconds(NumericDate.now().getValue() - 7200));
            claims.setExpirationTime(NumericDate.fromSeconds(NumericDate.now().getValue() - 600));
        })));
    }

    @Test
    void wrongIssuer() {
        refused(Api.withToken(
                forged(claims -> claims.setIssuer(SharedStack.get().pool().endpoint() + "/us-east-1_other"))));
    }

    @Test
    void idTokenInsteadOfAccessToken() {
        refused(Api.withToken(SharedStack.get().idToken("bayko")));
    }

    @Test
    void accessTokenOfAnUnknownAppClient() {
        refused(Api.withToken(SharedStack.get().foreignClientAccessToken("bayko")));
    }

    @Test
    void anotherAlgorithmWithThePoolsKey() {
        refused(Api.withToken(ForgedTokens.signedByPool(
                ForgedTokens.accessClaims("bayko"), org.jose4j.jws.AlgorithmIdentifiers.RSA_PSS_USING_SHA256)));
        refused(Api.withToken(ForgedTokens.signedByPool(
                ForgedTokens.accessClaims("bayko"), org.jose4j.jws.AlgorithmIdentifiers.RSA_USING_SHA512)));
    }

    @Test
    void aRefusalCarriesTheBearerChallengeAndIsNotCached() {
        var response = Api.anonymous().filter(CONTRACT).get("/api/profile");
        response.then().statusCode(401).header("WWW-Authenticate", "Bearer").header("Cache-Control", "no-store");
    }

    @Test
    void algNone() {
        refused(Api.withToken(ForgedTokens.unsigned(ForgedTokens.accessClaims("bayko"))));
    }
}
