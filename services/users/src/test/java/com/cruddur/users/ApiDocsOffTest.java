package com.cruddur.users;

import static org.hamcrest.Matchers.contains;

import com.cruddur.common.error.ErrorCodes;
import com.cruddur.testing.Api;
import com.cruddur.testing.LocalStackResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Without CRUDDUR_API_DOCS (as in AWS unless the CDK switch apiDocs is on) the service serves neither the contract nor
 * Swagger UI: a JSON 404 as for any unknown path. On: {@link ApiReferenceTest}.
 */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
class ApiDocsOffTest {

    @Test
    void theBrowsableApiIsOffByDefault() {
        for (String path :
                List.of("/q/openapi", "/q/openapi?format=json", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Api.anonymous()
                    .get(path)
                    .then()
                    .statusCode(404)
                    .contentType("application/json")
                    .body("$", contains(ErrorCodes.NOT_FOUND));
        }
    }
}
