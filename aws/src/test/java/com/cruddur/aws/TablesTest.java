package com.cruddur.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.activities.ActivitiesConfig;
import com.cruddur.activities.repository.ActivitiesTable;
import com.cruddur.common.aws.OwnedTables;
import com.cruddur.messages.repository.MessagesTable;
import com.cruddur.notifications.NotificationsConfig;
import com.cruddur.notifications.repository.NotificationsTable;
import com.cruddur.users.UsersConfig;
import com.cruddur.users.repository.UsersTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;

/**
 * The tables are the services' own (same keys, same indexes as each service's {@code OwnedTables}, which creates
 * them locally), and every one is on-demand, expires items by TTL, keeps point-in-time backups and is protected
 * from deletion unless the deployment says otherwise.
 */
class TablesTest {

    private static Synthesized deployment;

    @BeforeAll
    static void synthesize() {
        deployment = Synthesized.standard();
    }

    @Test
    void eachServiceOwnsOneTableShapedAsItsCodeDeclaresIt() {
        Map<String, OwnedTables> declared = Map.of(
                "users", new UsersTable(config(UsersConfig.class, "cruddur-users")),
                "activities", new ActivitiesTable(config(ActivitiesConfig.class, "cruddur-activities")),
                "notifications", new NotificationsTable(config(NotificationsConfig.class, "cruddur-notifications")),
                "messages", new MessagesTable("cruddur-messages"));
        assertEquals(
                declared.size(),
                Synthesized.resources(deployment.appJson, "AWS::DynamoDB::Table")
                        .size());
        for (Map.Entry<String, OwnedTables> service : declared.entrySet()) {
            assertEquals(1, service.getValue().definitions().size());
            CreateTableRequest expected = service.getValue().definitions().get(0);
            JsonNode table = deployment
                    .appJson
                    .path("Resources")
                    .path(deployment.service(service.getKey()).table())
                    .path("Properties");
            assertEquals(expected.tableName(), table.path("TableName").asText());
            assertEquals(keys(expected.keySchema()), keys(table.path("KeySchema")), service.getKey());

            Map<String, String> attributes = new TreeMap<>();
            expected.attributeDefinitions().forEach(a -> attributes.put(a.attributeName(), a.attributeTypeAsString()));
            Map<String, String> synthesized = new TreeMap<>();
            table.path("AttributeDefinitions")
                    .forEach(a -> synthesized.put(
                            a.path("AttributeName").asText(),
                            a.path("AttributeType").asText()));
            assertEquals(attributes, synthesized, service.getKey());

            Map<String, Map<String, String>> indexes = new TreeMap<>();
            for (GlobalSecondaryIndex index : expected.globalSecondaryIndexes()) {
                assertEquals("ALL", index.projection().projectionTypeAsString());
                indexes.put(index.indexName(), keys(index.keySchema()));
            }
            Map<String, Map<String, String>> synthesizedIndexes = new TreeMap<>();
            table.path("GlobalSecondaryIndexes").forEach(index -> {
                assertEquals(
                        "ALL", index.path("Projection").path("ProjectionType").asText());
                synthesizedIndexes.put(index.path("IndexName").asText(), keys(index.path("KeySchema")));
            });
            assertEquals(indexes, synthesizedIndexes, service.getKey());
        }
    }

    @Test
    void everyTableIsOnDemandWithTtlPointInTimeRecoveryAndDeletionProtection() {
        for (JsonNode table : Synthesized.resources(deployment.appJson, "AWS::DynamoDB::Table")
                .values()) {
            JsonNode properties = table.path("Properties");
            String name = properties.path("TableName").asText();
            assertEquals("PAY_PER_REQUEST", properties.path("BillingMode").asText(), name);
            assertEquals(
                    "ttl",
                    properties
                            .path("TimeToLiveSpecification")
                            .path("AttributeName")
                            .asText(),
                    name);
            assertTrue(
                    properties.path("TimeToLiveSpecification").path("Enabled").asBoolean(), name);
            assertTrue(
                    properties
                            .path("PointInTimeRecoverySpecification")
                            .path("PointInTimeRecoveryEnabled")
                            .asBoolean(),
                    name);
            assertTrue(properties.path("DeletionProtectionEnabled").asBoolean(), name);
            assertEquals("Retain", table.path("DeletionPolicy").asText(), "deleting the stack keeps the data: " + name);
            assertEquals("Retain", table.path("UpdateReplacePolicy").asText(), name);
        }
    }

    @Test
    void deletionProtectionIsADeploymentSetting() {
        Synthesized unprotected = Synthesized.with(DeploymentSettings.DELETION_PROTECTION, "false");
        Set<Boolean> protection = new TreeSet<>();
        Synthesized.resources(unprotected.appJson, "AWS::DynamoDB::Table")
                .values()
                .forEach(table -> protection.add(table.path("Properties")
                        .path("DeletionProtectionEnabled")
                        .asBoolean()));
        assertEquals(Set.of(false), protection);
        assertEquals(
                "INACTIVE",
                unprotected
                        .appJson
                        .path("Resources")
                        .path(unprotected.only("AWS::Cognito::UserPool"))
                        .path("Properties")
                        .path("DeletionProtection")
                        .asText());
        assertEquals(
                "ACTIVE",
                deployment
                        .appJson
                        .path("Resources")
                        .path(deployment.only("AWS::Cognito::UserPool"))
                        .path("Properties")
                        .path("DeletionProtection")
                        .asText());
    }

    private static Map<String, String> keys(Iterable<KeySchemaElement> schema) {
        Map<String, String> keys = new TreeMap<>();
        schema.forEach(key -> keys.put(key.keyTypeAsString(), key.attributeName()));
        return keys;
    }

    private static Map<String, String> keys(JsonNode schema) {
        Map<String, String> keys = new TreeMap<>();
        schema.forEach(key ->
                keys.put(key.path("KeyType").asText(), key.path("AttributeName").asText()));
        return keys;
    }

    /** A service's configuration mapping answering only its table's name, which is all a table definition reads. */
    private static <T> T config(Class<T> type, String table) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("table")) {
                return table;
            }
            throw new UnsupportedOperationException(method.getName());
        }));
    }
}
