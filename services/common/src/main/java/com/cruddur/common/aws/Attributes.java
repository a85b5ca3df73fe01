package com.cruddur.common.aws;

import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The DynamoDB attribute values and keys every repository writes. */
public final class Attributes {

    private Attributes() {}

    public static AttributeValue s(String value) {
        return AttributeValue.builder().s(value).build();
    }

    public static AttributeValue n(long value) {
        return AttributeValue.builder().n(Long.toString(value)).build();
    }

    /** The key {@code pk} of a table without a sort key, as a map the caller may add attributes to. */
    public static Map<String, AttributeValue> key(String pk) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", s(pk));
        return key;
    }

    /** The key {@code pk}, {@code sk}, as a map the caller may add attributes to. */
    public static Map<String, AttributeValue> key(String pk, String sk) {
        Map<String, AttributeValue> key = key(pk);
        key.put("sk", s(sk));
        return key;
    }
}
