package com.cruddur.users.client;

import com.cruddur.common.auth.AccountLookup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The users service asks Cognito itself (AdminGetUser): in AWS, Cognito is where a user is disabled or deleted, and
 * this is how the users service learns of it, on the first request of each period (no event to subscribe to). Kept
 * by its {@code AccountStatus}, which the other services' lookups read too (docs/auth.md).
 */
@ApplicationScoped
public class CognitoAccountLookup implements AccountLookup {

    private final CognitoUsers cognito;

    public CognitoAccountLookup(CognitoUsers cognito) {
        this.cognito = cognito;
    }

    @Override
    public Answer lookup(String sub) {
        return Answer.fresh(cognito.isEnabled(sub));
    }
}
