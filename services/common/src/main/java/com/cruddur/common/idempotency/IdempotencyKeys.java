package com.cruddur.common.idempotency;

import static com.cruddur.common.aws.Attributes.key;
import static com.cruddur.common.aws.Attributes.n;
import static com.cruddur.common.aws.Attributes.s;

import com.cruddur.common.error.ApiException;
import com.cruddur.common.time.Timestamps;
import com.cruddur.common.validation.Validation;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Safe retries of a write with an {@code Idempotency-Key}, for every service that creates something: the request
 * claims {@code IDEM#<sub>#<key>} in the service's own table with the uuid and time it will write, its request's
 * hash and a lease, and a retry gets what the first request wrote (docs/data-model-activities.md, "Retried posts").
 */
@ApplicationScoped
public class IdempotencyKeys {

    /** The uuid and creation time a write under a key uses: a retry finds the resource by them. */
    public record Ticket(String uuid, Instant at) {}

    /** A claim: the ticket of the request holding the key, that request's hash, and until when it holds. */
    public record Claim(Ticket ticket, String requestHash, Instant leaseUntil) {}

    static final Duration WINDOW = Duration.ofHours(24);
    static final Duration LEASE = Duration.ofSeconds(15);
    private static final int MAX_KEY = 255;

    private final DynamoDbClient dynamoDb;
    private final Clock clock;

    public IdempotencyKeys(DynamoDbClient dynamoDb, Clock clock) {
        this.dynamoDb = dynamoDb;
        this.clock = clock;
    }

    /** {@code idempotency_key_invalid} for a key that is empty, longer than 255 or not visible ASCII. */
    public static Validation check(String key, Validation validation) {
        return validation.check(
                key != null
                        && (key.isBlank()
                                || key.length() > MAX_KEY
                                || key.chars().anyMatch(c -> c < 0x21 || c > 0x7e)),
                "idempotency_key_invalid");
    }

    /**
     * Runs {@code write} once per idempotency key and caller within 24 hours: a retry gets what the first request
     * wrote, looked up by {@code find}. A claim holds for {@link #LEASE}: a retry while the first request may still be
     * writing waits for it briefly, then answers 409 {@code idempotency_key_in_progress}; after the lease, a request
     * whose write never appeared (it died, or answered 5xx before writing) is taken over. The lease is longer than
     * any DynamoDB call may take ({@code cruddur.aws.call-timeout}), so the first request has either written or given up by
     * then. The same key with another {@code request} is 422 {@code idempotency_key_reused}. Without a key, every
     * call writes.
     */
    public <T> T once(
            String table,
            String sub,
            String key,
            String request,
            Function<Ticket, T> write,
            Function<Ticket, Optional<T>> find) {
        Ticket ours = new Ticket(UUID.randomUUID().toString(), now());
        if (key == null) {
            return write.apply(ours);
        }
        String hash = sha256(request);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Claim> claimed = claim(table, sub, key, hash, ours);
            if (claimed.isEmpty()) {
                return write.apply(ours);
            }
            Claim claim = claimed.get();
            if (!claim.requestHash().equals(hash)) {
                throw new ApiException(422, "idempotency_key_reused");
            }
            Optional<T> first = awaitFirst(claim, find);
            if (first.isPresent()) {
                return first.get();
            }
            if (claim.leaseUntil().isAfter(now())) {
                break;
            }
            ours = new Ticket(ours.uuid(), now());
            if (takeOver(table, sub, key, claim, ours)) {
                return write.apply(ours);
            }
        }
        throw new ApiException(409, "idempotency_key_in_progress");
    }

    /** What the claim's request wrote, waiting up to two seconds for a request that still holds its lease. */
    private <T> Optional<T> awaitFirst(Claim claim, Function<Ticket, Optional<T>> find) {
        for (int attempt = 0; attempt < 40; attempt++) {
            Optional<T> found = find.apply(claim.ticket());
            if (found.isPresent() || !claim.leaseUntil().isAfter(now())) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return Optional.empty();
    }

    /**
     * Claims the key for the request that will write {@code ticket}, unless a claim younger than 24 hours exists. A
     * claim holding our own uuid is ours: the SDK's retry of this very put finds the claim its first attempt made.
     * @return the existing claim of another request, or empty when the key is ours
     */
    public Optional<Claim> claim(String table, String sub, String key, String requestHash, Ticket ticket) {
        Instant now = now();
        Instant expires = now.plus(WINDOW);
        Map<String, AttributeValue> item = itemKey(sub, key);
        item.put("uuid", s(ticket.uuid()));
        item.put("created_at", s(Timestamps.format(ticket.at())));
        item.put("request_hash", s(requestHash));
        item.put("lease_until", s(Timestamps.format(now.plus(LEASE))));
        item.put("expires_at", s(Timestamps.format(expires)));
        item.put("ttl", n(expires.getEpochSecond()));
        try {
            dynamoDb.putItem(r -> r.tableName(table)
                    .item(item)
                    .conditionExpression("attribute_not_exists(pk) OR expires_at <= :now")
                    .expressionAttributeValues(Map.of(":now", s(Timestamps.format(now)))));
            return Optional.empty();
        } catch (ConditionalCheckFailedException claimed) {
            return Optional.ofNullable(claimOf(table, sub, key))
                    .filter(claim -> !claim.ticket().uuid().equals(ticket.uuid()));
        }
    }

    /** Takes over a claim whose lease ran out and whose write never appeared; false when another request took it first. */
    private boolean takeOver(String table, String sub, String key, Claim expired, Ticket ticket) {
        try {
            dynamoDb.updateItem(r -> r.tableName(table)
                    .key(itemKey(sub, key))
                    .updateExpression("SET #uuid = :uuid, created_at = :at, lease_until = :lease")
                    .conditionExpression("#uuid = :old")
                    .expressionAttributeNames(Map.of("#uuid", "uuid"))
                    .expressionAttributeValues(Map.of(
                            ":uuid",
                            s(ticket.uuid()),
                            ":at",
                            s(Timestamps.format(ticket.at())),
                            ":lease",
                            s(Timestamps.format(now().plus(LEASE))),
                            ":old",
                            s(expired.ticket().uuid()))));
            return true;
        } catch (ConditionalCheckFailedException changed) {
            Claim now = claimOf(table, sub, key);
            return now != null && now.ticket().uuid().equals(ticket.uuid()); // our own retried update
        }
    }

    private Claim claimOf(String table, String sub, String key) {
        Map<String, AttributeValue> item = dynamoDb.getItem(
                        r -> r.tableName(table).key(itemKey(sub, key)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) {
            return null;
        }
        return new Claim(
                new Ticket(
                        item.get("uuid").s(),
                        item.containsKey("created_at")
                                ? Timestamps.parse(item.get("created_at").s())
                                : Instant.EPOCH),
                item.get("request_hash").s(),
                item.containsKey("lease_until")
                        ? Timestamps.parse(item.get("lease_until").s())
                        : Instant.EPOCH);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static Map<String, AttributeValue> itemKey(String sub, String key) {
        return key("IDEM#" + sub + "#" + key, "I");
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
