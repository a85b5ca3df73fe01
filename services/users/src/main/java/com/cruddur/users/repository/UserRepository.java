package com.cruddur.users.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.aws.Batches;
import com.cruddur.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** Users and handle claims in DynamoDB. Every write that must be unique is a conditional write. */
@ApplicationScoped
public class UserRepository {

    private final DynamoDbClient dynamoDb;
    private final UsersTable table;

    public UserRepository(DynamoDbClient dynamoDb, UsersTable table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<User> findBySub(String sub) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table.name()).key(key(userKey(sub))).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toUser(item));
    }

    public Optional<User> findByHandle(String handle) {
        Map<String, AttributeValue> claim = dynamoDb.getItem(
                        r -> r.tableName(table.name()).key(key(handleKey(handle))))
                .item();
        if (claim == null || claim.isEmpty()) {
            return Optional.empty();
        }
        return findBySub(claim.get("sub").s());
    }

    /** The users holding these handles (any letter case), in no particular order: two batch reads. */
    public List<User> findByHandles(Collection<String> handles) {
        List<Map<String, AttributeValue>> keys = new LinkedHashSet<>(handles)
                .stream().map(h -> key(handleKey(h))).toList();
        List<String> subs = Batches.get(dynamoDb, table.name(), keys, false).stream()
                .map(item -> item.get("sub").s())
                .toList();
        return subs.isEmpty() ? List.of() : findBySubs(subs);
    }

    /** The users among {@code subs} that exist, in no particular order, read in batches. */
    public List<User> findBySubs(Collection<String> subs) {
        List<Map<String, AttributeValue>> keys =
                new LinkedHashSet<>(subs).stream().map(sub -> key(userKey(sub))).toList();
        return Batches.get(dynamoDb, table.name(), keys, false).stream()
                .map(UserRepository::toUser)
                .toList();
    }

    /**
     * Claims {@code handle} for {@code sub}; claiming a handle one already holds succeeds again.
     * @return false when another user holds the handle (in any letter case)
     */
    public boolean claimHandle(String handle, String sub) {
        Map<String, AttributeValue> item = key(handleKey(handle));
        item.put("sub", s(sub));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #sub = :sub")
                    .expressionAttributeNames(Map.of("#sub", "sub"))
                    .expressionAttributeValues(Map.of(":sub", s(sub))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** Stores a new user; when the user exists already (a concurrent first request), returns the stored one. */
    public User insertIfAbsent(User user) {
        Map<String, AttributeValue> item = key(userKey(user.sub()));
        item.put("sub", s(user.sub()));
        item.put("handle", s(user.handle()));
        item.put("display_name", s(user.displayName()));
        item.put("bio", s(user.bio()));
        if (user.email() != null) {
            item.put("email", s(user.email()));
        }
        item.put("created_at", s(user.createdAt().toString()));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return user;
        } catch (ConditionalCheckFailedException exists) {
            return findBySub(user.sub()).orElseThrow();
        }
    }

    /** Sets display name and bio of an existing user; returns the stored result. */
    public User updateProfile(String sub, String displayName, String bio) {
        Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table.name())
                        .key(key(userKey(sub)))
                        .updateExpression("SET display_name = :name, bio = :bio")
                        .conditionExpression("attribute_exists(pk)")
                        .expressionAttributeValues(Map.of(":name", s(displayName), ":bio", s(bio)))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        return toUser(updated);
    }

    private static User toUser(Map<String, AttributeValue> item) {
        return new User(
                item.get("sub").s(),
                item.get("handle").s(),
                item.get("display_name").s(),
                item.containsKey("bio") ? item.get("bio").s() : "",
                item.containsKey("email") ? item.get("email").s() : null,
                Instant.parse(item.get("created_at").s()),
                count(item, "followers_count"),
                count(item, "following_count"));
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    static String userKey(String sub) {
        return "USER#" + sub;
    }

    private static String handleKey(String handle) {
        return "HANDLE#" + handle.toLowerCase(Locale.ROOT);
    }
}
