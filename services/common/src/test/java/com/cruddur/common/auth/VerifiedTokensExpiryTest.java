package com.cruddur.common.auth;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
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

        assertTrue(tokens.kept("Bearer header.payload.signature").isPresent(), "kept while valid");
        assertTrue(tokens.kept("bearer header.payload.signature").isPresent(), "the scheme in any case");
        assertTrue(tokens.kept("Bearer header.payload.other").isEmpty(), "another token is not the kept one");
        assertTrue(tokens.kept("Basic header.payload.signature").isEmpty(), "not a bearer token");
        assertTrue(tokens.kept(null).isEmpty(), "no header");
        now.set(now.get().plus(Duration.ofMinutes(61)));
        assertTrue(tokens.kept("Bearer header.payload.signature").isEmpty(), "expired: left to quarkus-oidc");
    }
}
