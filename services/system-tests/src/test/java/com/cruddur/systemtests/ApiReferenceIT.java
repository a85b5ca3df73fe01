package com.cruddur.systemtests;

import static io.restassured.RestAssured.given;

import com.cruddur.testing.ApiReference;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * The browsable API of a local run, through the edge as a browser opens it: served by the users service, which the
 * local stack starts with CRUDDUR_API_DOCS=true.
 */
class ApiReferenceIT {

    @Test
    void theEdgeServesTheAuthoredContractAndSwaggerUi() throws IOException {
        ApiReference.assertServed(
                () -> given().baseUri(SystemUnderTest.backend().api().toString()));
    }
}
