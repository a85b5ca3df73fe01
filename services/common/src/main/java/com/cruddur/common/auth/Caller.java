package com.cruddur.common.auth;

import io.opentelemetry.api.trace.Span;
import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling: the {@code sub} of a verified Cognito access token. The token itself was checked by quarkus-oidc
 * (signature against the pool's cached JWKS, issuer, expiry, {@code token_use=access}) and by
 * {@link CognitoClientValidator} (the app client); the user must still be active in Cognito ({@link AccountStatus}).
 */
@RequestScoped
@IfBuildProperty(name = "quarkus.oidc.enabled", stringValue = "true", enableIfMissing = true)
public class Caller {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken token;

    @Inject
    AccountStatus accounts;

    /** The caller's sub, or empty for an anonymous request on an endpoint where sign-in is optional. */
    public Optional<String> sub() {
        if (identity.isAnonymous()) {
            return Optional.empty();
        }
        Optional<String> sub = Optional.ofNullable(token.getSubject()).filter(value -> !value.isBlank());
        if (sub.isPresent() && !accounts.isActive(sub.get())) {
            // a valid token of a user disabled or deleted in Cognito since: refused (within the status's lifetime)
            throw new AuthenticationFailedException("the account is disabled or deleted");
        }
        // the user (their sub, never more) on the request's span
        sub.ifPresent(value -> Span.current().setAttribute("enduser.id", value));
        return sub;
    }

    /**
     * For endpoints where sign-in is optional: the caller's sub, or empty when the token is missing or not valid
     * (the frontend may send a stale token; the page is then served as to anyone).
     */
    public Optional<String> optionalSub() {
        try {
            return sub();
        } catch (AuthenticationFailedException e) {
            return Optional.empty();
        }
    }

    /** The caller's sub; a request without a valid token gets 401 {@code ["generic_401"]}. */
    public String requireSub() {
        return sub().orElseThrow(UnauthorizedException::new);
    }
}
