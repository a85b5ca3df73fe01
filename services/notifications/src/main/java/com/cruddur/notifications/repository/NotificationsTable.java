package com.cruddur.notifications.repository;

import com.cruddur.common.aws.OwnedTables;
import com.cruddur.notifications.NotificationsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** One partition per recipient: notifications ({@code N#<time>#<uuid>}) and their id pointers ({@code ID#<uuid>}). */
@ApplicationScoped
public class NotificationsTable implements OwnedTables {

    private final NotificationsConfig config;

    public NotificationsTable(NotificationsConfig config) {
        this.config = config;
    }

    public String name() {
        return config.table();
    }

    @Override
    public List<CreateTableRequest> definitions() {
        return List.of(CreateTableRequest.builder()
                .tableName(name())
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        AttributeDefinition.builder().attributeName("pk").attributeType(ScalarAttributeType.S).build(),
                        AttributeDefinition.builder().attributeName("sk").attributeType(ScalarAttributeType.S).build())
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build())
                .build());
    }
}
