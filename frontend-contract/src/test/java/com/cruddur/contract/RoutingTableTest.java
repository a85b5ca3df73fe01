package com.cruddur.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RoutingTableTest {

    private static RoutingTable table(String yaml) throws IOException {
        return RoutingTable.fromContract(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void exactPathsWinOverPatternsOfAnotherService() throws IOException {
        RoutingTable table = table("""
                paths:
                  /api/things/{id}:
                    get: {x-cruddur-service: things}
                  /api/things/special:
                    get: {x-cruddur-service: specials}
                """);
        assertEquals(Optional.of("specials"), table.serviceFor("/api/things/special"));
        assertEquals(Optional.of("things"), table.serviceFor("/api/things/123"));
        assertEquals(
                List.of(new Route("/api/things/special", "specials"), new Route("/api/things/*", "things")),
                table.routes());
    }

    @Test
    void pathsOutsideApiAreNeverRouted() throws IOException {
        RoutingTable table = table("""
                paths:
                  /internal/users:
                    get: {x-cruddur-service: users}
                  /api/users/@{handle}/short:
                    get: {x-cruddur-service: users}
                """);
        assertEquals(List.of(new Route("/api/users/@*/short", "users")), table.routes());
        assertEquals(Optional.empty(), table.serviceFor("/internal/users"));
        assertEquals(Optional.empty(), table.serviceFor("/api/users/bob/short"));
    }

    @Test
    void anOperationWithoutOwnerIsRejected() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> table("""
                paths:
                  /api/things:
                    get: {summary: no owner}
                """));
        assertTrue(error.getMessage().contains("x-cruddur-service"), error.getMessage());
    }

    @Test
    void aPathWithTwoOwnersIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> table("""
                paths:
                  /api/things:
                    get: {x-cruddur-service: a}
                    post: {x-cruddur-service: b}
                """));
    }

    @Test
    void everyContractPathRoutesToItsOwner() throws IOException {
        RoutingTable table = RoutingTable.fromContract();
        JsonNode paths;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RoutingTable.CONTRACT_RESOURCE)) {
            paths = new ObjectMapper(new YAMLFactory()).readTree(in).path("paths");
        }
        int checked = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            String concrete = path.getKey().replaceAll("\\{[^}]+}", "0f8fad5b-d9cb-469f-a165-70867728950e");
            String owner = path.getValue()
                    .elements()
                    .next()
                    .path(RoutingTable.OWNER_FIELD)
                    .asText();
            assertEquals(Optional.of(owner), table.serviceFor(concrete), concrete);
            checked++;
        }
        assertTrue(checked > 10, "the contract has its /api paths");
        assertFalse(table.services().contains(""), "every route names a service");
    }
}
