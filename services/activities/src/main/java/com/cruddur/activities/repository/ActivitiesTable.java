package com.cruddur.activities.repository;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.common.aws.OwnedTables;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** The activities table and its two indexes; docs/data-model-activities.md explains the keys. */
@ApplicationScoped
public class ActivitiesTable implements OwnedTables {

    static final String FEED_INDEX = "feed";
    static final String AUTHOR_INDEX = "author";

    private final ActivitiesConfig config;

    public ActivitiesTable(ActivitiesConfig config) {
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
                .attributeDefinitions(string("pk"), string("sk"), string("gsi1pk"), string("gsi1sk"), string("gsi2pk"),
                        string("gsi2sk"))
                .keySchema(key("pk", KeyType.HASH), key("sk", KeyType.RANGE))
                .globalSecondaryIndexes(index(FEED_INDEX, "gsi1pk", "gsi1sk"), index(AUTHOR_INDEX, "gsi2pk", "gsi2sk"))
                .build());
    }

    private static GlobalSecondaryIndex index(String name, String pk, String sk) {
        return GlobalSecondaryIndex.builder().indexName(name)
                .keySchema(key(pk, KeyType.HASH), key(sk, KeyType.RANGE))
                .projection(Projection.builder().projectionType(ProjectionType.ALL).build())
                .build();
    }

    private static AttributeDefinition string(String name) {
        return AttributeDefinition.builder().attributeName(name).attributeType(ScalarAttributeType.S).build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }
}
