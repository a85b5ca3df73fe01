package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class AvatarTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Test
    void theUploadUrlIsAPresignedPutOfTheCallersAvatarValidFiveMinutes() {
        String url = Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("extension", "PNG"))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(200)
                .extract()
                .path("url");
        URI uri = URI.create(url);
        assertEquals("https", uri.getScheme());
        assertTrue(uri.getHost().startsWith("cruddur-avatars-test.s3"), uri.getHost());
        assertEquals("/avatars/" + SharedStack.get().sub("bayko") + ".png", uri.getPath());
        Map<String, String> query = Arrays.stream(uri.getRawQuery().split("&"))
                .map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> URLDecoder.decode(p[1], StandardCharsets.UTF_8)));
        assertEquals("300", query.get("X-Amz-Expires"));
        assertEquals("AWS4-HMAC-SHA256", query.get("X-Amz-Algorithm"));
        assertTrue(query.containsKey("X-Amz-Signature"));
    }

    @Test
    void onlyImageExtensionsAreAccepted() {
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("extension", "exe"))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(422)
                .body("$", contains("extension_invalid"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("extension", " "))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(422)
                .body("$", contains("extension_blank"));
        Api.as("bayko")
                .filter(CONTRACT)
                .body(Map.of("extension", "../x.png"))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(422)
                .body("$", contains("extension_invalid"));
    }

    @Test
    void anUploadUrlRequiresSignIn() {
        Api.anonymous()
                .filter(CONTRACT)
                .body(Map.of("extension", "jpg"))
                .post("/api/avatars/key_upload")
                .then()
                .statusCode(401)
                .body("$", contains("generic_401"));
    }
}
