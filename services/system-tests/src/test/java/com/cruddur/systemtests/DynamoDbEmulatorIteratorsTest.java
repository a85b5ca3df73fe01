package com.cruddur.systemtests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.cruddur.localstack.Emulators;
import com.cruddur.localstack.LocalPaths;
import com.cruddur.localstack.Ports;
import com.cruddur.localstack.Tethered;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * dynalite must close the iterator of every read once it has answered: one left open keeps the tree it started from,
 * so every later write keeps the nodes it replaced, and the heap grows with the writes instead of the data (and its
 * collections stall requests for seconds). A probe loaded into dynalite after our fixes counts the open iterators.
 */
class DynamoDbEmulatorIteratorsTest {

    @Test
    void everyReadClosesItsIteratorOnceAnswered() throws Exception {
        Path root = LocalPaths.root();
        Path probe = Path.of(DynamoDbEmulatorIteratorsTest.class
                .getResource("/iterator-probe.js")
                .toURI());
        Path count = Files.createTempFile("cruddur-open-iterators-", ".txt");
        int port = Ports.free();
        try (Tethered dynalite = Tethered.start(
                root,
                "dynalite-probed",
                Emulators.dynaliteCommand(root, port, List.of(probe)),
                root,
                Map.of(
                        "PROBE_FILE",
                        count.toString(),
                        "EMULATORS",
                        LocalPaths.emulators(root).toString()),
                root.resolve("services/system-tests/target/emulator-logs/iterators"))) {
            URI endpoint = URI.create("http://127.0.0.1:" + port);
            Ports.awaitOpen(dynalite, port, Duration.ofSeconds(30));
            call(endpoint, "CreateTable", """
                    {"TableName":"things","BillingMode":"PAY_PER_REQUEST",
                     "AttributeDefinitions":[{"AttributeName":"pk","AttributeType":"S"},
                       {"AttributeName":"owner","AttributeType":"S"}],
                     "KeySchema":[{"AttributeName":"pk","KeyType":"HASH"}],
                     "GlobalSecondaryIndexes":[{"IndexName":"by_owner",
                       "KeySchema":[{"AttributeName":"owner","KeyType":"HASH"}],
                       "Projection":{"ProjectionType":"ALL"}}]}""");
            for (int i = 0; i < 50; i++) {
                String thing = "{\"pk\":{\"S\":\"thing-%d\"},\"owner\":{\"S\":\"owner-%d\"}}".formatted(i, i % 5);
                call(endpoint, "PutItem", "{\"TableName\":\"things\",\"Item\":" + thing + "}");
                // a read to its end, one stopped by its limit, and a scan, as the services' queries do
                call(endpoint, "Query", """
                        {"TableName":"things","IndexName":"by_owner","KeyConditionExpression":"#o = :o",
                         "ExpressionAttributeNames":{"#o":"owner"},
                         "ExpressionAttributeValues":{":o":{"S":"owner-%d"}}}""".formatted(i % 5));
                call(endpoint, "Query", """
                        {"TableName":"things","KeyConditionExpression":"pk = :p","Limit":1,
                         "ExpressionAttributeValues":{":p":{"S":"thing-%d"}}}""".formatted(i));
                call(endpoint, "Scan", """
                        {"TableName":"things","Limit":2}""");
            }
            // the probe writes its count every 100 ms: wait for a count taken after the last answer
            Instant until = Instant.now().plus(Duration.ofSeconds(5));
            String open = read(count);
            while (!open.equals("0") && Instant.now().isBefore(until)) {
                Thread.sleep(100);
                open = read(count);
            }
            assertEquals("0", open, "iterators left open after 150 answered reads");
        } finally {
            Files.deleteIfExists(count);
        }
    }

    private static String read(Path file) throws Exception {
        return Files.readString(file).strip();
    }

    private static void call(URI endpoint, String operation, String body) throws Exception {
        HttpResponse<String> response = DynaliteCalls.call(endpoint, operation, body);
        assertEquals(200, response.statusCode(), operation + ": " + response.body());
    }
}
