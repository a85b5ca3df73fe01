package com.cruddur.activities.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.activities.Activity;
import com.cruddur.common.aws.Batches;
import com.cruddur.common.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Activities, their likes and reposts, search tokens and idempotency keys, in one DynamoDB table. Every read is a
 * GetItem, a Query or a batch get; expired items are filtered here, since DynamoDB's TTL deletes them only lazily.
 */
@ApplicationScoped
public class ActivityRepository {

    /** A page of items and whether more follow. */
    public record Page<T>(List<T> items, boolean hasMore) {
    }

    public enum Marker { LIKE, REPOST }

    private static final int BATCH_GET_LIMIT = 100;
    private static final int BATCH_WRITE_LIMIT = 25;

    private final DynamoDbClient dynamoDb;
    private final ActivitiesTable table;

    public ActivityRepository(DynamoDbClient dynamoDb, ActivitiesTable table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * Stores a new crud (in the feed partition {@code shard}) or reply, with the outbox attributes of what is still
     * to be derived from it and delivered: this put is the write's one commit point. Its uuid is new, so an item
     * already there is this very put, retried by the SDK after its first attempt landed.
     */
    public void insert(Activity activity, int shard, Map<String, AttributeValue> outbox) {
        Map<String, AttributeValue> item = activityKey(activity.uuid());
        item.putAll(outbox);
        item.put("uuid", s(activity.uuid()));
        item.put("author", s(activity.authorSub()));
        item.put("message", s(activity.message()));
        item.put("created_at", s(Timestamps.format(activity.createdAt())));
        item.put("expires_at", s(Timestamps.format(activity.expiresAt())));
        item.put("ttl", ttl(activity.expiresAt()));
        item.put("replies_count", n(0));
        item.put("likes_count", n(0));
        item.put("reposts_count", n(0));
        String position = sortKey(activity.createdAt(), activity.uuid());
        if (activity.isReply()) {
            item.put("reply_to", s(activity.replyTo()));
            item.put("gsi1pk", s("REPLIES#" + activity.replyTo()));
        } else {
            item.put("gsi1pk", s("FEED#" + shard));
            item.put("gsi2pk", s("AUTHOR#" + activity.authorSub()));
            item.put("gsi2sk", s(position));
        }
        item.put("gsi1sk", s(position));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException retried) {
            // our own first attempt
        }
    }

    /** The activity an item of this table is, if it is one (not a marker, token or outbox event). */
    public static Optional<Activity> activityOf(Map<String, AttributeValue> item) {
        return "A".equals(item.get("sk").s()) && item.get("pk").s().startsWith("ACT#") ? Optional.of(toActivity(item)) : Optional.empty();
    }

