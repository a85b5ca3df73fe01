package com.cruddur.common.ratelimit;

import com.cruddur.common.error.ErrorMappers;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Writes (any {@code /api} request but GET, HEAD and OPTIONS) are limited per caller, the {@code sub} of a verified
 * token: what a load balancer's WAF cannot see. A request without a valid token is not counted (it gets its 401).
 * Over the limit: {@code 429 ["rate_limited"]} with {@code Retry-After}; every counted answer carries the
 * {@code RateLimit-*} headers. See docs/rate-limits.md.
 */
@Singleton
public class WriteLimits {

    public static final String RATE_LIMITED = "rate_limited";
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String DECISION = WriteLimits.class.getName();

    private final boolean enabled;
    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identity;

    public WriteLimits(
            @ConfigProperty(name = "cruddur.rate-limits.enabled") boolean enabled,
            @ConfigProperty(name = "cruddur.rate-limits.writes") long writes,
            @ConfigProperty(name = "cruddur.rate-limits.period") Duration period,
            Clock clock,
            CurrentIdentityAssociation identity) {
        this.enabled = enabled;
        this.limiter = new RateLimiter(writes, period, clock);
        this.identity = identity;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext request) {
        if (!enabled
                || READS.contains(request.getMethod())
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return Uni.createFrom().nullItem();
        }
        return identity.getDeferredIdentity()
                .onFailure()
                .recoverWithItem((SecurityIdentity) null)
                .map(caller -> {
                    if (caller == null || caller.isAnonymous()) {
                        return null;
                    }
                    RateLimiter.Decision decision =
                            limiter.take(caller.getPrincipal().getName());
                    request.setProperty(DECISION, decision);
                    return decision.allowed() ? null : refusal(decision);
                });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(DECISION) instanceof RateLimiter.Decision decision) {
            decision.headers().forEach(response.getHeaders()::putSingle);
        }
    }

    private static Response refusal(RateLimiter.Decision decision) {
        Response.ResponseBuilder response = Response.fromResponse(ErrorMappers.body(429, List.of(RATE_LIMITED)));
        decision.headers().forEach(response::header);
        return response.build();
    }
}
