package com.cruddur.common.aws;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.DescribeTableRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Creates a service's own tables on local runs, and makes the service ready only while they answer. */
@Singleton
@Readiness
public class TableLifecycle implements HealthCheck {

    private static final Logger LOG = Logger.getLogger(TableLifecycle.class);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(1);

    private final Instance<DynamoDbClient> dynamoDbClient;
    private final Instance<OwnedTables> owned;
    private final boolean createTables;
    private DynamoDbClient dynamoDb;

    /** The client is looked up lazily: a service without tables (the edge) never builds one. */
    public TableLifecycle(
            Instance<DynamoDbClient> dynamoDb,
            Instance<OwnedTables> owned,
            @ConfigProperty(name = "cruddur.dynamodb.create-tables", defaultValue = "false") boolean createTables) {
        this.dynamoDbClient = dynamoDb;
        this.owned = owned;
        this.createTables = createTables;
    }

    void onStart(@Observes StartupEvent event) {
        if (!createTables) {
            return;
        }
        for (OwnedTables tables : owned) {
            for (CreateTableRequest table : tables.definitions()) {
                createIfMissing(table);
            }
        }
    }

    private DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = dynamoDbClient.get();
        }
        return dynamoDb;
    }

    private void createIfMissing(CreateTableRequest table) {
        DynamoDbClient dynamoDb = dynamoDb();
        try {
            dynamoDb.describeTable(r -> r.tableName(table.tableName()));
        } catch (ResourceNotFoundException missing) {
            try {
                dynamoDb.createTable(table);
                dynamoDb.waiter().waitUntilTableExists(r -> r.tableName(table.tableName()));
                LOG.infof("created table %s", table.tableName());
            } catch (ResourceInUseException createdMeanwhile) {
                // another instance created it first
            }
        }
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("dynamodb");
        for (OwnedTables tables : owned) {
            for (CreateTableRequest table : tables.definitions()) {
                try {
                    dynamoDb()
                            .describeTable(DescribeTableRequest.builder()
                                    .tableName(table.tableName())
                                    .overrideConfiguration(c -> c.apiCallTimeout(PROBE_TIMEOUT))
                                    .build());
                    response.withData(table.tableName(), "ok");
                } catch (RuntimeException e) {
                    return response.down()
                            .withData(table.tableName(), e.getClass().getSimpleName())
                            .build();
                }
            }
        }
        return response.up().build();
    }
}
