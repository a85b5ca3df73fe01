package com.cruddur.common.aws;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchGetItem and BatchWriteItem of one table, in requests within DynamoDB's limits ({@link #MAX_KEYS} keys to read,
 * {@link #MAX_WRITES} writes), resending what DynamoDB left unprocessed (under throttling) with exponential backoff,
 * as AWS advises; after {@link #ATTEMPTS} attempts of one request the call fails like any other AWS call.
 */
public final class Batches {

    static final int MAX_KEYS = 100;
    static final int MAX_WRITES = 25;
    static final int ATTEMPTS = 8;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(50);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(1);

    /** Waits between attempts; a test passes one that records instead of sleeping. */
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    private static final Sleeper THREAD_SLEEP = duration -> Thread.sleep(duration.toMillis());

    private Batches() {}

    /** The items of {@code table} with these keys that exist, in no particular order. */
    public static List<Map<String, AttributeValue>> get(
            DynamoDbClient dynamoDb, String table, List<Map<String, AttributeValue>> keys, boolean consistentRead) {
        return get(dynamoDb, table, keys, consistentRead, THREAD_SLEEP);
    }

    /** Writes all of {@code writes} to {@code table}. */
    public static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes) {
        write(dynamoDb, table, writes, THREAD_SLEEP);
    }

    static List<Map<String, AttributeValue>> get(
            DynamoDbClient dynamoDb,
            String table,
            List<Map<String, AttributeValue>> keys,
            boolean consistentRead,
            Sleeper sleeper) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < keys.size(); from += MAX_KEYS) {
            Map<String, KeysAndAttributes> pending = Map.of(
                    table,
                    KeysAndAttributes.builder()
                            .keys(keys.subList(from, Math.min(from + MAX_KEYS, keys.size())))
                            .consistentRead(consistentRead)
                            .build());
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                backOffBefore(attempt, sleeper);
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse response = dynamoDb.batchGetItem(r -> r.requestItems(request));
                items.addAll(response.responses().getOrDefault(table, List.of()));
                pending = response.unprocessedKeys();
            }
        }
        return items;
    }

    static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> writes, Sleeper sleeper) {
        for (int from = 0; from < writes.size(); from += MAX_WRITES) {
            Map<String, List<WriteRequest>> pending =
                    Map.of(table, writes.subList(from, Math.min(from + MAX_WRITES, writes.size())));
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                backOffBefore(attempt, sleeper);
                Map<String, List<WriteRequest>> request = pending;
                pending = dynamoDb.batchWriteItem(r -> r.requestItems(request)).unprocessedItems();
            }
        }
    }

    /** Nothing before the first attempt; then 50 ms, doubling up to 1 s; no attempt after the last. */
    private static void backOffBefore(int attempt, Sleeper sleeper) {
        if (attempt == 1) {
            return;
        }
        if (attempt > ATTEMPTS) {
            throw SdkClientException.create("DynamoDB left items unprocessed after " + ATTEMPTS + " attempts");
        }
        long millis = Math.min(FIRST_BACKOFF.toMillis() << (attempt - 2), MAX_BACKOFF.toMillis());
        try {
            sleeper.sleep(Duration.ofMillis(millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw SdkClientException.create("interrupted while resending unprocessed items", e);
        }
    }
}
