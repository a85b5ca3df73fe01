package com.cruddur.localstack;

import java.net.URI;

/** A Cognito user pool and the app client the frontend signs in with. */
public record UserPool(URI endpoint, String id, String clientId) {

    /** The {@code iss} of the pool's tokens: cognito-local puts its own address before the pool id. */
    public String issuer() {
        return endpoint + "/" + id;
    }
}
