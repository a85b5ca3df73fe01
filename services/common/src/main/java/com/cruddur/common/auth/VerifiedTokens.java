package com.cruddur.common.auth;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Access tokens quarkus-oidc verified, kept until they expire so that a signed-in request does not check the same
 * signature and claims again: keyed by the token's SHA-256 (a token differing in any byte is verified afresh), at most
 * {@code cruddur.auth.verified-tokens} per instance, never used past the token's {@code exp} by this service's clock
 * (a token whose kept identity has expired is verified afresh by quarkus-oidc, which refuses it once it has expired). Whether the user is still active is asked by {@link Caller} on every request, so
 * a revoked user is refused as before (see docs/auth.md).
 * <p>
 * As an authentication mechanism it answers before quarkus-oidc's (a higher priority) with a kept identity, straight
 * from the {@code Authorization} header, or with nothing so that quarkus-oidc reads and verifies the token (and answers
 * any challenge); as an augmentor it keeps what quarkus-oidc verified. A mechanism rather than an identity provider,
 * so that a kept token is not decoded by quarkus-oidc first (docs/auth.md).
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.oidc.enabled", stringValue = "true", enableIfMissing = true)
public class VerifiedTokens implements HttpAuthenticationMechanism, SecurityIdentityAugmentor {

    private static final String BEARER = "Bearer ";

    private final Cache<String, SecurityIdentity> verified;
    private final Clock clock;

    public VerifiedTokens(@ConfigProperty(name = "cruddur.auth.verified-tokens") long bound, Clock clock) {
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .maximumSize(bound)
                .ticker(() -> clock.millis() * 1_000_000L)
                .expireAfter(new Expiry<String, SecurityIdentity>() {
                    @Override
                    public long expireAfterCreate(String key, SecurityIdentity identity, long now) {
                        return Math.max(0, expiry(identity).toEpochMilli() - clock.millis()) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String key, SecurityIdentity identity, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String key, SecurityIdentity identity, long now, long current) {
                        return current;
                    }
                })
                .build();
    }

    @Override
    public int getPriority() {
        // before quarkus-oidc's mechanism (quarkus.oidc.priority, 1001 by default)
        return DEFAULT_PRIORITY + 1000;
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class);
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext routing, IdentityProviderManager identities) {
        return kept(routing.request().getHeader(HttpHeaders.AUTHORIZATION))
                .map(kept -> QuarkusSecurityIdentity.builder(kept)
                        .addAttribute(HttpSecurityUtils.ROUTING_CONTEXT_ATTRIBUTE, routing)
                        .build())
                .map(identity -> Uni.createFrom().<SecurityIdentity>item(identity))
                .orElseGet(() -> Uni.createFrom().nullItem());
    }

    /** Challenges are quarkus-oidc's. */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext routing) {
        return Uni.createFrom().nullItem();
    }

    /** The identity kept for the bearer token of this {@code Authorization} header, while its token is live. */
    Optional<SecurityIdentity> kept(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Optional.empty();
        }
        String token = authorization.substring(BEARER.length()).strip();
        return Optional.ofNullable(token.isEmpty() ? null : verified.getIfPresent(hash(token)))
                .filter(this::isLive);
    }

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        AccessTokenCredential token =
                identity.isAnonymous() ? null : identity.getCredential(AccessTokenCredential.class);
        if (token == null || !(identity.getPrincipal() instanceof JsonWebToken)) {
            return Uni.createFrom().item(identity);
        }
        verified.asMap().computeIfAbsent(hash(token.getToken()), key -> withoutRequest(identity));
        return Uni.createFrom().item(identity);
    }

    /**
     * The identity without what belongs to the request that verified it: its routing context, which quarkus-oidc
     * keeps under two names, and which holds the whole request (headers, body, REST context: tens of KB a token).
     */
    private static SecurityIdentity withoutRequest(SecurityIdentity identity) {
        Map<String, Object> attributes = new HashMap<>(identity.getAttributes());
        attributes.values().removeIf(RoutingContext.class::isInstance);
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(identity.getPrincipal())
                .addCredentials(identity.getCredentials())
                .addRoles(identity.getRoles())
                .addAttributes(attributes)
                .build();
    }

    private boolean isLive(SecurityIdentity identity) {
        return expiry(identity).isAfter(clock.instant());
    }

    private static Instant expiry(SecurityIdentity identity) {
        return Instant.ofEpochSecond(((JsonWebToken) identity.getPrincipal()).getExpirationTime());
    }

    private static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
