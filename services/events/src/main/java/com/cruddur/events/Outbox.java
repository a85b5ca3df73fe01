package com.cruddur.events;

import com.cruddur.common.aws.OwnedTables;
import com.cruddur.common.time.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The durable outbox: events travel in the item whose write they describe, so the write and its events are stored
 * together or not at all, and a relay ({@link OutboxRelay}) sends them after the response, however late. An item
 * still owing something carries {@code outbox = PENDING} and {@code outbox_due}, the keys of the sparse
 * {@code outbox} index; the relay reads that index and removes both once delivered. docs/events.md has the rest.
 */
@ApplicationScoped
public class Outbox {

    public static final String INDEX = "outbox";
    static final String PENDING = "PENDING";
    static final String SET_ASIDE = "SET_ASIDE";
    static final String THEN_DELETE = "outbox_then_delete";

    private final ObjectMapper json;
    private final OpenTelemetry openTelemetry;
    private final OutboxRelay relay;
    private final Clock clock;

    public Outbox(ObjectMapper json, OpenTelemetry openTelemetry, OutboxRelay relay, Clock clock) {
        this.json = json;
        this.openTelemetry = openTelemetry;
        this.relay = relay;
        this.clock = clock;
    }

    /**
     * The key of an outbox item: {@code pk}, and {@code sk} where its table has a sort key (the users table has
     * none). Every publishing table keys its items so.
     */
    static Map<String, AttributeValue> key(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> key = new HashMap<>();
        key.put("pk", item.get("pk"));
        if (item.containsKey("sk")) {
            key.put("sk", item.get("sk"));
        }
        return key;
    }

    /** The index every publishing service's table declares. */
    public static OwnedTables.Index index() {
        return new OwnedTables.Index(INDEX, "outbox", "outbox_due");
    }

    /**
     * The attributes that make an item carry {@code events} (self-actions left out) until the relay delivered them,
     * and whatever else its service derives from it ({@link OutboxDerivations}): add them to the item's put.
     */
    public Map<String, AttributeValue> pending(List<Event> events) {
        Map<String, AttributeValue> trace = new HashMap<>();
        openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .inject(Context.current(), trace, (map, name, value) -> map.put(name, AttributeValue.fromS(value)));
        Map<String, AttributeValue> attributes = new HashMap<>();
        attributes.put("outbox", AttributeValue.fromS(PENDING));
        attributes.put("outbox_due", AttributeValue.fromS(Timestamps.format(clock.instant())));
        attributes.put(
                "outbox_events",
                AttributeValue.fromL(events.stream()
                        .filter(event -> !event.actorSub().equals(event.recipientSub()))
                        .map(this::write)
                        .toList()));
        attributes.put("outbox_trace", AttributeValue.fromM(trace));
        return attributes;
    }

    /** After the item carrying {@link #pending} was stored: the relay looks at once instead of at its next round. */
    public void committed() {
        relay.nudge();
    }

    /**
     * Like {@link #pending}, for an item that exists only to carry its events (a like or repost taken back, a
     * tombstone): the relay deletes it once they are delivered, unless it was written again meanwhile.
     */
    public Map<String, AttributeValue> pendingThenDeleted(List<Event> events) {
        Map<String, AttributeValue> attributes = pending(events);
        attributes.put(THEN_DELETE, AttributeValue.fromBool(true));
        return attributes;
    }

    private AttributeValue write(Event event) {
        try {
            return AttributeValue.fromS(json.writeValueAsString(event));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
