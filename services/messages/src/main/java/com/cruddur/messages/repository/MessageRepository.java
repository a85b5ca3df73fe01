package com.cruddur.messages.repository;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.time.Timestamps;
import com.cruddur.messages.Message;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Conversations of two users in one DynamoDB table: the conversation, the claim of its pair of members, its
 * messages, and one inbox entry per member that always holds the conversation's newest message.
 */
@ApplicationScoped
public class MessageRepository {

    /** A conversation as one member sees it in their list. */
    public record InboxEntry(String groupUuid, String otherSub, String lastMessage, Instant lastAt, String position) {}

    public record Page<T>(List<T> items, Optional<String> next) {}

    private static final String MESSAGE_PREFIX = "MSG#";

    private final DynamoDbClient dynamoDb;
    private final MessagesTable table;

    public MessageRepository(DynamoDbClient dynamoDb, MessagesTable table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    /**
     * The conversation of this pair: {@code candidate} if this call creates it, otherwise the existing one. The claim
     * is a conditional put of one item per pair, so two users who start a conversation at the same moment get the
     * same one.
     */
    public String claimPair(String subA, String subB, String candidate, Instant now) {
        List<String> members = sorted(subA, subB);
        Map<String, AttributeValue> pair = key("PAIR#" + members.get(0) + "#" + members.get(1), "PAIR");
        pair.put("group_uuid", s(candidate));
        String group;
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(pair).conditionExpression("attribute_not_exists(pk)"));
            group = candidate;
        } catch (ConditionalCheckFailedException exists) {
            group = dynamoDb.getItem(r -> r.tableName(table.name())
                            .key(key(pair.get("pk").s(), "PAIR"))
                            .consistentRead(true))
                    .item()
                    .get("group_uuid")
                    .s();
        }
        // written after the claim, and again by any later start: idempotent, so a crash in between heals itself
        Map<String, AttributeValue> meta = key("GRP#" + group, "META");
        meta.put("uuid", s(group));
        meta.put(
                "members",
                AttributeValue.builder().l(s(members.get(0)), s(members.get(1))).build());
        meta.put("created_at", s(Timestamps.format(now)));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(meta).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException exists) {
            // the conversation is there already
        }
        return group;
    }

    /** The two members of a conversation, or empty for an unknown one. */
    public Optional<List<String>> members(String group) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                        .key(key("GRP#" + group, "META"))
                        .consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(
                item.get("members").l().stream().map(AttributeValue::s).toList());
    }

    /**
     * Stores a message to {@code recipient} with the outbox attributes of its event and inbox entries: the send's one
     * commit point. Its uuid is new, so an item already there is this very put, retried by the SDK.
     */
    public void insert(Message message, String recipient, Map<String, AttributeValue> outbox) {
        Map<String, AttributeValue> item = key("GRP#" + message.groupUuid(), MESSAGE_PREFIX + position(message));
        item.putAll(outbox);
        item.put("recipient", s(recipient));
        item.put("uuid", s(message.uuid()));
        item.put("sender", s(message.senderSub()));
        item.put("message", s(message.text()));
        item.put("created_at", s(Timestamps.format(message.createdAt())));
        try {
            dynamoDb.putItem(r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException retried) {
            // our own first attempt
        }
    }

    /** The message {@code uuid} of a conversation, stored at {@code at}, if it is there. */
    public Optional<Message> find(String group, String uuid, Instant at) {
        Map<String, AttributeValue> item = dynamoDb.getItem(r -> r.tableName(table.name())
                        .consistentRead(true)
                        .key(key("GRP#" + group, MESSAGE_PREFIX + Timestamps.format(at) + "#" + uuid)))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toMessage(group, item));
    }

    /** The table's name, for what other parts keep in it (idempotency claims). */
    public String table() {
        return table.name();
    }

    /** A message item of this table, with its recipient, if the item is one. */
    public static Optional<Map.Entry<Message, String>> messageOf(Map<String, AttributeValue> item) {
        if (!item.get("pk").s().startsWith("GRP#")
                || !item.get("sk").s().startsWith(MESSAGE_PREFIX)
                || !item.containsKey("recipient")) {
            return Optional.empty();
        }
        return Optional.of(Map.entry(
                toMessage(item.get("pk").s().substring("GRP#".length()), item),
                item.get("recipient").s()));
    }

    /**
     * Makes {@code message} the newest of {@code member}'s inbox entry for its conversation, unless a newer one is
     * there already: a conditional update, so concurrent messages never move the entry back in time.
     */
    public void recordLast(String member, String otherMember, Message message) {
        String last = position(message);
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":g", s(message.groupUuid()));
        values.put(":o", s(otherMember));
        values.put(":m", s(message.text()));
        values.put(":t", s(Timestamps.format(message.createdAt())));
        values.put(":k", s(last));
        values.put(":ipk", s("INBOX#" + member));
        values.put(":isk", s(Timestamps.format(message.createdAt()) + "#" + message.groupUuid()));
        try {
            dynamoDb.updateItem(r -> r.tableName(table.name())
                    .key(key("MEMBER#" + member, "GRP#" + message.groupUuid()))
                    .updateExpression(
                            "SET group_uuid = :g, other_member = :o, last_message = :m, last_at = :t, last_key = :k, "
                                    + "gsi1pk = :ipk, gsi1sk = :isk")
                    .conditionExpression("attribute_not_exists(last_key) OR last_key < :k")
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException newerAlready) {
            // a newer message of this conversation is recorded: keep it
        }
    }

    /** A member's conversations, the most recently active first. */
    public Page<InboxEntry> inbox(String member, Optional<String> after, int limit) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s("INBOX#" + member)));
        after.ifPresent(position -> values.put(":after", s(position)));
        List<InboxEntry> entries = new ArrayList<>();
        for (QueryResponse response : dynamoDb.queryPaginator(r -> r.tableName(table.name())
                .indexName(MessagesTable.INBOX_INDEX)
                .keyConditionExpression("gsi1pk = :pk" + (after.isPresent() ? " AND gsi1sk < :after" : ""))
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit + 1))) {
            response.items()
                    .forEach(item -> entries.add(new InboxEntry(
                            item.get("group_uuid").s(),
                            item.get("other_member").s(),
                            item.get("last_message").s(),
                            Timestamps.parse(item.get("last_at").s()),
                            item.get("gsi1sk").s())));
            if (entries.size() > limit) {
                break;
            }
        }
        if (entries.size() > limit) {
            return new Page<>(
                    List.copyOf(entries.subList(0, limit)),
                    Optional.of(entries.get(limit - 1).position()));
        }
        return new Page<>(List.copyOf(entries), Optional.empty());
    }

    /**
     * A page of a conversation, oldest first: the newest {@code limit} messages, or those before {@code before}.
     * The next page goes further back in time.
     */
    public Page<Message> messages(String group, Optional<String> before, int limit) {
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":pk", s("GRP#" + group), ":prefix", s(MESSAGE_PREFIX)));
        before.ifPresent(position -> values.put(":before", s(MESSAGE_PREFIX + position)));
        // BETWEEN is inclusive: the message at the cursor itself is dropped below
        String condition = before.isPresent()
                ? "pk = :pk AND sk BETWEEN :prefix AND :before"
                : "pk = :pk AND begins_with(sk, :prefix)";
        List<Message> newestFirst = new ArrayList<>();
        for (QueryResponse response : dynamoDb.queryPaginator(r -> r.tableName(table.name())
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit + 2))) {
            for (Map<String, AttributeValue> item : response.items()) {
                Message message = toMessage(group, item);
                if (before.isEmpty() || !position(message).equals(before.get())) {
                    newestFirst.add(message);
                }
            }
            if (newestFirst.size() > limit) {
                break;
            }
        }
        boolean more = newestFirst.size() > limit;
        List<Message> page = new ArrayList<>(more ? newestFirst.subList(0, limit) : newestFirst);
        Collections.reverse(page);
        return new Page<>(List.copyOf(page), more ? Optional.of(position(page.get(0))) : Optional.empty());
    }

    /** {@code <created_at>#<uuid>}: unique, and in time order. */
    static String position(Message message) {
        return Timestamps.format(message.createdAt()) + "#" + message.uuid();
    }

    private static Message toMessage(String group, Map<String, AttributeValue> item) {
        return new Message(
                item.get("uuid").s(),
                group,
                item.get("sender").s(),
                item.get("message").s(),
                Timestamps.parse(item.get("created_at").s()));
    }

    private static List<String> sorted(String a, String b) {
        return a.compareTo(b) <= 0 ? List.of(a, b) : List.of(b, a);
    }
}
