package com.cruddur.activities.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.activities.Activity;
import com.cruddur.common.aws.Batches;
import com.cruddur.common.concurrent.FanOut;
import com.cruddur.common.concurrent.InParallel;
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
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Activities, their likes and reposts, search tokens and idempotency keys, in one DynamoDB table. Every read is a
 * GetItem, a Query or a batch get; expired items are filtered here, since DynamoDB's TTL deletes them only lazily.
 */
@ApplicationScoped
public class ActivityRepository {

    /** A page of items and whether more follow. */
    public record Page<T>(List<T> items, boolean hasMore) {}

    public enum Marker {
        LIKE,
        REPOST
    }

    /** Feed order, newest position first; compares as {@link #position} does, without formatting the time. */
    public static final Comparator<Activity> NEWEST_FIRST = Comparator.comparing(Activity::createdAt)
            .thenComparing(Activity::uuid)
            .reversed();

    private static final String ON = "ON";
    private static final String OFF = "OFF";

    private final DynamoDbClient dynamoDb;
    private final ActivitiesTable table;
    private final FanOut executor;

    public ActivityRepository(DynamoDbClient dynamoDb, ActivitiesTable table, FanOut executor) {
        this.dynamoDb = dynamoDb;
        this.table = table;
        this.executor = executor;
    }

    /** The table's name, for what other parts keep in it (idempotency claims). */
    public String table() {
        return table.name();
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
        return "A".equals(item.get("sk").s()) && item.get("pk").s().startsWith("ACT#")
                ? Optional.of(toActivity(item))
                : Optional.empty();
    }

    /**
     * Counts a reply in its parent's {@code replies_count}, once however often it is called: the parent records the
     * replies it counted. The parent as it is now when this call counted it; empty when the parent is gone or the
     * reply was counted already.
     */
    public Optional<Activity> countReply(String parentUuid, String replyUuid) {
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table.name())
                            .key(activityKey(parentUuid))
                            .updateExpression("ADD replies_count :one, counted_replies :reply")
                            .conditionExpression("attribute_exists(pk) AND NOT contains(counted_replies, :uuid)")
                            .expressionAttributeValues(Map.of(
                                    ":one",
                                    n(1),
                                    ":reply",
                                    AttributeValue.fromSs(List.of(replyUuid)),
                                    ":uuid",
                                    s(replyUuid)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return Optional.of(toActivity(updated));
        } catch (ConditionalCheckFailedException countedOrGone) {
            return Optional.empty();
        }
    }

