package com.cruddur.localstack;

import java.net.URI;

/**
 * A Cognito user pool and the app client the frontend signs in with.
 *
 * @param endpoint where this process reaches the emulator
 * @param issuerDomain what the emulator puts before the pool id in its tokens' {@code iss}: its own address in
 *     bin/dev; in docker-compose the address the browser uses, which differs from the one the containers use
 */
public record UserPool(URI endpoint, String id, String clientId, URI issuerDomain) {

    public UserPool(URI endpoint, String id, String clientId) {
        this(endpoint, id, clientId, endpoint);
    }

    /** The {@code iss} of the pool's tokens. */
    public String issuer() {
        return issuerDomain + "/" + id;
    }

    /** Where a service on this side of the network fetches the pool's keys ({@code <url>/.well-known/jwks.json}). */
    public String serverUrl() {
        return endpoint + "/" + id;
    }
}
