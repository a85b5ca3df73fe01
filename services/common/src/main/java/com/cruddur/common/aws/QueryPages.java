package com.cruddur.common.aws;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/** Walking the pages of a DynamoDB query. */
public final class QueryPages {

    private QueryPages() {
    }

    /** Where the next page of this query starts, or null when this page was the last. */
    public static Map<String, AttributeValue> nextStart(QueryResponse response) {
        return response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty() ? response.lastEvaluatedKey() : null;
    }
}
