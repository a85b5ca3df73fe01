package com.cruddur.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Unprocessed items are sent again, after a growing pause, until none is left. The emulator never leaves items
 * unprocessed (DynamoDB does under throttling), so a DynamoDB client that answers like a throttled table stands in.
 */
class BatchesTest {

    private static final String TABLE = "t";

    /** Leaves all but the first item of each request unprocessed, for {@code throttledCalls} calls. */
    private static final class ThrottledTable implements DynamoDbClient {
        final List<List<String>> requests = new ArrayList<>();
        final List<Boolean> consistentReads = new ArrayList<>();
        int throttledCalls;

        ThrottledTable(int throttledCalls) {
            this.throttledCalls = throttledCalls;
        }

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> writes = request.requestItems().get(TABLE);
            requests.add(writes.stream()
                    .map(w -> w.putRequest().item().get("pk").s())
                    .toList());
            List<WriteRequest> left = throttledCalls-- > 0 ? writes.subList(1, writes.size()) : List.of();
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(left.isEmpty() ? Map.of() : Map.of(TABLE, left))
                    .build();
        }

        @Override
        public BatchGetItemResponse batchGetItem(BatchGetItemRequest request) {
            List<Map<String, AttributeValue>> keys =
                    request.requestItems().get(TABLE).keys();
            consistentReads.add(request.requestItems().get(TABLE).consistentRead());
            requests.add(keys.stream().map(k -> k.get("pk").s()).toList());
            boolean throttled = throttledCalls-- > 0;
            List<Map<String, AttributeValue>> left = throttled ? keys.subList(1, keys.size()) : List.of();
            return BatchGetItemResponse.builder()
                    .responses(Map.of(TABLE, throttled ? keys.subList(0, 1) : keys))
                    .unprocessedKeys(
                            left.isEmpty()
                                    ? Map.of()
                                    : Map.of(
                                            TABLE,
                                            KeysAndAttributes.builder()
                                                    .keys(left)
                                                    .build()))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }

    private static List<WriteRequest> puts(String... pks) {
        return List.of(pks).stream()
                .map(pk -> WriteRequest.builder()
                        .putRequest(
                                PutRequest.builder().item(Attributes.key(pk)).build())
                        .build())
                .toList();
    }

    @Test
    void unprocessedWritesAreSentAgainAfterAGrowingPause() {
        ThrottledTable table = new ThrottledTable(2);
        List<Duration> pauses = new ArrayList<>();
        Batches.write(table, TABLE, puts("a", "b", "c"), pauses::add);
        assertEquals(List.of(List.of("a", "b", "c"), List.of("b", "c"), List.of("c")), table.requests);
        assertEquals(List.of(Duration.ofMillis(50), Duration.ofMillis(100)), pauses);
    }

    @Test
    void unprocessedKeysAreReadAgainAndEveryItemIsReturned() {
        ThrottledTable table = new ThrottledTable(1);
        List<Duration> pauses = new ArrayList<>();
        List<Map<String, AttributeValue>> items =
                Batches.get(table, TABLE, List.of(Attributes.key("a"), Attributes.key("b")), false, pauses::add);
        assertEquals(
                List.of("a", "b"),
                items.stream().map(item -> item.get("pk").s()).toList());
        assertEquals(List.of(List.of("a", "b"), List.of("b")), table.requests);
        assertEquals(List.of(Duration.ofMillis(50)), pauses);
    }

    @Test
    void manyKeysAreReadInRequestsOfAtMost100() {
        ThrottledTable table = new ThrottledTable(0);
        List<Map<String, AttributeValue>> keys =
                IntStream.range(0, 250).mapToObj(i -> Attributes.key("k" + i)).toList();
        List<Map<String, AttributeValue>> items = Batches.get(table, TABLE, keys, true, pauses -> {});
        assertEquals(
                List.of(100, 100, 50), table.requests.stream().map(List::size).toList());
        assertEquals(keys, items, "every key's item, once");
        assertTrue(table.consistentReads.stream().allMatch(Boolean.TRUE::equals), "the read consistency asked for");
    }

    @Test
    void manyWritesAreSentInRequestsOfAtMost25() {
        ThrottledTable table = new ThrottledTable(0);
        Batches.write(
                table, TABLE, puts(IntStream.range(0, 60).mapToObj(i -> "k" + i).toArray(String[]::new)), pauses -> {});
        assertEquals(
                List.of(25, 25, 10), table.requests.stream().map(List::size).toList());
        assertEquals(
                IntStream.range(0, 60).mapToObj(i -> "k" + i).toList(),
                table.requests.stream().flatMap(List::stream).toList());
    }

    @Test
    void aTableThatStaysThrottledFailsTheCallAfterTheLastAttempt() {
        ThrottledTable table = new ThrottledTable(Integer.MAX_VALUE);
        List<Duration> pauses = new ArrayList<>();
        List<WriteRequest> writes = puts("a", "b", "c", "d", "e", "f", "g", "h", "i", "j");
        assertThrows(SdkClientException.class, () -> Batches.write(table, TABLE, writes, pauses::add));
        assertEquals(Batches.ATTEMPTS, table.requests.size());
        assertEquals(
                List.of(50L, 100L, 200L, 400L, 800L, 1000L, 1000L),
                pauses.stream().map(Duration::toMillis).toList());
    }
}
