package com.cruddur.common.aws;

import io.smallrye.config.ConfigMapping;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Where the AWS APIs are. In AWS nothing is set but the region, and the clients use the default credentials chain
 * (on ECS, the task role). Locally each endpoint points at its emulator.
 */
@ConfigMapping(prefix = "cruddur.aws")
public interface AwsConfig {

    String region();

    /** How long one attempt of an AWS call may take ({@code quarkus.*.api-call-attempt-timeout} of every client). */
    Duration attemptTimeout();

    /** How long an AWS call may take, retries included ({@code quarkus.*.api-call-timeout} of every client). */
    Duration callTimeout();

    Endpoints endpoint();

    /** A local run: the AWS APIs are emulators, which need no real keys and must never be sent any. */
    default boolean emulated() {
        return endpoint().dynamodb().isPresent()
                || endpoint().cognito().isPresent()
                || endpoint().sqs().isPresent()
                || endpoint().s3().isPresent();
    }

    interface Endpoints {
        Optional<URI> dynamodb();

        Optional<URI> cognito();

        Optional<URI> sqs();

        /** The S3 emulator, as the browser reaches it: avatar upload URLs are presigned for it. */
        Optional<URI> s3();
    }
}
