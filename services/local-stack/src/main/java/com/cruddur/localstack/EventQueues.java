package com.cruddur.localstack;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Creates the events queue and its dead-letter queue, as the infrastructure code does in AWS. */
public final class EventQueues {

    public static final String QUEUE = "cruddur-events";
    public static final String DEAD_LETTERS = "cruddur-events-dlq";
    /** Deliveries of one message before it goes to the dead-letter queue. */
    public static final int MAX_RECEIVES = 3;
    /**
     * Seconds before a message received by a consumer that never deleted it (it crashed, or its connection was cut
     * mid long-poll) is delivered again. Short locally, so restarts recover quickly.
     */
    public static final int VISIBILITY_TIMEOUT = 10;

    /** The queues' URLs. */
    public record Urls(String queue, String deadLetters) {}

    private EventQueues() {}

    public static Urls create(URI endpoint) {
        try (SqsClient sqs = SqsClient.builder()
                .endpointOverride(endpoint)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .build()) {
            String dlq = sqs.createQueue(r -> r.queueName(DEAD_LETTERS)).queueUrl();
            String dlqArn = sqs.getQueueAttributes(r -> r.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes()
                    .get(QueueAttributeName.QUEUE_ARN);
            String queue = sqs.createQueue(r -> r.queueName(QUEUE)
                            .attributes(Map.of(
                                    QueueAttributeName.REDRIVE_POLICY,
                                    "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":\"" + MAX_RECEIVES
                                            + "\"}",
                                    QueueAttributeName.VISIBILITY_TIMEOUT,
                                    String.valueOf(VISIBILITY_TIMEOUT))))
                    .queueUrl();
            return new Urls(queue, dlq);
        }
    }
}
