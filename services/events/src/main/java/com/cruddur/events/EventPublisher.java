package com.cruddur.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;

/**
 * Sends events to SQS after the write they describe succeeded, without ever failing or slowing that write: events go
 * to a bounded buffer and one background thread sends them in order, retrying with exponential backoff while SQS is
 * unreachable, for up to {@code cruddur.events.retry-for}. docs/events.md says what this guarantees and what not.
 */
@ApplicationScoped
public class EventPublisher {

    private static final Logger LOG = Logger.getLogger(EventPublisher.class);

    private final SqsClient sqs;
    private final EventsConfig config;
    private final ObjectMapper json;
    private final BlockingQueue<Pending> buffer;
    private volatile boolean running;
    private Thread sender;

    /** An event waiting to be sent, with the trace context of the request that made it. */
    private record Pending(Event event, Instant since, Map<String, String> trace) {
    }

    private final OpenTelemetry openTelemetry;

    public EventPublisher(SqsClient sqs, EventsConfig config, ObjectMapper json, OpenTelemetry openTelemetry) {
        this.sqs = sqs;
        this.config = config;
        this.json = json;
        this.openTelemetry = openTelemetry;
        this.buffer = new LinkedBlockingQueue<>(config.bufferSize());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        sender = new Thread(this::sendLoop, "event-publisher");
        sender.setDaemon(true);
        sender.start();
    }

    /** Queues the event for sending; never blocks and never throws. Self-actions are not published. */
    public void publish(Event event) {
        if (event.actorSub().equals(event.recipientSub())) {
            return;
        }
        Map<String, String> trace = new HashMap<>();
        openTelemetry.getPropagators().getTextMapPropagator().inject(Context.current(), trace, Map::put);
        if (!buffer.offer(new Pending(event, Instant.now(), trace))) {
            LOG.errorf("event buffer full: dropped %s %s", event.type(), event.id());
        }
    }

    private void sendLoop() {
        Duration backoff = config.firstBackoff();
        Pending next = null;
        while (running || next != null || !buffer.isEmpty()) {
            try {
                if (next == null) {
                    next = buffer.poll(200, TimeUnit.MILLISECONDS);
                    if (next == null) {
                        continue;
                    }
                }
                send(next);
                next = null;
                backoff = config.firstBackoff();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                if (Duration.between(next.since(), Instant.now()).compareTo(config.retryFor()) > 0) {
                    LOG.errorf("gave up sending %s %s after %s: %s", next.event().type(), next.event().id(),
                            config.retryFor(), e.toString());
                    next = null;
                    continue;
                }
                LOG.warnf("sending %s failed, retrying in %s: %s", next.event().type(), backoff, e.toString());
                if (!sleep(backoff)) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : backoff.multipliedBy(2);
            }
        }
    }

    /** The body is the event; the attributes carry its type and the W3C trace context ({@code traceparent}). */
    private void send(Pending pending) {
        String body;
        try {
            body = json.writeValueAsString(pending.event());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>();
        attributes.put("type", text(pending.event().type()));
        pending.trace().forEach((name, value) -> attributes.put(name, text(value)));
        sqs.sendMessage(r -> r.queueUrl(config.queueUrl()).messageBody(body).messageAttributes(attributes));
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder().dataType("String").stringValue(value).build();
    }

    private boolean sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** On shutdown, gives the buffer a few seconds to drain. */
    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (sender != null) {
            sender.join(5000);
        }
    }
}
