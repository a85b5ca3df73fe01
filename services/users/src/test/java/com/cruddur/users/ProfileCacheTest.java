package com.cruddur.users;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The users service answers the other services' reads from its cache, and its own writes delete what they change, so
 * a change shows at once to everyone. A change made behind its back (straight in the table) proves that the reads do
 * come from the cache: it does not show until the service writes that user itself.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ProfileCacheTest {

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    UsersConfig config;

    @Test
    void aProfileIsServedFromTheCacheUntilTheServiceItselfChangesIt() {
        String handle = SharedStack.get().createUser("cached", "Cached Name");
        String other = SharedStack.get().createUser("neighbour", "Neighbour");
        String sub = SharedStack.get().sub(handle);
        names(sub, SharedStack.get().sub(other)); // the first read provisions both from Cognito
        assertEquals("Cached Name", names(sub, SharedStack.get().sub(other)).get(sub)); // read, and cached

        behindItsBack(sub, "Written Behind Its Back");
        assertEquals("Cached Name", names(sub).get(sub), "served from the cache");
        assertEquals("Cached Name", byHandle(handle, null).getString("display_name"), "by handle too");

        Api.as(handle)
                .body(Map.of("display_name", "Renamed", "bio", "new bio"))
                .put("/api/profile/update")
                .then()
                .statusCode(200);
        Map<String, String> names = names(sub, SharedStack.get().sub(other));
        assertEquals("Renamed", names.get(sub), "the service's own write shows at once");
        assertEquals("Neighbour", names.get(SharedStack.get().sub(other)), "each user's own profile");
        assertEquals("new bio", byHandle(handle, null).getString("bio"));
        assertEquals("Renamed", byHandles(handle).getString("[0].display_name"));
    }

    @Test
    void followsChangeTheCountsAndTheViewersFlagAtOnce() {
        String fan = SharedStack.get().createUser("cfan", "Fan");
        String bystander = SharedStack.get().createUser("cbystander", "Bystander");
        String star = SharedStack.get().createUser("cstar", "Star");
        String fanSub = SharedStack.get().sub(fan);
        String bystanderSub = SharedStack.get().sub(bystander);
        assertEquals(0, byHandle(star, fanSub).getInt("followers_count"));
        assertEquals(false, byHandle(star, fanSub).getBoolean("following"));
        assertEquals(0, byHandle(fan, null).getInt("following_count"));

        Api.as(fan).post("/api/users/@" + star + "/follow").then().statusCode(200);
        JsonPath asFan = byHandle(star, fanSub);
        assertEquals(1, asFan.getInt("followers_count"));
        assertEquals(true, asFan.getBoolean("following"));
        assertEquals(false, byHandle(star, bystanderSub).getBoolean("following"), "another viewer's flag is theirs");
        assertEquals(false, byHandle(star, null).getBoolean("following"), "no viewer: not following");
        assertEquals(1, byHandle(fan, null).getInt("following_count"));

        Api.as(fan).delete("/api/users/@" + star + "/follow").then().statusCode(200);
        assertEquals(0, byHandle(star, fanSub).getInt("followers_count"));
        assertEquals(false, byHandle(star, fanSub).getBoolean("following"));
        assertEquals(0, byHandle(fan, null).getInt("following_count"));
    }

    @Test
    void anInvalidViewerIsRefused() {
        String handle = SharedStack.get().createUser("viewed", "Viewed");
        Api.anonymous()
                .get("/internal/users/by-handle/" + handle + "?viewer=not-a-sub")
                .then()
                .statusCode(422)
                .body("[0]", equalTo("viewer_invalid"));
    }

    private void behindItsBack(String sub, String name) {
        dynamoDb.updateItem(r -> r.tableName(config.table())
                .key(Map.of("pk", AttributeValue.fromS("USER#" + sub)))
                .updateExpression("SET display_name = :name")
                .expressionAttributeValues(Map.of(":name", AttributeValue.fromS(name))));
    }

    private static Map<String, String> names(String... subs) {
        List<Map<String, String>> found = Api.anonymous()
                .queryParam("sub", (Object[]) subs)
                .get("/internal/users")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("$");
        return found.stream().collect(Collectors.toMap(p -> p.get("uuid"), p -> p.get("display_name"), (a, b) -> a));
    }

    private static JsonPath byHandle(String handle, String viewer) {
        var request = Api.anonymous();
        if (viewer != null) {
            request = request.queryParam("viewer", viewer);
        }
        return request.get("/internal/users/by-handle/" + handle)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static JsonPath byHandles(String handle) {
        return Api.anonymous()
                .queryParam("handle", handle)
                .get("/internal/users/by-handles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
