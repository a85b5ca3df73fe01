package com.cruddur.testing;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.contract.RoutingTable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Validates requests and responses against {@code frontend-contract/openapi.yaml}. */
public final class Contract {

    private Contract() {}

    /**
     * A RestAssured filter that fails the test when a request or its response breaks the contract, including a
     * path or status the contract does not document. Build one per test class. Request security is not checked
     * here, so that tests can send bad credentials on purpose; the services check it.
     */
    public static OpenApiValidationFilter validator() {
        return filter(LevelResolver.create()
                .withLevel("validation.request.security", ValidationReport.Level.IGNORE)
                .build());
    }

    /** Validates responses only: for tests that send malformed requests on purpose. */
    public static OpenApiValidationFilter responseValidator() {
        return filter(LevelResolver.create()
                .withLevel("validation.request", ValidationReport.Level.IGNORE)
                .build());
    }

    private static OpenApiValidationFilter filter(LevelResolver levels) {
        return new OpenApiValidationFilter(OpenApiInteractionValidator.createForInlineApiSpecification(text())
                .withLevelResolver(levels)
                .build());
    }

    public static String text() {
        try (InputStream in = Contract.class.getClassLoader().getResourceAsStream(RoutingTable.CONTRACT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
