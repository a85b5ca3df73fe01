package com.cruddur.edge;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.contract.RoutingTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

/** The browsable API of local runs: the authored contract on {@code /q/openapi}, and Swagger UI reading it. */
@QuarkusTest
@WithTestResource(StubBackends.class)
class ApiReferenceTest {

    /** 1 and 1.0 are the same number in a document. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;

    @Test
    void openApiIsTheAuthoredContractInJsonAndYaml() throws IOException {
        JsonNode contract = contract();
        assertEquals("3.0.3", contract.path("openapi").asText());

        Response json = given().accept("application/json").get("/q/openapi");
        assertEquals(200, json.statusCode());
        assertSame(contract, new ObjectMapper().readTree(json.asString()));

        Response yaml = given().queryParam("format", "yaml").get("/q/openapi");
        assertEquals(200, yaml.statusCode());
        assertSame(contract, new YAMLMapper().readTree(yaml.asString()));
    }

    @Test
    void swaggerUiAnswersAndReadsTheServedDocument() {
        Response page = given().get("/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        Response config = given().get("/q/swagger-ui/index.html");
        assertEquals(200, config.statusCode());
        assertTrue(config.asString().contains("/q/openapi"), "Swagger UI loads the served document");
    }

    private static void assertSame(JsonNode contract, JsonNode served) {
        if (!contract.equals(NUMBERS_BY_VALUE, served)) {
            contract.fieldNames()
                    .forEachRemaining(field -> assertTrue(
                            contract.get(field).equals(NUMBERS_BY_VALUE, served.path(field)),
                            "member " + field + " differs: " + served.path(field)));
            served.fieldNames().forEachRemaining(field -> assertTrue(contract.has(field), "extra member " + field));
        }
    }

    private static JsonNode contract() throws IOException {
        try (InputStream file =
                RoutingTable.class.getClassLoader().getResourceAsStream(RoutingTable.CONTRACT_RESOURCE)) {
            return new YAMLMapper().readTree(file);
        }
    }
}
