package com.cruddur.users;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ProvisioningTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    UsersConfig config;

    @Test
    void concurrentFirstRequestsCreateExactlyOneProfile() throws Exception {
        String handle = SharedStack.get().createUser("racer", "Racer");
        String token = SharedStack.get().accessToken(handle);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                calls.add(() -> Api.withToken(token)
                        .get("/api/profile")
                        .then()
                        .statusCode(200)
                        .extract()
                        .path("uuid"));
            }
            Set<String> uuids = new java.util.HashSet<>();
            for (Future<String> result : pool.invokeAll(calls)) {
                uuids.add(result.get());
            }
            assertEquals(Set.of(SharedStack.get().sub(handle)), uuids);
        } finally {
            pool.shutdown();
        }
        Map<String, AttributeValue> user = dynamoDb.getItem(r -> r.tableName(config.table())
                        .key(Map.of(
                                "pk",
                                AttributeValue.fromS("USER#" + SharedStack.get().sub(handle)))))
                .item();
        assertEquals(handle, user.get("handle").s());
        Map<String, AttributeValue> claim = dynamoDb.getItem(
                        r -> r.tableName(config.table()).key(Map.of("pk", AttributeValue.fromS("HANDLE#" + handle))))
                .item();
        assertEquals(SharedStack.get().sub(handle), claim.get("sub").s());
    }

    @Test
    void aHandleBelongsToOneUserWhateverItsLetterCase() {
        String handle = "Unique" + UUID.randomUUID().toString().substring(0, 8);
        SharedStack.get().createUserWithHandle(handle.toLowerCase(Locale.ROOT) + "@cruddur.test", handle, "First");
        String first = SharedStack.get()
                .cognito()
                .signIn(
                        SharedStack.get().pool(),
                        handle.toLowerCase(Locale.ROOT) + "@cruddur.test",
                        SharedStack.PASSWORD)
                .accessToken();
        Api.withToken(first)
                .filter(CONTRACT)
                .get("/api/profile")
                .then()
                .statusCode(200)
                .body("handle", equalTo(handle));

        String email = "second-" + handle.toLowerCase(Locale.ROOT) + "@cruddur.test";
        SharedStack.get().createUserWithHandle(email, handle.toLowerCase(Locale.ROOT), "Second");
        String second = SharedStack.get()
                .cognito()
                .signIn(SharedStack.get().pool(), email, SharedStack.PASSWORD)
                .accessToken();
        Api.withToken(second)
                .filter(CONTRACT)
                .get("/api/profile")
                .then()
                .statusCode(409)
                .body("$", contains("handle_taken"));

        // the first user keeps the handle, found in any letter case
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@" + handle.toUpperCase(Locale.ROOT) + "/short")
                .then()
                .statusCode(200)
                .body("display_name", equalTo("First"));
    }

    @Test
    void aCognitoUserWhoNeverSignedInIsFoundByHandle() {
        String handle = SharedStack.get().createUser("newcomer", "New Comer");
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@" + handle + "/short")
                .then()
                .statusCode(200)
                .body("uuid", equalTo(SharedStack.get().sub(handle)))
                .body("display_name", equalTo("New Comer"));
    }

    @Test
    void anAnonymousLookupOfAnUnconfirmedSignUpProvisionsNothing() {
        String handle = "unconfirmed" + UUID.randomUUID().toString().substring(0, 8);
        SharedStack.get()
                .cognito()
                .signUp(SharedStack.get().pool(), handle + "@example.com", handle, "Not Yet", SharedStack.PASSWORD);
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@" + handle + "/short")
                .then()
                .statusCode(404)
                .body("$", contains("user_not_found"));
        Api.anonymous().get("/internal/users/by-handle/" + handle).then().statusCode(404);
    }

    @Test
    void anUnknownHandleIs404() {
        Api.anonymous()
                .filter(CONTRACT)
                .get("/api/users/@nobody-" + UUID.randomUUID() + "/short")
                .then()
                .statusCode(404)
                .body("$", contains("user_not_found"));
    }

    @Test
    void theInternalBatchLookupProvisionsAndSkipsUnknownSubs() {
        String handle = SharedStack.get().createUser("batch", "Batch Person");
        String sub = SharedStack.get().sub(handle);
        List<Map<String, String>> found = Api.anonymous()
                .queryParam(
                        "sub",
                        sub,
                        SharedStack.get().sub("andrewbrown"),
                        UUID.randomUUID().toString())
                .get("/internal/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(
                Map.of(sub, handle, SharedStack.get().sub("andrewbrown"), "andrewbrown"),
                found.stream().collect(Collectors.toMap(u -> u.get("uuid"), u -> u.get("handle"))));
    }

    @Test
    void theInternalHandleLookupReturnsTheFullProfile() {
        Api.as("londo").get("/api/profile").then().statusCode(200);
        Api.anonymous()
                .get("/internal/users/by-handle/LONDO")
                .then()
                .statusCode(200)
                .body("uuid", equalTo(SharedStack.get().sub("londo")))
                .body("handle", equalTo("londo"))
                .body("display_name", equalTo("Londo Mollari"));
        Api.anonymous().get("/internal/users").then().statusCode(422).body("$", contains("sub_blank"));
    }

    @Test
    void theInternalLookupByHandlesAnswersForAllInOneCall() {
        String handle = SharedStack.get().createUser("byhandles", "By Handles");
        Api.as("londo").get("/api/profile").then().statusCode(200);
        List<Map<String, String>> found = Api.anonymous()
                .queryParam(
                        "handle",
                        handle,
                        "LONDO",
                        "nobody" + UUID.randomUUID().toString().substring(0, 8))
                .get("/internal/users/by-handles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        assertEquals(
                Map.of(SharedStack.get().sub(handle), handle, SharedStack.get().sub("londo"), "londo"),
                found.stream().collect(Collectors.toMap(u -> u.get("uuid"), u -> u.get("handle"))));
        assertEquals(
                "Londo Mollari",
                found.stream()
                        .filter(u -> u.get("handle").equals("londo"))
                        .findFirst()
                        .orElseThrow()
                        .get("display_name"));
        Api.anonymous().get("/internal/users/by-handles").then().statusCode(422).body("$", contains("handle_blank"));
    }
}
