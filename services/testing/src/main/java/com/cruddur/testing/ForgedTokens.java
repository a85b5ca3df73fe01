package com.cruddur.testing;

import com.cruddur.localstack.LocalPaths;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

/**
 * Tokens that are wrong in exactly one way, to prove that each check of token verification works on its own.
 * A token signed with cognito-local's own key (its package ships the key pair) passes the signature check, so
 * the one thing wrong with it is the claim the test changed.
 */
public final class ForgedTokens {

    private ForgedTokens() {}

    /** The claims of a valid access token of this user of the shared pool, valid for an hour. */
    public static JwtClaims accessClaims(String handle) {
        SharedStack stack = SharedStack.get();
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(stack.pool().issuer());
        claims.setSubject(stack.sub(handle));
        claims.setClaim("client_id", stack.pool().clientId());
        claims.setClaim("token_use", "access");
        claims.setClaim("scope", "aws.cognito.signin.user.admin");
        claims.setClaim("username", stack.sub(handle));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        return claims;
    }

    /** Signed with the pool's real key, as cognito-local signs. */
    public static String signedByPool(JwtClaims claims) {
        return sign(claims, poolKey(), AlgorithmIdentifiers.RSA_USING_SHA256);
    }

    /** Signed with the pool's real key in another algorithm than the pool's RS256 ({@code PS256}, {@code RS512}, ...). */
    public static String signedByPool(JwtClaims claims, String algorithm) {
        return sign(claims, poolKey(), algorithm);
    }

    /** Signed with a key the pool never had, under the pool key's id. */
    public static String signedByStranger(JwtClaims claims) {
        try {
            RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
            stranger.setKeyId(poolKey().getKeyId());
            return sign(claims, stranger, AlgorithmIdentifiers.RSA_USING_SHA256);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code alg: none}: no signature at all. */
    public static String unsigned(JwtClaims claims) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.NONE);
        jws.setKeyIdHeaderValue(poolKey().getKeyId());
        jws.setAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.NO_CONSTRAINTS);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sign(JwtClaims claims, JsonWebKey key, String algorithm) {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(((RsaJsonWebKey) key).getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(algorithm);
        try {
            return jws.getCompactSerialization();
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RsaJsonWebKey poolKey() {
        Path file = LocalPaths.emulators(LocalPaths.root())
                .resolve("node_modules/cognito-local/lib/keys/cognitoLocal.private.json");
        try {
            @SuppressWarnings("unchecked")
            Map<String, Object> jwk = (Map<String, Object>)
                    new ObjectMapper().readValue(file.toFile(), Map.class).get("jwk");
            return (RsaJsonWebKey) JsonWebKey.Factory.newJwk(jwk);
        } catch (Exception e) {
            throw new IllegalStateException("cannot read cognito-local's key from " + file, e);
        }
    }
}
