package com.cruddur.notifications.repository;

import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.aws.Attributes;
import com.cruddur.common.aws.Batches;
import com.cruddur.common.time.Timestamps;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * What live notifications keep in the notifications table (docs/live-notifications.md): stream tickets in a partition
 * of their own ({@code TICKET#<sha-256>}), and in the recipient's partition the log of stored notifications in the
 * order they were stored ({@code E#<seq>}, pointing at the {@code N#} item) and the open streams
 * ({@code STREAM#<id>}, with the instance that holds each and a lease its heartbeat renews).
 */
@ApplicationScoped
public class StreamRepository {

    public record Ticket(String sub, Instant expiresAt) {}

    /** A stored notification's place in the log: {@code at} is its {@code N#} sort key. */
    public record LogEntry(long seq, String at) {}

    public record OpenStream(String id, String instance) {}

    /** A stream this instance holds: its user and its id. */
    public record HeldStream(String recipient, String id) {}

    /** Log positions are 12 digits, so that they sort as text. */
    public static final long MAX_SEQ = 999_999_999_999L;

    private static final String LOG_PREFIX = "E#";
    private static final String STREAM_PREFIX = "STREAM#";

    private final DynamoDbClient dynamoDb;
    private final NotificationsTable table;

    /**
     * The last log position this instance appended, per recipient (bounded): saves the read of the last position
     * before each append, one of the six store calls a stored notification costs.
     */
    private final Cache<String, Long> appended =
            Caffeine.newBuilder().maximumSize(10_000).build();

    public StreamRepository(DynamoDbClient dynamoDb, NotificationsTable table) {
        this.dynamoDb = dynamoDb;
        this.table = table;
    }

    public void putTicket(String hash, String sub, Instant expiresAt) {
        Map<String, AttributeValue> item = Attributes.key("TICKET#" + hash, "TICKET");
        item.put("sub", s(sub));
        item.put("expires_at", s(Timestamps.format(expiresAt)));
        item.put("ttl", n(expiresAt.getEpochSecond()));
        dynamoDb.putItem(r -> r.tableName(table.name()).item(item));
    }

    /** Removes the ticket and answers what it was, if it existed: of two redeemers, only one gets it. */
    public Optional<Ticket> takeTicket(String hash) {
        try {
            Map<String, AttributeValue> old = dynamoDb.deleteItem(r -> r.tableName(table.name())
                            .key(Attributes.key("TICKET#" + hash, "TICKET"))
                            .conditionExpression("attribute_exists(pk)")
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            return Optional.of(new Ticket(
                    old.get("sub").s(), Timestamps.parse(old.get("expires_at").s())));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /**
     * Appends the notification stored at {@code at} to the recipient's log and answers its position. Each position
     * is written only after the one before it exists (a conditional put on the next free one), so a reader that has
     * seen position {@code p} never later finds a new entry below it: a replay after {@code p} misses nothing.
     */
    public long append(String recipient, String at, Instant expires) {
        // the last position this instance wrote for the recipient, if it remembers it: it exists, so the one after
        // it may be written without reading first (a conditional put, like any other)
        Long known = appended.getIfPresent(recipient);
        long seq = (known != null ? known : lastSeq(recipient)) + 1;
        while (true) {
            Map<String, AttributeValue> item = key(recipient, LOG_PREFIX + position(seq));
            item.put("at", s(at));
            item.put("ttl", n(expires.getEpochSecond()));
            try {
                dynamoDb.putItem(
                        r -> r.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(pk)"));
                appended.put(recipient, seq);
                return seq;
            } catch (ConditionalCheckFailedException e) {
                // another instance took this position for the same recipient: read the last one, take the next
                seq = lastSeq(recipient) + 1;
            }
        }
    }

    /** The position of the recipient's newest log entry, 0 when there is none. */
    public long lastSeq(String recipient) {
        return dynamoDb
                .query(r -> r.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("USER#" + recipient), ":prefix", s(LOG_PREFIX)))
                        .scanIndexForward(false)
                        .consistentRead(true)
                        .limit(1))
                .items()
                .stream()
                .findFirst()
                .map(item -> Long.parseLong(item.get("sk").s().substring(LOG_PREFIX.length())))
                .orElse(0L);
    }

    /** The log entries after {@code seq}, oldest first, at most {@code limit}. */
    public List<LogEntry> after(String recipient, long seq, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s("USER#" + recipient));
        values.put(":from", s(LOG_PREFIX + position(seq + 1)));
        values.put(":to", s(LOG_PREFIX + position(MAX_SEQ)));
        List<LogEntry> entries = new ArrayList<>();
        dynamoDb.query(r -> r.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                        .expressionAttributeValues(values)
                        .consistentRead(true)
                        .limit(limit))
                .items()
                .forEach(item -> entries.add(new LogEntry(
                        Long.parseLong(item.get("sk").s().substring(LOG_PREFIX.length())),
                        item.get("at").s())));
        return entries;
    }

    /** Records (or renews) an open stream held by {@code instance} until {@code leaseUntil}. */
    public void holdStream(String recipient, String id, String instance, Instant leaseUntil) {
        Map<String, AttributeValue> item = streamItem(new HeldStream(recipient, id), instance, leaseUntil);
        dynamoDb.putItem(r -> r.tableName(table.name()).item(item));
    }

    /** Renews the leases of these streams, 25 to a request (a heartbeat's renewals: not one request per stream). */
    public void holdStreams(List<HeldStream> held, String instance, Instant leaseUntil) {
        Batches.write(
                dynamoDb,
                table.name(),
                held.stream()
                        .map(stream -> WriteRequest.builder()
                                .putRequest(p -> p.item(streamItem(stream, instance, leaseUntil)))
                                .build())
                        .toList());
    }

    private static Map<String, AttributeValue> streamItem(HeldStream stream, String instance, Instant leaseUntil) {
        Map<String, AttributeValue> item = key(stream.recipient(), STREAM_PREFIX + stream.id());
        item.put("instance", s(instance));
        item.put("lease_until", s(Timestamps.format(leaseUntil)));
        item.put("ttl", n(leaseUntil.getEpochSecond()));
        return item;
    }

    public void dropStream(String recipient, String id) {
        dynamoDb.deleteItem(r -> r.tableName(table.name()).key(key(recipient, STREAM_PREFIX + id)));
    }

    /** The recipient's streams whose lease has not run out at {@code now}. */
    public List<OpenStream> openStreams(String recipient, Instant now) {
        List<OpenStream> streams = new ArrayList<>();
        dynamoDb.query(r -> r.tableName(table.name())
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .filterExpression("lease_until > :now")
                        .expressionAttributeValues(Map.of(
                                ":pk", s("USER#" + recipient),
                                ":prefix", s(STREAM_PREFIX),
                                ":now", s(Timestamps.format(now))))
                        .consistentRead(true))
                .items()
                .forEach(item -> streams.add(new OpenStream(
                        item.get("sk").s().substring(STREAM_PREFIX.length()),
                        item.get("instance").s())));
        return streams;
    }

    public static String position(long seq) {
        return String.format(Locale.ROOT, "%012d", seq);
    }

    private static Map<String, AttributeValue> key(String recipient, String sk) {
        return Attributes.key("USER#" + recipient, sk);
    }
}
