package com.cruddur.users.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.aws.Batches;
import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import com.cruddur.users.User;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Users and handle claims in DynamoDB. Every write that must be unique is a conditional write.
 * <p>
 * Reads go through the cache ({@code CRUDDUR_CACHE}): the users service is the owner of its users, so it keeps them
 * there and deletes a user's entry on every write of that user's item, here and in {@link #addToCount} (docs/cache.md).
 * What fills the cache is read consistently, so no entry is older than the last write it followed. Users that do not
 * exist are not cached: they are provisioned on first use.
 */
@ApplicationScoped
public class UserRepository {

    private final DynamoDbClient dynamoDb;
    private final UsersTable table;
    private final JsonCache cache;

    public UserRepository(DynamoDbClient dynamoDb, UsersTable table, JsonCache cache) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.cache = cache;
    }

    public Optional<User> findBySub(String sub) {
        return findBySubs(List.of(sub)).stream().findFirst();
    }

    public Optional<User> findByHandle(String handle) {
        return findByHandles(List.of(handle)).stream().findFirst();
    }

    /** The users holding these handles (any letter case), in no particular order. */
    public List<User> findByHandles(Collection<String> handles) {
        Set<String> wanted = new LinkedHashSet<>();
        handles.forEach(handle -> wanted.add(handle.toLowerCase(Locale.ROOT)));
        Map<String, String> cached =
                cache.getAll(wanted.stream().map(CacheKeys::handle).toList(), String.class);
        List<String> subs = new ArrayList<>(cached.values());
        List<Map<String, AttributeValue>> keys = wanted.stream()
                .filter(handle -> !cached.containsKey(CacheKeys.handle(handle)))
                .map(handle -> key(handleKey(handle)))
                .toList();
        if (!keys.isEmpty()) {
            for (Map<String, AttributeValue> claim : Batches.get(dynamoDb, table.name(), keys, false)) {
                String sub = claim.get("sub").s();
                // a claim never changes hands: nothing invalidates it
                cache.put(
                        CacheKeys.handle(claim.get(UsersTable.PK).s().substring(HANDLE.length())),
                        sub,
                        CacheKeys.HANDLE_TTL);
                subs.add(sub);
            }
        }
        return subs.isEmpty() ? List.of() : findBySubs(subs);
    }

    /** The users among {@code subs} that exist, in no particular order: the cached ones, and the rest in batches. */
    public List<User> findBySubs(Collection<String> subs) {
        Set<String> wanted = new LinkedHashSet<>(subs);
        Map<String, User> cached =
                cache.getAll(wanted.stream().map(CacheKeys::user).toList(), User.class);
        List<User> found = new ArrayList<>(cached.values());
        List<Map<String, AttributeValue>> keys = wanted.stream()
                .filter(sub -> !cached.containsKey(CacheKeys.user(sub)))
                .map(sub -> key(userKey(sub)))
                .toList();
        if (!keys.isEmpty()) {
            long since = cache.since();
            for (Map<String, AttributeValue> item : Batches.get(dynamoDb, table.name(), keys, true)) {
                User user = toUser(item);
                cache.putLoaded(CacheKeys.user(user.sub()), user, CacheKeys.USER_TTL, since);
                found.add(user);
            }
        }
        return found;
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
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table.name())
                            .key(key(userKey(sub)))
                            .updateExpression("SET display_name = :name, bio = :bio")
                            .conditionExpression("attribute_exists(pk)")
                            .expressionAttributeValues(Map.of(":name", s(displayName), ":bio", s(bio)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return toUser(updated);
        } finally {
            changed(sub); // also when the write's outcome is unknown
        }
    }

    /** Adds {@code by} to one of the user's counts ({@code followers_count}, {@code following_count}). */
    public void addToCount(String sub, String counter, long by) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table.name())
                    .key(key(userKey(sub)))
                    .updateExpression("ADD " + counter + " :by")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeValues(Map.of(":by", n(by))));
        } finally {
            changed(sub);
        }
    }

    /** The user's item was written: the next read of it, by anyone, reads it afresh. */
    private void changed(String sub) {
        cache.delete(CacheKeys.user(sub));
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

    private static String userKey(String sub) {
        return "USER#" + sub;
    }

    private static final String HANDLE = "HANDLE#";

    private static String handleKey(String handle) {
        return HANDLE + handle.toLowerCase(Locale.ROOT);
    }
}
