package com.cruddur.common.auth;

import java.time.Duration;
import java.time.temporal.ChronoUnit;

/** Asks whether the Cognito user {@code sub} exists and is enabled; {@link AccountStatus} caches the answer. */
public interface AccountLookup {

    /**
     * Whether the account is active, and for how much longer the answer may be kept: an answer that was itself kept
     * (by the users service) may be kept only for what is left of its lifetime, so that the bound of
     * {@link AccountStatus} holds from the moment Cognito was asked, however many services pass it on.
     */
    record Answer(boolean active, Duration keepFor) {

        /** An answer straight from Cognito: kept for the whole period. */
        public static Answer fresh(boolean active) {
            return new Answer(active, ChronoUnit.FOREVER.getDuration());
        }
    }

    Answer lookup(String sub);
}
