package com.cruddur.common.auth;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Whether a verified token's user may still use Cruddur: a user disabled or deleted in Cognito keeps a valid access
 * token until it expires (an hour), so each service asks, at most once per {@code cruddur.auth.account-status-ttl}
 * (30 s) and user, whether the account is still active ({@link AccountLookup}: the users service, which asks
 * Cognito). A disabled or deleted user is refused within that time, and no request waits for Cognito but the first
 * of each period. When the answer cannot be had (the users service is down), the user is taken as active for the
 * period: an outage of the users service must not sign everybody out (see docs/auth.md).
 */
@ApplicationScoped
@IfBuildProperty(name = "quarkus.oidc.enabled", stringValue = "true", enableIfMissing = true)
public class AccountStatus {

    private static final Logger LOG = Logger.getLogger(AccountStatus.class);

    private final LoadingCache<String, Boolean> active;

    public AccountStatus(
            @ConfigProperty(name = "cruddur.auth.account-status-ttl") Duration ttl, Clock clock, AccountLookup lookup) {
        this.active = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L)
                .maximumSize(100_000)
                .build(sub -> {
                    try {
                        return lookup.isActive(sub);
                    } catch (RuntimeException e) {
                        LOG.warnf(
                                "the account status of a user is unknown (%s): taken as active for now", e.toString());
                        return true;
                    }
                });
    }

    public boolean isActive(String sub) {
        return active.get(sub);
    }
}
