package com.cruddur.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.common.telemetry.ErrorReporter;
import com.cruddur.testing.MovableClock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ProvisionedThroughputExceededException;

class OutagesTest {

    private final MovableClock clock = new MovableClock();
    private final Outages outages = new Outages(
            new ErrorReporter(Optional.empty(), Optional.empty(), Duration.ofSeconds(5), "test", "common", "1"), clock);
    private final ErrorReporter.Failure failure =
            new ErrorReporter.Failure("POST", "/api/activities", 503, Optional.empty());

    @Test
    void unreachableThrottlingAndServerErrorsAreOutagesButOurBugsAndRefusalsAreNot() {
        assertEquals(
                Optional.of("AWS"), Outages.unavailableDependency(SdkClientException.create("connection refused")));
        assertEquals(
                Optional.of("DynamoDB"),
                Outages.unavailableDependency(new IllegalStateException(ProvisionedThroughputExceededException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .serviceName("DynamoDB")
                                .errorCode("ProvisionedThroughputExceededException")
                                .build())
                        .build())));
        assertEquals(
                Optional.of("DynamoDB"),
                Outages.unavailableDependency(DynamoDbException.builder()
                        .statusCode(500)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .serviceName("DynamoDB")
                                .errorCode("InternalServerError")
                                .build())
                        .build()));
        assertEquals(
                Optional.empty(),
                Outages.unavailableDependency(DynamoDbException.builder()
                        .statusCode(400)
                        .awsErrorDetails(AwsErrorDetails.builder()
                                .serviceName("DynamoDB")
                                .errorCode("ValidationException")
                                .build())
                        .build()));
        assertEquals(Optional.empty(), Outages.unavailableDependency(new NullPointerException()));
    }

    @Test
    void aBurstIsToldOnceAndCountsEveryRequest() {
        RuntimeException error = SdkClientException.create("connection refused");
        assertTrue(outages.record("DynamoDB", error, failure));
        for (int i = 0; i < 9; i++) {
            clock.advance(Duration.ofSeconds(20));
            assertFalse(outages.record("DynamoDB", error, failure));
        }
        assertEquals(10, outages.burstCount("DynamoDB"));
        assertTrue(outages.record("SQS", error, failure), "each dependency has its own bursts");

        clock.advance(Bursts.QUIET.plusSeconds(1));
        assertTrue(
                outages.record("DynamoDB", error, failure), "after a quiet period, the next failure opens a new burst");
        assertEquals(1, outages.burstCount("DynamoDB"));
    }
}
