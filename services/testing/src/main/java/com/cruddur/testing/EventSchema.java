package com.cruddur.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.fge.jsonschema.core.exceptions.ProcessingException;
import com.github.fge.jsonschema.core.report.ProcessingReport;
import com.github.fge.jsonschema.main.JsonSchema;
import com.github.fge.jsonschema.main.JsonSchemaFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Checks an event body against {@code frontend-contract/events.schema.json}. */
public final class EventSchema {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchema SCHEMA = load();

    private EventSchema() {}

    /** Fails with the schema's findings when {@code body} is not a valid event. */
    public static JsonNode validate(String body) {
        try {
            JsonNode event = JSON.readTree(body);
            ProcessingReport report = SCHEMA.validate(event);
            if (!report.isSuccess()) {
                throw new AssertionError("not a valid event: " + report + "\n" + body);
            }
            return event;
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + body, e);
        } catch (ProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonSchema load() {
        try (InputStream in =
                EventSchema.class.getClassLoader().getResourceAsStream("cruddur-contract/events.schema.json")) {
            return JsonSchemaFactory.byDefault().getJsonSchema(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
