package com.cruddur.common.auth;

import com.cruddur.common.concurrent.FanOut;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executor;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether a verified token's user may still use Cruddur: a user disabled or deleted in Cognito keeps a valid access
 * token until it expires (an hour), so each service asks, at most once per {@code cruddur.auth.account-status-ttl}
 * (30 s) and user, whether the account is still active ({@link AccountLookup}: the users service, which asks
 * Cognito). A disabled or deleted user is refused within that time. An answer read in the last third of its lifetime
 * is asked afresh in the background (on the {@link FanOut} threads) while the kept one still serves, so a user who
 * keeps using Cruddur waits for the lookup only on their first request, not once per period. When the answer cannot be had (the users service is down), the user is taken as active for the
 * period: an outage of the users service must not sign everybody out (see docs/auth.md). An answer the users service
 * kept itself is kept here only for what is left of its lifetime ({@link AccountLookup.Answer#keepFor()}), so the bound
 * runs from the moment Cognito was asked, and Cognito is asked once per user and period by each users service
 * instance, not by every service.
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.oidc.enabled", stringValue = "true", enableIfMissing = true)
public class AccountStatus {

    private static final Logger LOG = Logger.getLogger(AccountStatus.class);

    /** What is known of an account: whether it is active, and until when (this service's clock) it may be kept. */
    public record Known(boolean active, Instant until) {}

    private final LoadingCache<String, Known> known;
    private final Clock clock;
    /** An answer with less than this left is asked afresh in the background. */
    private final Duration refreshWithin;

    @Inject
    public AccountStatus(
            @ConfigProperty(name = "cruddur.auth.account-status-ttl") Duration ttl,
            Clock clock,
            AccountLookup lookup,
            FanOut background) {
        this(ttl, clock, lookup, (Executor) background);
    }

    AccountStatus(Duration ttl, Clock clock, AccountLookup lookup, Executor background) {
        this.clock = clock;
        this.refreshWithin = ttl.dividedBy(3);
        this.known = Caffeine.newBuilder()
                .expireAfter(new Expiry<String, Known>() {
                    @Override
                    public long expireAfterCreate(String sub, Known status, long now) {
                        return Math.max(0, status.until().toEpochMilli() - clock.millis()) * 1_000_000L;
                    }

                    @Override
                    public long expireAfterUpdate(String sub, Known status, long now, long current) {
                        return expireAfterCreate(sub, status, now);
                    }

                    @Override
                    public long expireAfterRead(String sub, Known status, long now, long current) {
                        return current;
                    }
                })
                .ticker(() -> clock.millis() * 1_000_000L)
                .executor(background)
                .maximumSize(100_000)
                .build(sub -> {
                    Instant now = clock.instant();
                    try {
                        AccountLookup.Answer answer = lookup.lookup(sub);
                        Duration keep = answer.keepFor().compareTo(ttl) < 0 ? answer.keepFor() : ttl;
                        return new Known(answer.active(), now.plus(keep.isNegative() ? Duration.ZERO : keep));
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "the account status of a user is unknown (%s): taken as active for now", e.toString());
                        return new Known(true, now.plus(ttl));
                    }
                });
    }

    public boolean isActive(String sub) {
        return status(sub).active();
    }

    /**
     * The account's status, never kept past {@code until}: asked of the lookup when none is kept, and in the background
     * when the kept one is read in the last third of its lifetime (then at most one lookup at a time per user).
     */
    public Known status(String sub) {
        Known status = known.get(sub);
        if (Duration.between(clock.instant(), status.until()).compareTo(refreshWithin) < 0) {
            known.refresh(sub);
        }
        return status;
    }
}
