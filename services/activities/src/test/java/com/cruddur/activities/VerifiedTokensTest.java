package com.cruddur.activities;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.HeapCensus;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Verified tokens are kept by their hash: a token that differs from a verified one is verified afresh. (Never used
 * past {@code exp}: {@code VerifiedTokensExpiryTest} in common; a user revoked since their token was verified is
 * refused: {@link AccountRevocationTest}.) A kept token keeps nothing of the request that verified it.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class VerifiedTokensTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final String ROUTING_CONTEXT = "io.vertx.ext.web.impl.RoutingContextImpl";
    private static final int SIGN_INS = 40;

    private static int post(String token) {
        return Api.withToken(token)
                .filter(CONTRACT)
                .body(Map.of("message", "kept token", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .extract()
                .statusCode();
    }

    @Test
    void aTokenDifferingFromAVerifiedOneIsVerifiedAfresh() {
        String token = SharedStack.get().accessToken(SharedStack.get().createUser("kepttoken", "Kept Token"));
        assertEquals(200, post(token), "accepted");
        int at = token.length() - 20; // inside the signature
        String forged = token.substring(0, at) + (token.charAt(at) == 'A' ? 'B' : 'A') + token.substring(at + 1);
        Api.withToken(forged)
                .filter(CONTRACT)
                .body(Map.of("message", "forged", "ttl", "1-day"))
                .post("/api/activities")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }

    @Test
    void aKeptTokenKeepsNothingOfTheRequestThatVerifiedIt() {
        String handle = SharedStack.get().createUser("keptrequest", "Kept Request");
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < SIGN_INS; i++) {
            tokens.add(SharedStack.get().newAccessToken(handle));
        }
        assertEquals(SIGN_INS, tokens.size(), "every sign-in gave a token of its own");
        long before = HeapCensus.live(ROUTING_CONTEXT);
        // each token verified once and kept: before the fix, each kept its request's routing context
        tokens.forEach(token -> assertEquals(200, post(token)));
        long kept = HeapCensus.live(ROUTING_CONTEXT) - before;
        assertTrue(kept < SIGN_INS / 4, kept + " requests' routing contexts still alive after " + SIGN_INS + " tokens");
    }
}
