package com.cruddur.users.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.cache.CacheKeys;
import com.cruddur.common.cache.JsonCache;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.events.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Follows in the users table. A follow is two items: {@code FOLLOW#<follower>#<followed>}, the commit point, listed
 * under {@code FOLLOWING#<follower>}, and {@code FOLLOWER#<followed>#<follower>}, listed under
 * {@code FOLLOWERS#<followed>}; both sort by {@code <followed at>#<other sub>} in the {@code follows} index. The
 * counts are counters on the two profiles. docs/follows.md.
 */
@ApplicationScoped
public class FollowRepository {

    /** A page of subs, newest follow first, and the position of the last one when there are more. */
    public record Page(List<String> subs, Optional<String> next) {}

    private final DynamoDbClient dynamoDb;
    private final UsersTable table;
    private final UserRepository users;
    private final JsonCache cache;
    private final Outbox outbox;

    public FollowRepository(
            DynamoDbClient dynamoDb, UsersTable table, UserRepository users, JsonCache cache, Outbox outbox) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.users = users;
        this.cache = cache;
        this.outbox = outbox;
    }

    /** Whether {@code follower} follows {@code followed}: cached, and deleted by {@link #follow} and {@link #unfollow}. */
    public boolean follows(String follower, String followed) {
        return cache.getOrLoad(CacheKeys.follows(follower, followed), Boolean.class, CacheKeys.USER_TTL, () -> {
            Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                            .key(key(followKey(follower, followed)))
                            .consistentRead(true))
                    .item();
            return item != null && !item.isEmpty();
        });
    }

    /**
     * Records that {@code follower} follows {@code followed}; false when it did already. The follow item is the commit
     * point and carries the {@code user.followed} event (the followed user's notification) in the outbox. The
     * follower's side is put again either way, so a follow that stopped half-way is completed by the next attempt.
     */
    public boolean follow(String follower, String followed, Instant at) {
        try {
            return put(follower, followed, at);
        } finally {
            cache.delete(CacheKeys.follows(follower, followed)); // also when the outcome is unknown
        }
    }

    private boolean put(String follower, String followed, Instant at) {
        String position = Timestamps.format(at);
        Map<String, AttributeValue> follow =
                item(followKey(follower, followed), "FOLLOWING#" + follower, position, followed, follower, followed);
        follow.putAll(outbox.pending(List.of(Event.of(
                Event.USER_FOLLOWED,
                position,
                follower,
                followed,
                new Event.Subject(null, null, null, null, null, null, null, null, null, null)))));
        boolean created;
        try {
            dynamoDb.putItem(
                    r -> r.tableName(table.name()).item(follow).conditionExpression("attribute_not_exists(pk)"));
            created = true;
            outbox.committed();
        } catch (ConditionalCheckFailedException exists) {
            created = false;
        }
        try {
            dynamoDb.putItem(r -> r.tableName(table.name())
                    .item(item(
                            followerKey(followed, follower),
                            "FOLLOWERS#" + followed,
                            position,
                            follower,
                            follower,
                            followed))
                    .conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // stored by an earlier attempt: its time stays
        }
        if (created) {
            users.addToCount(follower, "following_count", 1);
            users.addToCount(followed, "followers_count", 1);
        }
        return created;
    }

    /** Removes the follow; false when there was none. Both items go either way. */
    public boolean unfollow(String follower, String followed) {
        try {
            return delete(follower, followed);
        } finally {
            cache.delete(CacheKeys.follows(follower, followed));
        }
    }

    private boolean delete(String follower, String followed) {
        Map<String, AttributeValue> old = dynamoDb.deleteItem(r -> r.tableName(table.name())
                        .key(key(followKey(follower, followed)))
                        .returnValues(ReturnValue.ALL_OLD))
                .attributes();
        dynamoDb.deleteItem(r -> r.tableName(table.name()).key(key(followerKey(followed, follower))));
        boolean removed = old != null && !old.isEmpty();
        if (removed) {
            users.addToCount(follower, "following_count", -1);
            users.addToCount(followed, "followers_count", -1);
        }
        return removed;
    }

    /** Whom {@code sub} follows, newest first, after the position {@code after}. */
    public Page following(String sub, Optional<String> after, int limit) {
        return page("FOLLOWING#" + sub, after.map(position -> followKey(sub, otherSub(position))), after, limit);
    }

    /** Who follows {@code sub}, newest first, after the position {@code after}. */
    public Page followers(String sub, Optional<String> after, int limit) {
        return page("FOLLOWERS#" + sub, after.map(position -> followerKey(sub, otherSub(position))), after, limit);
    }

    /**
     * The subs {@code sub} follows, the most recent follow first, at most {@code max}: every page of the list, for
     * the following feed (docs/following-feed.md).
     */
    public List<String> allFollowing(String sub, int max) {
        return dynamoDb
                .queryPaginator(r -> r.tableName(table.name())
                        .indexName(UsersTable.FOLLOWS_INDEX)
                        .keyConditionExpression("gsi1pk = :list")
                        .expressionAttributeValues(Map.of(":list", s("FOLLOWING#" + sub)))
                        .projectionExpression("#other") // a reserved word
                        .expressionAttributeNames(Map.of("#other", "other"))
                        .scanIndexForward(false))
                .items()
                .stream()
                .limit(max)
                .map(item -> item.get("other").s())
                .toList();
    }

    private Page page(String list, Optional<String> afterKey, Optional<String> after, int limit) {
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(UsersTable.FOLLOWS_INDEX)
                .keyConditionExpression("gsi1pk = :list")
                .expressionAttributeValues(Map.of(":list", s(list)))
                .scanIndexForward(false)
                .limit(limit + 1);
        afterKey.ifPresent(pk -> query.exclusiveStartKey(
                Map.of(UsersTable.PK, s(pk), "gsi1pk", s(list), "gsi1sk", s(after.orElseThrow()))));
        List<Map<String, AttributeValue>> items = dynamoDb.query(query.build()).items();
        List<Map<String, AttributeValue>> shown = items.subList(0, Math.min(limit, items.size()));
        Optional<String> next = items.size() > limit
                ? Optional.of(shown.get(limit - 1).get("gsi1sk").s())
                : Optional.empty();
        return new Page(shown.stream().map(item -> item.get("other").s()).toList(), next);
    }

    private static Map<String, AttributeValue> item(
            String pk, String list, String position, String other, String follower, String followed) {
        Map<String, AttributeValue> item = key(pk);
        item.put("gsi1pk", s(list));
        item.put("gsi1sk", s(position + "#" + other));
        item.put("other", s(other));
        item.put("follower", s(follower));
        item.put("followed", s(followed));
        item.put("followed_at", s(position));
        return item;
    }

    private static String otherSub(String position) {
        return position.substring(position.indexOf('#') + 1);
    }

    private static String followKey(String follower, String followed) {
        return "FOLLOW#" + follower + "#" + followed;
    }

    private static String followerKey(String followed, String follower) {
        return "FOLLOWER#" + followed + "#" + follower;
    }
}
