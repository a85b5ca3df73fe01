package com.cruddur.contract;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which service owns which {@code /api} path, derived from the {@code x-cruddur-service} field of the contract's
 * operations. The edge routes with it locally, and the same list, in the same order, becomes the production load
 * balancer's listener rules: there is no second list to keep in step.
 */
public final class RoutingTable {

    /** Where the contract lies on the classpath of every module that depends on this one. */
    public static final String CONTRACT_RESOURCE = "cruddur-contract/openapi.yaml";

    public static final String OWNER_FIELD = "x-cruddur-service";
    /**
     * The browsable API (the contract on {@code /q/openapi}, Swagger UI), outside the contract's paths: served by
     * {@link #API_DOCS_SERVICE} when it is switched on ({@code CRUDDUR_API_DOCS}); the edge and the load balancer
     * route these patterns to it.
     */
    public static final List<String> API_DOCS_PATTERNS = List.of("/q/openapi*", "/q/swagger-ui*");

    public static final String API_DOCS_SERVICE = "users";
    private static final Set<String> HTTP_METHODS =
            Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private final List<Route> routes;

    private RoutingTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    /** The table of the contract this module ships. */
    public static RoutingTable fromContract() {
        try (InputStream contract = RoutingTable.class.getClassLoader().getResourceAsStream(CONTRACT_RESOURCE)) {
            if (contract == null) {
                throw new IllegalStateException(CONTRACT_RESOURCE + " is not on the classpath");
            }
            return fromContract(contract);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static RoutingTable fromContract(InputStream contract) throws IOException {
        JsonNode paths = new ObjectMapper(new YAMLFactory()).readTree(contract).path("paths");
        Map<String, Route> byPattern = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            Route route = new Route(toPattern(path.getKey()), ownerOf(path.getKey(), path.getValue()));
            Route previous = byPattern.putIfAbsent(route.pattern(), route);
            if (previous != null && !previous.service().equals(route.service())) {
                throw new IllegalArgumentException("paths with pattern " + route.pattern() + " are owned by both "
                        + previous.service() + " and " + route.service());
            }
        }
        List<Route> ordered = new ArrayList<>(byPattern.values());
        // Exact paths first, then the rule with more literal characters, so a specific path never falls into
        // a broader pattern of another service.
        ordered.sort(Comparator.comparing(Route::hasWildcard)
                .thenComparing(Comparator.comparingInt(Route::literalLength).reversed())
                .thenComparing(Route::pattern));
        return new RoutingTable(ordered);
    }

    /** The rules in priority order: the first that matches a path wins. */
    public List<Route> routes() {
        return routes;
    }

    public Optional<String> serviceFor(String path) {
        return routes.stream()
                .filter(route -> route.matches(path))
                .map(Route::service)
                .findFirst();
    }

    public Set<String> services() {
        Set<String> services = new TreeSet<>();
        routes.forEach(route -> services.add(route.service()));
        return services;
    }

    /** Each path parameter of the template becomes a star: {@code /api/users/@{handle}/short} matches as {@code /api/users/@*}{@code /short}. */
    static String toPattern(String template) {
        return template.replaceAll("\\{[^}/]+}", "*");
    }

    private static String ownerOf(String path, JsonNode item) {
        String owner = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> operation = it.next();
            if (!HTTP_METHODS.contains(operation.getKey())) {
                continue;
            }
            String service = operation.getValue().path(OWNER_FIELD).asText(null);
            if (service == null || service.isBlank()) {
                throw new IllegalArgumentException(
                        operation.getKey().toUpperCase(Locale.ROOT) + " " + path + " has no " + OWNER_FIELD);
            }
            if (owner != null && !owner.equals(service)) {
                throw new IllegalArgumentException(path + " has operations owned by " + owner + " and " + service);
            }
            owner = service;
        }
        if (owner == null) {
            throw new IllegalArgumentException(path + " has no operations");
        }
        return owner;
    }
}
