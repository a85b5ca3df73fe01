package com.cruddur.notifications.repository;

import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.aws.Attributes;
import com.cruddur.common.aws.Batches;
import com.cruddur.common.time.Timestamps;
import com.cruddur.notifications.Notification;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Notifications in DynamoDB, one partition per recipient. Each notification has an id pointer ({@code ID#<uuid>})
 * that records the last event applied to it, which makes processing idempotent and lets an unlike remove the like.
 */
@ApplicationScoped
public class NotificationRepository {

    /** The last event applied to a notification id: where its item is ({@code at}, absent once removed). */
    public record Pointer(String eventId, String eventTime, Optional<String> at) {}

    public record Page(List<Notification> items, Optional<String> next) {}

    private static final String ITEM_PREFIX = "N#";

    /** The most unread notifications read at once (for the unread count, and marking all read). */
    public static final int UNREAD_MAX = 1000;

    private final DynamoDbClient dynamoDb;
    private final NotificationsTable table;

    public NotificationRepository(DynamoDbClient dynamoDb, NotificationsTable table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public Optional<Pointer> pointer(String recipient, String uuid) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                        .key(key(recipient, "ID#" + uuid))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Pointer(
                item.get("event_id").s(),
                item.get("event_time").s(),
                Optional.ofNullable(item.get("at")).map(AttributeValue::s)));
    }

    /** Stores the notification; answers its sort key, for {@link #point}. */
    public String put(Notification n) {
        String at = ITEM_PREFIX + position(n);
        Map<String, AttributeValue> item = key(n.recipientSub(), at);
        item.put("uuid", s(n.uuid()));
        item.put("kind", s(n.kind().name()));
        item.put("actor", s(n.actorSub()));
        item.put("subject", s(n.subjectUuid()));
        putIfPresent(item, "activity_uuid", n.activityUuid());
        putIfPresent(item, "reply_to", n.replyTo());
        putIfPresent(item, "message_group_uuid", n.messageGroupUuid());
        item.put("message", s(n.message()));
        item.put("created_at", s(Timestamps.format(n.createdAt())));
        item.put("expires_at", s(Timestamps.format(n.expiresAt())));
        item.put("ttl", n(n.expiresAt().getEpochSecond()));
        item.put("replies_count", n(n.repliesCount()));
        item.put("reposts_count", n(n.repostsCount()));
        item.put("likes_count", n(n.likesCount()));
        item.put("is_read", AttributeValue.builder().bool(n.read()).build());
        dynamoDb.putItem(r -> r.tableName(table.name()).item(item));
        return at;
    }

    /** Points the notification's id at its item {@code at}, for the event that made it: the event is applied. */
    public void point(Notification n, String eventId, String at) {
        Map<String, AttributeValue> pointer = key(n.recipientSub(), "ID#" + n.uuid());
        pointer.put("event_id", s(eventId));
        pointer.put("event_time", s(Timestamps.format(n.createdAt())));
        pointer.put("at", s(at));
        pointer.put("ttl", n(n.expiresAt().getEpochSecond()));
        dynamoDb.putItem(r -> r.tableName(table.name()).item(pointer));
    }

    /**
     * The notifications stored at these sort keys that the list would still show at {@code now}, by sort key (one
     * batch read, consistent).
     */
    public Map<String, Notification> listed(String recipient, List<String> ats, Instant now) {
        Map<String, Notification> found = new HashMap<>();
        for (Map<String, AttributeValue> item : Batches.get(
                dynamoDb,
                table.name(),
                ats.stream().distinct().map(at -> key(recipient, at)).toList(),
                true)) {
            Notification n = toNotification(recipient, item);
            if (n.kind() != Notification.Kind.MESSAGE && n.expiresAt().isAfter(now)) {
                found.put(item.get("sk").s(), n);
            }
        }
        return found;
    }

    /** Removes the item a pointer points at. */
    public void deleteItem(String recipient, String at) {
        dynamoDb.deleteItem(r -> r.tableName(table.name()).key(key(recipient, at)));
    }

    /** Records that the notification {@code uuid} was taken back by the event at {@code eventTime}. */
    public void tombstone(String recipient, String uuid, String eventId, String eventTime, Instant expires) {
        Map<String, AttributeValue> pointer = key(recipient, "ID#" + uuid);
        pointer.put("event_id", s(eventId));
        pointer.put("event_time", s(eventTime));
        pointer.put("ttl", n(expires.getEpochSecond()));
        dynamoDb.putItem(r -> r.tableName(table.name()).item(pointer));
    }

    /** The recipient's live notifications, newest first. */
    public Page page(String recipient, Optional<String> after, Instant now, int limit) {
        List<Notification> found = new ArrayList<>();
        for (QueryResponse response : dynamoDb.queryPaginator(
                query(recipient, after, now, false).limit(limit + 2).build())) {
            for (Map<String, AttributeValue> item : response.items()) {
                Notification n = toNotification(recipient, item);
                if (after.isEmpty() || !position(n).equals(after.get())) {
                    found.add(n);
                }
            }
            if (found.size() > limit) {
                break;
            }
        }
        if (found.size() > limit) {
            return new Page(List.copyOf(found.subList(0, limit)), Optional.of(position(found.get(limit - 1))));
        }
        return new Page(List.copyOf(found), Optional.empty());
    }

    /** The recipient's live, unread notifications at or before {@code upTo} (all when empty), the newest {@code max}. */
    public List<Notification> unread(String recipient, Optional<String> upTo, Instant now, int max) {
        List<Notification> found = new ArrayList<>();
        for (QueryResponse response :
                dynamoDb.queryPaginator(query(recipient, upTo.map(at -> at.substring(ITEM_PREFIX.length())), now, true)
                        .limit(max)
                        .build())) {
            response.items().forEach(item -> found.add(toNotification(recipient, item)));
            if (found.size() >= max) {
                break;
            }
        }
        return found.size() > max ? List.copyOf(found.subList(0, max)) : found;
    }

    public void markRead(Notification n) {
        dynamoDb.updateItem(r -> r.tableName(table.name())
                .key(key(n.recipientSub(), ITEM_PREFIX + position(n)))
                .updateExpression("SET is_read = :yes")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(
                        Map.of(":yes", AttributeValue.builder().bool(true).build())));
    }

    /**
     * Items of the recipient, newest first, live at {@code now}, but messages (shown in their conversation, not in
     * this list); with {@code upTo}, those at or before that position; with {@code unreadOnly}, unread ones only.
     */
    private QueryRequest.Builder query(String recipient, Optional<String> upTo, Instant now, boolean unreadOnly) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s("USER#" + recipient));
        values.put(":prefix", s(ITEM_PREFIX));
        values.put(":now", s(Timestamps.format(now)));
        values.put(":message", s(Notification.Kind.MESSAGE.name()));
        upTo.ifPresent(position -> values.put(":upto", s(ITEM_PREFIX + position)));
        if (unreadOnly) {
            values.put(":no", AttributeValue.builder().bool(false).build());
        }
        return QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression(
                        upTo.isPresent()
                                ? "pk = :pk AND sk BETWEEN :prefix AND :upto"
                                : "pk = :pk AND begins_with(sk, :prefix)")
                .filterExpression("expires_at > :now AND #kind <> :message" + (unreadOnly ? " AND is_read = :no" : ""))
                .expressionAttributeNames(Map.of("#kind", "kind"))
                .expressionAttributeValues(values)
                .scanIndexForward(false);
    }

    /** {@code <created_at>#<uuid>}: unique per recipient, and in time order. */
    public static String position(Notification n) {
        return Timestamps.format(n.createdAt()) + "#" + n.uuid();
    }

    private static Notification toNotification(String recipient, Map<String, AttributeValue> item) {
        return new Notification(
                item.get("uuid").s(),
                recipient,
                Notification.Kind.valueOf(item.get("kind").s()),
                item.get("actor").s(),
                item.get("subject").s(),
                text(item, "activity_uuid"),
                text(item, "reply_to"),
                text(item, "message_group_uuid"),
                item.get("message").s(),
                Timestamps.parse(item.get("created_at").s()),
                Timestamps.parse(item.get("expires_at").s()),
                Long.parseLong(item.get("replies_count").n()),
                Long.parseLong(item.get("reposts_count").n()),
                Long.parseLong(item.get("likes_count").n()),
                item.get("is_read").bool());
    }

    private static String text(Map<String, AttributeValue> item, String name) {
        return item.containsKey(name) ? item.get(name).s() : null;
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, s(value));
        }
    }

    private static Map<String, AttributeValue> key(String recipient, String sk) {
        return Attributes.key("USER#" + recipient, sk);
    }
}
