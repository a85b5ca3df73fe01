package com.cruddur.aws;

import java.util.List;

/**
 * What the infrastructure needs to know about one deployed service: its port, the table it owns (the same keys and
 * indexes as its {@code OwnedTables} definition, which a test compares), the DynamoDB actions its code calls, and
 * what else it touches. Each service gets exactly these rights and no others.
 */
public record ServiceSpec(
        String name,
        int port,
        TableSpec table,
        List<String> tableActions,
        Events events,
        boolean callsUsers,
        boolean ownsProfiles) {

    /** How a service uses the events queue. */
    public enum Events {
        NONE,
        PUBLISHES,
        CONSUMES
    }

    /** A table as the service declares it: string keys, indexes projecting every attribute. */
    public record TableSpec(String envVar, String name, String hashKey, String rangeKey, List<Index> indexes) {}

    /** A global secondary index; {@code rangeKey} may be null. */
    public record Index(String name, String hashKey, String rangeKey) {}

    /** The readiness check of every service describes its tables (TableLifecycle). */
    private static final String DESCRIBE = "dynamodb:DescribeTable";

    public static final ServiceSpec USERS = new ServiceSpec(
            "users",
            4568,
            new TableSpec(
                    "USERS_TABLE",
                    "cruddur-users",
                    "pk",
                    null,
                    List.of(new Index("follows", "gsi1pk", "gsi1sk"), new Index("outbox", "outbox", "outbox_due"))),
            List.of(
                    DESCRIBE,
                    "dynamodb:GetItem",
                    "dynamodb:BatchGetItem",
                    "dynamodb:Query",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem"),
            Events.PUBLISHES,
            false,
            true);

    public static final ServiceSpec ACTIVITIES = new ServiceSpec(
            "activities",
            4569,
            new TableSpec(
                    "ACTIVITIES_TABLE",
                    "cruddur-activities",
                    "pk",
                    "sk",
                    List.of(
                            new Index("feed", "gsi1pk", "gsi1sk"),
                            new Index("author", "gsi2pk", "gsi2sk"),
                            new Index("outbox", "outbox", "outbox_due"))),
            List.of(
                    DESCRIBE,
                    "dynamodb:GetItem",
                    "dynamodb:BatchGetItem",
                    "dynamodb:Query",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:BatchWriteItem"),
            Events.PUBLISHES,
            true,
            false);

    public static final ServiceSpec NOTIFICATIONS = new ServiceSpec(
            "notifications",
            4570,
            new TableSpec("NOTIFICATIONS_TABLE", "cruddur-notifications", "pk", "sk", List.of()),
            List.of(
                    DESCRIBE,
                    "dynamodb:GetItem",
                    "dynamodb:Query",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem",
                    "dynamodb:BatchGetItem",
                    "dynamodb:BatchWriteItem"),
            Events.CONSUMES,
            true,
            false);

    public static final ServiceSpec MESSAGES = new ServiceSpec(
            "messages",
            4571,
            new TableSpec(
                    "MESSAGES_TABLE",
                    "cruddur-messages",
                    "pk",
                    "sk",
                    List.of(new Index("inbox", "gsi1pk", "gsi1sk"), new Index("outbox", "outbox", "outbox_due"))),
            List.of(
                    DESCRIBE,
                    "dynamodb:GetItem",
                    "dynamodb:Query",
                    "dynamodb:PutItem",
                    "dynamodb:UpdateItem",
                    "dynamodb:DeleteItem"),
            Events.PUBLISHES,
            true,
            false);

    /** Every service that runs in AWS; the edge does not (the load balancer routes instead). */
    public static final List<ServiceSpec> ALL = List.of(USERS, ACTIVITIES, NOTIFICATIONS, MESSAGES);

    public static ServiceSpec named(String name) {
        return ALL.stream()
                .filter(spec -> spec.name.equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no deployed service " + name));
    }

    /** {@code users} → {@code Users}, for construct ids and output names. */
    public String title() {
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }
}
