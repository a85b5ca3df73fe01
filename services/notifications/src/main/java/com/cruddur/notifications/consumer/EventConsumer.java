package com.cruddur.notifications.consumer;

import com.cruddur.events.Event;
import com.cruddur.events.EventsConfig;
import com.cruddur.notifications.NotificationsConfig;
import com.cruddur.notifications.service.Notifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Consumes the events queue with long polling, at least once: a message is deleted only after its event was
 * processed. A message that fails is received again after {@code retry-delay}; after the queue's maximum number of
 * receives SQS moves it to the dead-letter queue.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final SqsClient sqs;
    private final EventsConfig events;
    private final NotificationsConfig config;
    private final Notifier notifier;
    private final ObjectMapper json;
    private volatile boolean running;
    private Thread poller;

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public EventConsumer(SqsClient sqs, EventsConfig events, NotificationsConfig config, Notifier notifier, ObjectMapper json,
            OpenTelemetry openTelemetry, Tracer tracer) {
        this.sqs = sqs;
        this.events = events;
        this.config = config;
        this.notifier = notifier;
        this.json = json;
        this.openTelemetry = openTelemetry;
        this.tracer = tracer;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        poller = new Thread(this::poll, "event-consumer");
        poller.setDaemon(true);
        poller.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        if (poller != null) {
            poller.interrupt();
            poller.join(2000);
        }
    }

    private void poll() {
        long backoff = 100;
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(events.queueUrl())
                        .maxNumberOfMessages(10)
                        .waitTimeSeconds((int) config.pollWait().toSeconds())
                        .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                        .messageAttributeNames("All")
                        // a long poll takes up to poll-wait: longer than the clients' usual timeouts
                        .overrideConfiguration(c -> c.apiCallAttemptTimeout(config.pollWait().plusSeconds(5))
                                .apiCallTimeout(config.pollWait().plusSeconds(10)))).messages();
                messages.forEach(this::handle);
                backoff = 100;
            } catch (SdkException e) {
                if (!running) {
                    return;
                }
                LOG.warnf("receiving events failed, retrying in %d ms: %s", backoff, e.toString());
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = Math.min(backoff * 2, 10_000);
            }
        }
    }

    /** Processes one message in a span that continues the trace of the request that published it. */
    private void handle(Message message) {
        Context published = openTelemetry.getPropagators().getTextMapPropagator()
                .extract(Context.root(), message.messageAttributes(), ATTRIBUTES);
        Span span = tracer.spanBuilder("cruddur-events process").setParent(published).setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.message.id", message.messageId())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            notifier.process(json.readValue(message.body(), Event.class));
            sqs.deleteMessage(r -> r.queueUrl(events.queueUrl()).receiptHandle(message.receiptHandle()));
        } catch (Exception e) {
            span.recordException(e);
            LOG.warnf("event %s failed (receive %s): %s", message.messageId(),
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), e.toString());
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(events.queueUrl()).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) config.retryDelay().toSeconds()));
            } catch (SdkException visibility) {
                // it becomes visible again at the queue's visibility timeout
            }
        } finally {
            span.end();
        }
    }

    private static final TextMapGetter<Map<String, MessageAttributeValue>> ATTRIBUTES = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, MessageAttributeValue> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, MessageAttributeValue> carrier, String key) {
            MessageAttributeValue value = carrier == null ? null : carrier.get(key);
            return value == null ? null : value.stringValue();
        }
    };
}
