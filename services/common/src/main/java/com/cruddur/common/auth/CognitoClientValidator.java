package com.cruddur.common.auth;

import io.quarkus.arc.Unremovable;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.consumer.JwtContext;
import org.jose4j.jwt.consumer.Validator;

/**
 * Accepts only access tokens issued to one of our own app clients. Cognito access tokens carry the client in
 * {@code client_id} (they have no {@code aud}), and quarkus-oidc's required-claims check can only demand one value,
 * so the allow-list is checked here. Unremovable: quarkus-oidc looks the bean up dynamically, and a removed
 * validator would let every client through.
 */
@Unremovable
@ApplicationScoped
@IfBuildProperty(name = "quarkus.oidc.enabled", stringValue = "true", enableIfMissing = true)
public class CognitoClientValidator implements Validator {

    private final Set<String> allowedClients;

    public CognitoClientValidator(@ConfigProperty(name = "cruddur.cognito.client-ids") List<String> allowedClients) {
        this.allowedClients = Set.copyOf(allowedClients);
    }

    @Override
    public String validate(JwtContext context) throws MalformedClaimException {
        String clientId = context.getJwtClaims().getStringClaimValue("client_id");
        if (clientId == null || !allowedClients.contains(clientId)) {
            return "the token was not issued to an allowed app client";
        }
        return null;
    }
}
