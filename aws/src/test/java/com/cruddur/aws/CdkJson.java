package com.cruddur.aws;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** {@code aws/cdk.json}, which the CDK CLI reads: its {@code context} is passed to every synthesis. */
final class CdkJson {

    private CdkJson() {}

    /** The {@code context} of cdk.json (the feature flags). */
    static Map<String, Object> context() {
        try {
            Map<String, Object> context = new ObjectMapper()
                    .convertValue(
                            new ObjectMapper()
                                    .readTree(
                                            RepositoryFiles.file("aws/cdk.json").toFile())
                                    .path("context"),
                            new TypeReference<>() {});
            return context == null ? Map.of() : context;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
