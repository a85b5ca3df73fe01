package com.cruddur.activities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.AwsServiceClientConfiguration;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Quarkus DynamoDB and SQS clients are configured from our variables: the emulators' endpoints, the region,
 * placeholder keys for the emulators, and our timeouts (common's and events' microprofile-config.properties).
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class AwsClientsTest {

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    SqsClient sqs;

    private static void assertOurSettings(AwsServiceClientConfiguration client) {
        assertEquals(Region.US_EAST_1, client.region());
        assertEquals(
                "local",
                client.credentialsProvider().resolveIdentity().join().accessKeyId(),
                "placeholder keys, as an emulator endpoint is set");
        assertEquals(
                Duration.ofSeconds(2),
                client.overrideConfiguration().apiCallAttemptTimeout().orElseThrow());
        assertEquals(
                Duration.ofSeconds(5),
                client.overrideConfiguration().apiCallTimeout().orElseThrow());
    }

    @Test
    void theDynamoDbClientTalksToTheEmulator() {
        assertEquals(
                SharedStack.get().emulators().dynamoDb(),
                dynamoDb.serviceClientConfiguration().endpointOverride().orElseThrow());
        assertOurSettings(dynamoDb.serviceClientConfiguration());
        assertTrue(
                dynamoDb.listTables().tableNames().stream().anyMatch(name -> name.contains("activities")),
                "the emulator answers with our tables: " + dynamoDb.listTables().tableNames());
    }

    @Test
    void theSqsClientTalksToTheEmulator() {
        assertEquals(
                SharedStack.get().emulators().sqs(),
                sqs.serviceClientConfiguration().endpointOverride().orElseThrow());
        assertOurSettings(sqs.serviceClientConfiguration());
        assertTrue(
                sqs.listQueues().queueUrls().contains(SharedStack.get().queues().queue()),
                "the emulator answers with our queue: " + sqs.listQueues().queueUrls());
    }
}
