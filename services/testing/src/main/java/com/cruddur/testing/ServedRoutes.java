package com.cruddur.testing;

import com.cruddur.contract.RoutingTable;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code /api} operations a service serves (read from its JAX-RS resources) and the ones the contract gives it,
 * as {@code "GET /api/users/@{handle}/short"} strings, so a test can demand that the two sets are equal.
 */
public final class ServedRoutes {

    private ServedRoutes() {}

    /** What the resource classes under {@code basePackage} serve below {@code /api}. */
    public static Set<String> servedBy(String basePackage) {
        Set<String> served = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage, "com.cruddur.common")) {
            Class<?> resource = type.reflect();
            Path classPath = resource.getAnnotation(Path.class);
            if (classPath == null) {
                continue;
            }
            for (Method method : resource.getDeclaredMethods()) {
                String httpMethod = httpMethod(method);
                if (httpMethod == null) {
                    continue;
                }
                Path methodPath = method.getAnnotation(Path.class);
                String path = join(classPath.value(), methodPath == null ? "" : methodPath.value());
                if (path.startsWith("/api/")) {
                    served.add(httpMethod + " " + path);
                }
            }
        }
        return served;
    }

    /** What the contract says {@code service} serves (the health check is served by every service). */
    public static Set<String> inContractFor(String service) {
        Set<String> owned = new TreeSet<>();
        try {
            JsonNode paths = new ObjectMapper(new YAMLFactory())
                    .readTree(Contract.text())
                    .path("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> path = it.next();
                for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                    Map.Entry<String, JsonNode> op = ops.next();
                    String owner = op.getValue().path(RoutingTable.OWNER_FIELD).asText("");
                    if (owner.equals(service) || path.getKey().equals("/api/health-check")) {
                        owned.add(op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return owned;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod http = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (http != null) {
                return http.value();
            }
        }
        return null;
    }

    private static String join(String a, String b) {
        String path = ("/" + a + "/" + b).replaceAll("/+", "/");
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
