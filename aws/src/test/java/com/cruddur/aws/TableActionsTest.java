package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The DynamoDB actions a task role gets ({@link ServiceSpec#tableActions()}) are exactly the operations the service's
 * code calls on its {@code DynamoDbClient}, plus {@code DescribeTable} of the shared readiness check: a new call in a
 * service fails here until its role allows it, and a call that is gone leaves no right behind.
 */
class TableActionsTest {

    // blanks and line breaks allowed where the formatter may break a line
    private static final Pattern CALL = Pattern.compile("\\bdynamoDb\\s*\\.\\s*([a-z][A-Za-z]*)\\s*\\(");
    /** The batch helper in common ({@code Batches.get(dynamoDb, ...)}) calls BatchGetItem or BatchWriteItem. */
    private static final Pattern BATCH = Pattern.compile("\\bBatches\\s*\\.\\s*(get|write)\\s*\\(\\s*dynamoDb\\b");

    static Stream<ServiceSpec> services() {
        return ServiceSpec.ALL.stream();
    }

    @ParameterizedTest
    @MethodSource("services")
    void theRoleAllowsExactlyTheDynamoDbOperationsTheCodeCalls(ServiceSpec service) {
        Path services = RepositoryFiles.root().resolve("services");
        Set<String> called =
                new TreeSet<>(calledOperations(services.resolve(service.name()).resolve("src/main/java")));
        assertTrue(
                called.size() > 1, "found no DynamoDB calls in " + service.name() + "; has the client been renamed?");
        if (service.events() == ServiceSpec.Events.PUBLISHES) {
            // a publisher runs the events module's outbox relay on its own table
            called.addAll(calledOperations(services.resolve("events/src/main/java")));
        }
        called.add("dynamodb:DescribeTable"); // TableLifecycle's readiness check, in common
        assertEquals(called, new TreeSet<>(service.tableActions()), service.name());
    }

    private static Set<String> calledOperations(Path sources) {
        Set<String> operations = new TreeSet<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file);
                Matcher call = CALL.matcher(source);
                while (call.find()) {
                    // a paginator (queryPaginator) calls its operation (Query) once per page
                    String method = call.group(1).replaceFirst("Paginator$", "");
                    operations.add("dynamodb:" + Character.toUpperCase(method.charAt(0)) + method.substring(1));
                }
                Matcher batch = BATCH.matcher(source);
                while (batch.find()) {
                    operations.add(batch.group(1).equals("get") ? "dynamodb:BatchGetItem" : "dynamodb:BatchWriteItem");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return operations;
    }
}
