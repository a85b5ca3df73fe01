package com.cruddur.common.aws;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * The DynamoDB tables a service owns, as it would create them. In AWS the infrastructure code creates them; locally
 * the service creates the missing ones at start-up when {@code cruddur.dynamodb.create-tables} is on.
 */
public interface OwnedTables {

    List<CreateTableRequest> definitions();

    /** A global secondary index projecting every attribute; {@code rangeKey} may be null. */
    record Index(String name, String hashKey, String rangeKey) {}

    /**
     * How every Cruddur table is made: string keys, on-demand billing, indexes projecting all attributes.
     * {@code rangeKey} may be null.
     */
    static CreateTableRequest table(String name, String hashKey, String rangeKey, Index... indexes) {
        Set<String> attributes = new LinkedHashSet<>();
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        attributes.add(hashKey);
        if (rangeKey != null) {
            attributes.add(rangeKey);
        }
        for (Index index : indexes) {
            attributes.add(index.hashKey());
            if (index.rangeKey() != null) {
                attributes.add(index.rangeKey());
            }
            gsis.add(GlobalSecondaryIndex.builder()
                    .indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(Projection.builder()
                            .projectionType(ProjectionType.ALL)
                            .build())
                    .build());
        }
        CreateTableRequest.Builder table = CreateTableRequest.builder()
                .tableName(name)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(attributes.stream()
                        .map(attribute -> AttributeDefinition.builder()
                                .attributeName(attribute)
                                .attributeType(ScalarAttributeType.S)
                                .build())
                        .toList())
                .keySchema(keySchema(hashKey, rangeKey));
        if (!gsis.isEmpty()) {
            table.globalSecondaryIndexes(gsis);
        }
        return table.build();
    }

    private static List<KeySchemaElement> keySchema(String hashKey, String rangeKey) {
        List<KeySchemaElement> keys = new ArrayList<>();
        keys.add(KeySchemaElement.builder()
                .attributeName(hashKey)
                .keyType(KeyType.HASH)
                .build());
        if (rangeKey != null) {
            keys.add(KeySchemaElement.builder()
                    .attributeName(rangeKey)
                    .keyType(KeyType.RANGE)
                    .build());
        }
        return keys;
    }
}
