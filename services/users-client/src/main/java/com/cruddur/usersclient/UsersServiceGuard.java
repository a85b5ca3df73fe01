package com.cruddur.usersclient;

import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * The fault tolerance of every call to the users service, in one place (applied with {@code @ApplyGuard}): each
 * attempt cut at 1.5 s, one retry within a 3-s budget and never while the circuit is open, and one circuit breaker for
 * the users service as a whole (not one per method), open for 5 s once half of the last 10 calls failed.
 */
@ApplicationScoped
class UsersServiceGuard {

    static final String NAME = "users-service";

    @Produces
    @Singleton
    @Identifier(NAME)
    Guard guard() {
        return Guard.create()
                .withDescription(NAME)
                .withTimeout()
                .duration(1500, ChronoUnit.MILLIS)
                .done()
                .withRetry()
                .maxRetries(1)
                .delay(100, ChronoUnit.MILLIS)
                .jitter(50, ChronoUnit.MILLIS)
                .maxDuration(3000, ChronoUnit.MILLIS)
                .abortOn(CircuitBreakerOpenException.class)
                .done()
                .withCircuitBreaker()
                .requestVolumeThreshold(10)
                .failureRatio(0.5)
                .delay(5000, ChronoUnit.MILLIS)
                .successThreshold(2)
                .done()
                .build();
    }
}
