package com.cruddur.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Points a {@code @QuarkusTest} service at the shared emulators and user pool, exactly through the variables that
 * configure it in bin/dev, docker-compose and ECS.
 */
public class LocalStackResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        SharedStack stack = SharedStack.get();
        return Map.of(
                "cruddur.aws.endpoint.dynamodb", stack.emulators().dynamoDb().toString(),
                "cruddur.aws.endpoint.sqs", stack.emulators().sqs().toString(),
                "cruddur.events.queue-url", stack.queues().queue(),
                "cruddur.aws.endpoint.cognito", stack.emulators().cognito().toString(),
                "cruddur.cognito.user-pool-id", stack.pool().id(),
                "cruddur.cognito.issuer", stack.pool().issuer(),
                "cruddur.cognito.client-ids", stack.pool().clientId(),
                "cruddur.dynamodb.create-tables", "true");
    }

    @Override
    public void stop() {
        // the stack lives for the whole test JVM (see SharedStack)
    }
}
