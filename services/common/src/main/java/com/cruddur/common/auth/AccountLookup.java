package com.cruddur.common.auth;

/** Asks whether the Cognito user {@code sub} exists and is enabled; {@link AccountStatus} caches the answer. */
public interface AccountLookup {

    boolean isActive(String sub);
}
