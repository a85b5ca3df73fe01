package com.cruddur.common.aws;

import java.util.List;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/**
 * The DynamoDB tables a service owns, as it would create them. In AWS the infrastructure code creates them; locally
 * the service creates the missing ones at start-up when {@code cruddur.dynamodb.create-tables} is on.
 */
public interface OwnedTables {

    List<CreateTableRequest> definitions();
}