    /**
     * Counts a reply in its parent's {@code replies_count}, once however often it is called: the parent records the
     * replies it counted. False when the parent is gone or the reply was counted already.
     */
    public boolean countReply(String parentUuid, String replyUuid) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table.name()).key(activityKey(parentUuid))
                    .updateExpression("ADD replies_count :one, counted_replies :reply")
                    .conditionExpression("attribute_exists(pk) AND NOT contains(counted_replies, :uuid)")
                    .expressionAttributeValues(Map.of(":one", n(1), ":reply", AttributeValue.fromSs(List.of(replyUuid)),
                            ":uuid", s(replyUuid))));
            return true;
        } catch (ConditionalCheckFailedException countedOrGone) {
            return false;
        }
    }

    public Optional<Activity> find(String uuid) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                .key(activityKey(uuid)).consistentRead(true)).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toActivity(item));
    }

    /** The activities with these uuids that exist, in the order asked. */
    public List<Activity> findAll(List<String> uuids) {
        Map<String, Activity> found = new HashMap<>();
        for (List<Map<String, AttributeValue>> keys : chunks(uuids.stream().distinct().map(ActivityRepository::activityKey).toList(),
                BATCH_GET_LIMIT)) {
            batchGet(keys).forEach(item -> found.put(item.get("uuid").s(), toActivity(item)));
        }
        return uuids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * Live cruds of the home feed, newest first, older than {@code after}: each feed partition is read newest first
     * and the partitions are merged, so the global order holds whatever partition a crud was written to.
     */
    public Page<Activity> feed(int shards, Optional<String> after, Instant now, int limit) {
        List<Activity> merged = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            merged.addAll(queryLive(ActivitiesTable.FEED_INDEX, "gsi1pk", "gsi1sk", "FEED#" + shard, after, false, now, limit + 1));
        }
        merged.sort(Comparator.comparing((Activity a) -> position(a)).reversed());
        return page(merged, limit);
    }

    /** A user's live cruds, newest first. */
    public Page<Activity> byAuthor(String sub, Optional<String> after, Instant now, int limit) {
        return page(queryLive(ActivitiesTable.AUTHOR_INDEX, "gsi2pk", "gsi2sk", "AUTHOR#" + sub, after, false, now, limit + 1), limit);
    }

    /** A page of the live replies to an activity, oldest first, after {@code after}. */
    public Page<Activity> replies(String uuid, Optional<String> after, Instant now, int limit) {
        return page(queryLive(ActivitiesTable.FEED_INDEX, "gsi1pk", "gsi1sk", "REPLIES#" + uuid, after, true, now, limit + 1), limit);
    }

    /** How many live cruds a user has. */
    public long countLiveByAuthor(String sub, Instant now) {
        return dynamoDb.queryPaginator(r -> r.tableName(table.name()).indexName(ActivitiesTable.AUTHOR_INDEX)
                        .keyConditionExpression("gsi2pk = :pk")
                        .filterExpression("expires_at > :now")
                        .expressionAttributeValues(Map.of(":pk", s("AUTHOR#" + sub), ":now", s(Timestamps.format(now))))
                        .select(Select.COUNT))
                .stream().mapToLong(QueryResponse::count).sum();
    }

    /** Adds {@code delta} to a counter atomically; returns the activity as it is now. */
    public Optional<Activity> addToCounter(String uuid, String counter, int delta) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table.name())
                    .key(activityKey(uuid))
                    .updateExpression("ADD #c :d")
                    .conditionExpression("attribute_exists(pk)")
                    .expressionAttributeNames(Map.of("#c", counter))
                    .expressionAttributeValues(Map.of(":d", n(delta)))
                    .returnValues(ReturnValue.ALL_NEW)).attributes();
            return Optional.of(toActivity(updated));
        } catch (ConditionalCheckFailedException gone) {
            return Optional.empty();
        }
    }

    /** Records that {@code sub} liked or reposted; false when it was already so. */
    public boolean putMarker(Activity activity, Marker marker, String sub) {
        Map<String, AttributeValue> item = markerKey(activity.uuid(), marker, sub);
        item.put("ttl", ttl(activity.expiresAt()));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /** Removes the like or repost of {@code sub}; false when there was none. */
    public boolean deleteMarker(String uuid, Marker marker, String sub) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(table.name()).key(markerKey(uuid, marker, sub))
                    .conditionExpression("attribute_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    /** Which of these activities {@code sub} liked or reposted, as {@code "<uuid>|LIKE"} and {@code "<uuid>|REPOST"}. */
    public Set<String> markersOf(String sub, Collection<String> uuids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String uuid : new LinkedHashSet<>(uuids)) {
            for (Marker marker : Marker.values()) {
                keys.add(markerKey(uuid, marker, sub));
            }
        }
        Set<String> found = new HashSet<>();
        for (List<Map<String, AttributeValue>> chunk : chunks(keys, BATCH_GET_LIMIT)) {
            for (Map<String, AttributeValue> item : batchGet(chunk)) {
                String uuid = item.get("pk").s().substring("ACT#".length());
                String kind = item.get("sk").s().substring(0, item.get("sk").s().indexOf('#'));
                found.add(uuid + "|" + kind);
            }
        }
        return found;
    }

    /** Indexes a crud under each of its search tokens. */
    public void putTokens(Activity activity, Collection<String> tokens) {
        List<WriteRequest> writes = new ArrayList<>();
        for (String token : tokens) {
            Map<String, AttributeValue> item = new HashMap<>();
            item.put("pk", s("TOKEN#" + token));
            item.put("sk", s(position(activity)));
            item.put("uuid", s(activity.uuid()));
            item.put("expires_at", s(Timestamps.format(activity.expiresAt())));
            item.put("ttl", ttl(activity.expiresAt()));
            writes.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
        }
        for (List<WriteRequest> chunk : chunks(writes, BATCH_WRITE_LIMIT)) {
            Batches.write(dynamoDb, table.name(), chunk);
        }
    }

    /** The uuids of live cruds indexed under {@code token}, newest first, with their positions. */
    public Page<String> searchToken(String token, Optional<String> after, Instant now, int limit) {
        List<String> positions = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s("TOKEN#" + token), ":now", s(Timestamps.format(now))));
        after.ifPresent(p -> values.put(":after", s(p)));
        for (QueryResponse response : dynamoDb.queryPaginator(r -> r.tableName(table.name())
                .keyConditionExpression("pk = :pk" + (after.isPresent() ? " AND sk < :after" : ""))
                .filterExpression("expires_at > :now")
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit + 1))) {
            response.items().forEach(item -> positions.add(item.get("sk").s()));
            if (positions.size() > limit) {
                break;
            }
        }
        return page(positions, limit);
    }

    /** A claim of an idempotency key: the uuid its request writes, that request's hash, and until when it holds. */
    public record Claim(String uuid, String requestHash, Instant leaseUntil) {
    }

    /**
     * Claims an idempotency key for {@code sub}, for the request that will write {@code uuid}: stores the uuid, the
     * request's hash and a lease, unless a claim younger than 24 hours exists. A claim holding our own uuid is ours:
     * the SDK's retry of this very put finds the claim its first attempt made.
     * @return the existing claim of another request, or empty when the key is ours
     */
    public Optional<Claim> claimIdempotencyKey(String sub, String key, String requestHash, String uuid, Instant now,
            Instant leaseUntil, Instant expires) {
        Map<String, AttributeValue> item = idempotencyKey(sub, key);
        item.put("uuid", s(uuid));
        item.put("request_hash", s(requestHash));
        item.put("lease_until", s(Timestamps.format(leaseUntil)));
        item.put("expires_at", s(Timestamps.format(expires)));
        item.put("ttl", ttl(expires));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expires_at <= :now")
                    .expressionAttributeValues(Map.of(":now", s(Timestamps.format(now)))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException claimed) {
            return Optional.ofNullable(claimOf(sub, key)).filter(claim -> !claim.uuid().equals(uuid));
        }
    }

    /**
     * Takes over a claim whose lease ran out and whose activity was never written, for the request that will write
     * {@code uuid}; false when another request took it first.
     */
    public boolean takeOverIdempotencyKey(String sub, String key, Claim expired, String uuid, Instant leaseUntil) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table.name()).key(idempotencyKey(sub, key))
                    .updateExpression("SET #uuid = :uuid, lease_until = :lease")
                    .conditionExpression("#uuid = :old")
                    .expressionAttributeNames(Map.of("#uuid", "uuid"))
                    .expressionAttributeValues(Map.of(":uuid", s(uuid), ":lease", s(Timestamps.format(leaseUntil)),
                            ":old", s(expired.uuid()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            Claim now = claimOf(sub, key);
            return now != null && now.uuid().equals(uuid); // our own retried update
        }
    }

    private Claim claimOf(String sub, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                .key(idempotencyKey(sub, key)).consistentRead(true)).item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        return new Claim(item.get("uuid").s(), item.get("request_hash").s(),
                item.containsKey("lease_until") ? Timestamps.parse(item.get("lease_until").s()) : Instant.EPOCH);
    }

    private List<Activity> queryLive(String index, String pkName, String skName, String pk, Optional<String> after,
            boolean ascending, Instant now, int limit) {
        List<Activity> found = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk), ":now", s(Timestamps.format(now))));
        after.ifPresent(p -> values.put(":after", s(p)));
        QueryRequest.Builder query = QueryRequest.builder().tableName(table.name()).indexName(index)
                .keyConditionExpression(pkName + " = :pk" + (after.isPresent() ? " AND " + skName + (ascending ? " > " : " < ") + ":after" : ""))
                .filterExpression("expires_at > :now")
                .expressionAttributeValues(values)
                .scanIndexForward(ascending);
        if (limit < Integer.MAX_VALUE) {
            query.limit(limit);
        }
        for (QueryResponse response : dynamoDb.queryPaginator(query.build())) {
            response.items().forEach(item -> found.add(toActivity(item)));
            if (found.size() >= limit) {
                break;
            }
        }
        return found.size() > limit ? found.subList(0, limit) : found;
    }

    private List<Map<String, AttributeValue>> batchGet(List<Map<String, AttributeValue>> keys) {
        return Batches.get(dynamoDb, table.name(), KeysAndAttributes.builder().keys(keys).consistentRead(true).build());
    }

    private static <T> Page<T> page(List<T> items, int limit) {
        return items.size() > limit ? new Page<>(List.copyOf(items.subList(0, limit)), true) : new Page<>(List.copyOf(items), false);
    }

    private static <T> List<List<T>> chunks(List<T> items, int size) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += size) {
            chunks.add(items.subList(from, Math.min(from + size, items.size())));
        }
        return chunks;
    }

    /** An activity's feed position, {@code <created_at>#<uuid>}: unique, and in time order. */
    public static String position(Activity activity) {
        return sortKey(activity.createdAt(), activity.uuid());
    }

    static String sortKey(Instant createdAt, String uuid) {
        return Timestamps.format(createdAt) + "#" + uuid;
    }

    private static Activity toActivity(Map<String, AttributeValue> item) {
        return new Activity(item.get("uuid").s(), item.get("author").s(), item.get("message").s(),
                Timestamps.parse(item.get("created_at").s()), Timestamps.parse(item.get("expires_at").s()),
                item.containsKey("reply_to") ? item.get("reply_to").s() : null,
                count(item, "replies_count"), count(item, "likes_count"), count(item, "reposts_count"));
    }

    private static long count(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? Long.parseLong(item.get(name).n()) : 0;
    }

    private static Map<String, AttributeValue> activityKey(String uuid) {
        return key("ACT#" + uuid, "A");
    }

    private static Map<String, AttributeValue> markerKey(String uuid, Marker marker, String sub) {
        return key("ACT#" + uuid, marker.name() + "#" + sub);
    }

    private static Map<String, AttributeValue> idempotencyKey(String sub, String key) {
        return key("IDEM#" + sub + "#" + key, "I");
    }

    private static AttributeValue ttl(Instant expires) {
        return n(expires.getEpochSecond());
    }
}
