package com.cruddur.events;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What a publishing service derives from an item of its outbox after the response: writes that depend on it and
 * events that need a lookup (mentions). Called again until it succeeds, so it must be idempotent, and the events it
 * returns must have ids that depend only on the item (so a second delivery is recognised downstream).
 */
public interface OutboxDerivations {

    List<Event> derive(Map<String, AttributeValue> item);
}
