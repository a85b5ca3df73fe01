package com.cruddur.users;

import com.cruddur.testing.ApiReference;
import com.cruddur.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.IOException;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browsable API, switched on as the local stack does (CRUDDUR_API_DOCS=true): the authored contract on
 * {@code /q/openapi}, and Swagger UI reading it. Off by default: {@link ApiDocsOffTest}; through the edge: the system
 * tests' ApiReferenceIT.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@TestProfile(ApiReferenceTest.DocsOn.class)
class ApiReferenceTest {

    public static class DocsOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("CRUDDUR_API_DOCS", "true");
        }
    }

    @Test
    void theAuthoredContractAndSwaggerUiAreServed() throws IOException {
        ApiReference.assertServed(RestAssured::given);
    }
}
