package com.cruddur.edge;

import static org.hamcrest.Matchers.equalTo;

import com.cruddur.contract.RoutingTable;
import com.cruddur.testing.Api;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The browsable API is the users service's (it serves it when CRUDDUR_API_DOCS is on: users' ApiReferenceTest, and
 * through the edge ApiReferenceIT): the edge routes its paths there, query and all, as it routes {@code /api}.
 */
@QuarkusTest
@WithTestResource(StubBackends.class)
class ApiDocsRoutingTest {

    @Test
    void theOpenApiDocumentAndSwaggerUiGoToTheUsersService() {
        for (String path : List.of("/q/openapi", "/q/swagger-ui", "/q/swagger-ui/", "/q/swagger-ui/index.html")) {
            Api.anonymous()
                    .get(path)
                    .then()
                    .statusCode(200)
                    .body("service", equalTo(RoutingTable.API_DOCS_SERVICE))
                    .body("path", equalTo(path));
        }
        Api.anonymous()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .body("service", equalTo(RoutingTable.API_DOCS_SERVICE));
    }
}