    public Optional<Activity> find(String uuid) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table.name()).key(activityKey(uuid)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toActivity(item));
    }

    /** The activities with these uuids that exist, in the order asked. */
    public List<Activity> findAll(List<String> uuids) {
        Map<String, Activity> found = new HashMap<>();
        batchGet(uuids.stream().distinct().map(ActivityRepository::activityKey).toList())
                .forEach(item -> found.put(item.get("uuid").s(), toActivity(item)));
        return uuids.stream().filter(found::containsKey).map(found::get).toList();
    }

    /**
     * Live cruds of the home feed, newest first, older than {@code after}: each feed partition is read newest first
     * and the partitions are merged, so the global order holds whatever partition a crud was written to. The
     * partitions are read at once.
     */
    public Page<Activity> feed(int shards, Optional<String> after, Instant now, int limit) {
        List<String> partitions = new ArrayList<>();
        for (int shard = 0; shard < shards; shard++) {
            partitions.add("FEED#" + shard);
        }
        return merged(ActivitiesTable.FEED_INDEX, "gsi1pk", "gsi1sk", partitions, after, now, limit);
    }

    /**
     * Live cruds of these authors, newest first, older than {@code after}: each author's list ({@code author} index)
     * is read at once and the lists are merged, as the feed's partitions are (the following feed).
     */
    public Page<Activity> byAuthors(Collection<String> subs, Optional<String> after, Instant now, int limit) {
        List<String> partitions =
                subs.stream().distinct().map(sub -> "AUTHOR#" + sub).toList();
        return merged(ActivitiesTable.AUTHOR_INDEX, "gsi2pk", "gsi2sk", partitions, after, now, limit);
    }

    private Page<Activity> merged(
            String index,
            String hashKey,
            String sortKey,
            List<String> partitions,
            Optional<String> after,
            Instant now,
            int limit) {
        List<Supplier<List<Activity>>> reads = new ArrayList<>();
        for (String partition : partitions) {
            reads.add(() -> queryLive(index, hashKey, sortKey, partition, after, false, now, limit + 1));
        }
        List<Activity> merged = new ArrayList<>();
        InParallel.all(executor, reads).forEach(merged::addAll);
        merged.sort(NEWEST_FIRST);
        return page(merged, limit);
    }

    /** A user's live cruds, newest first. */
    public Page<Activity> byAuthor(String sub, Optional<String> after, Instant now, int limit) {
        return page(
                queryLive(
                        ActivitiesTable.AUTHOR_INDEX,
                        "gsi2pk",
                        "gsi2sk",
                        "AUTHOR#" + sub,
                        after,
                        false,
                        now,
                        limit + 1),
                limit);
    }

    /** A page of the live replies to an activity, oldest first, after {@code after}. */
    public Page<Activity> replies(String uuid, Optional<String> after, Instant now, int limit) {
        return page(
                queryLive(
                        ActivitiesTable.FEED_INDEX, "gsi1pk", "gsi1sk", "REPLIES#" + uuid, after, true, now, limit + 1),
                limit);
    }

    /** How many live cruds a user has, and when the first of them expires ({@code null}: none). */
    public record LiveCount(long count, Instant firstExpiry) {}

    /** A user's live cruds counted, reading only their expiry times. */
    public LiveCount countLiveByAuthor(String sub, Instant now) {
        long count = 0;
        Instant first = null;
        for (QueryResponse response : dynamoDb.queryPaginator(r -> r.tableName(table.name())
                .indexName(ActivitiesTable.AUTHOR_INDEX)
                .keyConditionExpression("gsi2pk = :pk")
                .filterExpression("expires_at > :now")
                .projectionExpression("expires_at")
                .expressionAttributeValues(Map.of(":pk", s("AUTHOR#" + sub), ":now", s(Timestamps.format(now)))))) {
            for (Map<String, AttributeValue> item : response.items()) {
                Instant expires = Timestamps.parse(item.get("expires_at").s());
                first = first == null || expires.isBefore(first) ? expires : first;
                count++;
            }
        }
        return new LiveCount(count, first);
    }

    /** A like or repost item: who, of what, and whether it stands ({@code on}) or was taken back (a tombstone). */
    public record MarkerState(String uuid, Marker marker, String sub, boolean on) {}

    /**
     * Records that {@code sub} liked or reposted, with the outbox attributes of its event: this put is the reaction's
     * one commit point, and the counter is derived from it ({@link #countMarker}). False when it stood already (also
     * when the SDK retried this very put after its first attempt landed: the item carries its event either way).
     */
    public boolean putMarker(Activity activity, Marker marker, String sub, Map<String, AttributeValue> outbox) {
        Map<String, AttributeValue> item = markerKey(activity.uuid(), marker, sub);
        item.putAll(outbox);
        item.put("state", s(ON));
        item.put("ttl", ttl(activity.expiresAt()));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name())
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR #state = :off")
                    .expressionAttributeNames(Map.of("#state", "state"))
                    .expressionAttributeValues(Map.of(":off", s(OFF))));
            return true;
        } catch (ConditionalCheckFailedException already) {
            return false;
        }
    }

    /**
     * Takes back the like or repost of {@code sub}: the marker becomes a tombstone carrying the outbox attributes of
     * its event, deleted by the relay once delivered. False when there was none standing.
     */
    public boolean removeMarker(String uuid, Marker marker, String sub, Map<String, AttributeValue> outbox) {
        Map<String, String> names = new HashMap<>(Map.of("#state", "state"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":on", s(ON), ":off", s(OFF)));
        StringBuilder set = new StringBuilder("SET #state = :off");
        outbox.forEach((name, value) -> {
            names.put("#" + name, name);
            values.put(":" + name, value);
            set.append(", #").append(name).append(" = :").append(name);
        });
        try {
            dynamoDb.updateItem(r -> r.tableName(table.name())
                    .key(markerKey(uuid, marker, sub))
                    .updateExpression(set.toString())
                    .conditionExpression("attribute_exists(pk) AND (attribute_not_exists(#state) OR #state = :on)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException absent) {
            return false;
        }
    }

    /** The like or repost an item of this table is, if it is one. */
    public static Optional<MarkerState> markerOf(Map<String, AttributeValue> item) {
        String sk = item.get("sk").s();
        int hash = sk.indexOf('#');
        if (!item.get("pk").s().startsWith("ACT#") || hash < 0 || !item.containsKey("state")) {
            return Optional.empty();
        }
        return Optional.of(new MarkerState(
                item.get("pk").s().substring("ACT#".length()),
                Marker.valueOf(sk.substring(0, hash)),
                sk.substring(hash + 1),
                ON.equals(item.get("state").s())));
    }

    /**
     * Brings the activity's counter in line with a marker, however often it is called: the activity records whom it
     * counted ({@code counted_likes}, {@code counted_reposts}), and a standing marker is added to the count only if
     * absent from that set, a tombstone taken off only if present. Returns the activity as it is now, or empty when
     * nothing changed (counted already, or the activity is gone).
     */
    public Optional<Activity> countMarker(MarkerState marker) {
        String counter = marker.marker() == Marker.LIKE ? "likes_count" : "reposts_count";
        String counted = marker.marker() == Marker.LIKE ? "counted_likes" : "counted_reposts";
        try {
            Map<String, AttributeValue> updated = dynamoDb.updateItem(r -> r.tableName(table.name())
                            .key(activityKey(marker.uuid()))
                            .updateExpression(
                                    marker.on() ? "ADD #c :one, #counted :subs" : "ADD #c :minus DELETE #counted :subs")
                            .conditionExpression(
                                    marker.on()
                                            ? "attribute_exists(pk) AND NOT contains(#counted, :sub)"
                                            : "contains(#counted, :sub)")
                            .expressionAttributeNames(Map.of("#c", counter, "#counted", counted))
                            .expressionAttributeValues(
                                    marker.on()
                                            ? Map.of(
                                                    ":one",
                                                    n(1),
                                                    ":subs",
                                                    AttributeValue.fromSs(List.of(marker.sub())),
                                                    ":sub",
                                                    s(marker.sub()))
                                            : Map.of(
                                                    ":minus",
                                                    n(-1),
                                                    ":subs",
                                                    AttributeValue.fromSs(List.of(marker.sub())),
                                                    ":sub",
                                                    s(marker.sub())))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
            return Optional.of(toActivity(updated));
        } catch (ConditionalCheckFailedException countedOrGone) {
            return Optional.empty();
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
        for (Map<String, AttributeValue> item : batchGet(keys)) {
            if (OFF.equals(item.getOrDefault("state", s(ON)).s())) {
                continue; // taken back, its event not yet relayed
            }
            String uuid = item.get("pk").s().substring("ACT#".length());
            String kind = item.get("sk").s().substring(0, item.get("sk").s().indexOf('#'));
            found.add(uuid + "|" + kind);
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
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
        }
        Batches.write(dynamoDb, table.name(), writes);
    }

    /** The uuids of live cruds indexed under {@code token}, newest first, with their positions. */
    public Page<String> searchToken(String token, Optional<String> after, Instant now, int limit) {
        List<String> positions = new ArrayList<>();
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":pk", s("TOKEN#" + token), ":now", s(Timestamps.format(now))));
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

    private List<Activity> queryLive(
            String index,
            String pkName,
            String skName,
            String pk,
            Optional<String> after,
            boolean ascending,
            Instant now,
            int limit) {
        List<Activity> found = new ArrayList<>();
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk), ":now", s(Timestamps.format(now))));
        after.ifPresent(p -> values.put(":after", s(p)));
        QueryRequest.Builder query = QueryRequest.builder()
                .tableName(table.name())
                .indexName(index)
                .keyConditionExpression(pkName + " = :pk"
                        + (after.isPresent() ? " AND " + skName + (ascending ? " > " : " < ") + ":after" : ""))
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
        return Batches.get(dynamoDb, table.name(), keys, true);
    }

    private static <T> Page<T> page(List<T> items, int limit) {
        return items.size() > limit
                ? new Page<>(List.copyOf(items.subList(0, limit)), true)
                : new Page<>(List.copyOf(items), false);
    }

    /** An activity's feed position, {@code <created_at>#<uuid>}: unique, and in time order. */
    public static String position(Activity activity) {
        return sortKey(activity.createdAt(), activity.uuid());
    }

    static String sortKey(Instant createdAt, String uuid) {
        return Timestamps.format(createdAt) + "#" + uuid;
    }

    private static Activity toActivity(Map<String, AttributeValue> item) {
        return new Activity(
                item.get("uuid").s(),
                item.get("author").s(),
                item.get("message").s(),
                Timestamps.parse(item.get("created_at").s()),
                Timestamps.parse(item.get("expires_at").s()),
                item.containsKey("reply_to") ? item.get("reply_to").s() : null,
                count(item, "replies_count"),
                count(item, "likes_count"),
                count(item, "reposts_count"));
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

    private static AttributeValue ttl(Instant expires) {
        return n(expires.getEpochSecond());
    }
}
