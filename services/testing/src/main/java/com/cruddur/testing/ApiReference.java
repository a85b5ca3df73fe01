package com.cruddur.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.contract.RoutingTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.util.Comparator;
import java.util.function.Supplier;

/**
 * The browsable API as a browser sees it on an origin: the authored contract on {@code /q/openapi} (JSON and YAML,
 * compared member by member), and Swagger UI reading it. Used on the users service (which serves it) and through the
 * edge (the system tests).
 */
public final class ApiReference {

    /** 1 and 1.0 are the same number in a document. */
    private static final Comparator<JsonNode> NUMBERS_BY_VALUE =
            (a, b) -> a.isNumber() && b.isNumber() ? Double.compare(a.asDouble(), b.asDouble()) : a.equals(b) ? 0 : 1;

    private ApiReference() {}

    /** {@code origin} gives a request to the origin under test, without a contract filter (these paths are not in it). */
    public static void assertServed(Supplier<RequestSpecification> origin) throws IOException {
        JsonNode contract = contract();
        assertEquals("3.0.3", contract.path("openapi").asText());

        Response json = origin.get().accept("application/json").get("/q/openapi");
        assertEquals(200, json.statusCode());
        assertSame(contract, new ObjectMapper().readTree(json.asString()));

        Response yaml = origin.get().queryParam("format", "yaml").get("/q/openapi");
        assertEquals(200, yaml.statusCode());
        assertSame(contract, new YAMLMapper().readTree(yaml.asString()));

        Response page = origin.get().get("/q/swagger-ui/");
        assertEquals(200, page.statusCode());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        Response config = origin.get().get("/q/swagger-ui/index.html");
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
