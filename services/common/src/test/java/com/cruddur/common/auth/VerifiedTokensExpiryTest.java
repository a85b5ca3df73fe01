package com.cruddur.common.auth;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.jwt.auth.principal.DefaultJWTCallerPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.junit.jupiter.api.Test;

/** A kept identity is served until its token's {@code exp} by the service's clock, never after (then verified afresh). */
class VerifiedTokensExpiryTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    @Test
    void aKeptTokenIsNeverUsedPastItsExpiry() {
        VerifiedTokens tokens = new VerifiedTokens(100, clock);
        JwtClaims claims = new JwtClaims();
        claims.setSubject("sub-1");
        claims.setExpirationTime(
                NumericDate.fromSeconds(now.get().plus(Duration.ofHours(1)).getEpochSecond()));
        SecurityIdentity verified = QuarkusSecurityIdentity.builder()
                .setPrincipal(new DefaultJWTCallerPrincipal(claims))
                .addCredential(new AccessTokenCredential("header.payload.signature"))
                .build();
        tokens.augment(verified, null).await().indefinitely();
        TokenAuthenticationRequest request =
                new TokenAuthenticationRequest(new AccessTokenCredential("header.payload.signature"));

        assertNotNull(tokens.authenticate(request, null).await().indefinitely(), "kept while valid");
        assertNull(
                tokens.authenticate(
                                new TokenAuthenticationRequest(new AccessTokenCredential("header.payload.other")), null)
                        .await()
                        .indefinitely(),
                "another token is not the kept one");
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertNull(tokens.authenticate(request, null).await().indefinitely(), "expired: left to quarkus-oidc");
    }
}
