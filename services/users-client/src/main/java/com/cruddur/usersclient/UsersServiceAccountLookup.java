package com.cruddur.usersclient;

import com.cruddur.common.auth.AccountLookup;
import io.smallrye.faulttolerance.api.ApplyGuard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The account status from the users service ({@code GET /internal/users/status?sub=}), for every service but the users
 * service, which asks Cognito itself, and keeps its answer: it says for how much longer it may be kept. Asked through
 * the same client and guard as the profiles, so a users service that cannot answer counts once, in one circuit.
 */
@ApplicationScoped
public class UsersServiceAccountLookup implements AccountLookup {

    private final UsersApi api;

    public UsersServiceAccountLookup(@RestClient UsersApi api) {
        this.api = api;
    }

    @Override
    @ApplyGuard(UsersServiceGuard.NAME)
    public Answer lookup(String sub) {
        UsersApi.Standing standing = api.status(sub);
        return new Answer(standing.active(), Duration.ofMillis(standing.keepForMs()));
    }
}
