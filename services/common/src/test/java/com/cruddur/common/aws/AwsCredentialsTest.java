package com.cruddur.common.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Placeholder keys only for the emulators; in AWS, the default chain (on ECS, the task role). */
class AwsCredentialsTest {

    private static AwsConfig config(Optional<URI> dynamoDb) {
        return new AwsConfig() {
            @Override
            public String region() {
                return "us-east-1";
            }

            @Override
            public Duration attemptTimeout() {
                return Duration.ofSeconds(2);
            }

            @Override
            public Duration callTimeout() {
                return Duration.ofSeconds(5);
            }

            @Override
            public Endpoints endpoint() {
                return new Endpoints() {
                    @Override
                    public Optional<URI> dynamodb() {
                        return dynamoDb;
                    }

                    @Override
                    public Optional<URI> cognito() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<URI> sqs() {
                        return Optional.empty();
                    }

                    @Override
                    public Optional<URI> s3() {
                        return Optional.empty();
                    }
                };
            }
        };
    }

    @Test
    void anEmulatorGetsPlaceholderKeys() {
        var credentials = new AwsCredentials().credentials(config(Optional.of(URI.create("http://127.0.0.1:4000"))));
        assertInstanceOf(StaticCredentialsProvider.class, credentials);
        assertEquals("local", credentials.resolveCredentials().accessKeyId());
    }

    @Test
    void awsGetsTheDefaultChain() {
        assertInstanceOf(DefaultCredentialsProvider.class, new AwsCredentials().credentials(config(Optional.empty())));
    }
}
