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
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Consumes the events queue with long polling, at least once: a message is deleted only after its event was
 * processed. Several pollers receive up to ten messages each; the events of a received batch are processed in
 * parallel on a bounded pool of workers, one recipient's at a time (a like and its unlike must not race on one
 * notification), and the processed ones deleted in one call. A message that fails is
 * received again after {@code retry-delay}; after the queue's maximum number of receives SQS moves it to the
 * dead-letter queue: a poison message holds up none of the others.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    private final SqsClient sqs;
    private final EventsConfig events;
    private final NotificationsConfig config;
    private final Notifier notifier;
    private final ObjectMapper json;
    /** The most messages one receive (and one delete) takes. */
    private static final int BATCH = 10;

    /** Locks striped by recipient: one recipient's events are processed one at a time in this instance. */
    private final Object[] recipients = new Object[64];

    private volatile boolean running;
    private final List<Thread> pollers = new ArrayList<>();
    private ExecutorService workers;

    private final OpenTelemetry openTelemetry;
    private final Tracer tracer;

    public EventConsumer(
            SqsClient sqs,
            EventsConfig events,
            NotificationsConfig config,
            Notifier notifier,
            ObjectMapper json,
            OpenTelemetry openTelemetry,
            Tracer tracer) {
        this.sqs = sqs;
        this.events = events;
        this.config = config;
        this.notifier = notifier;
        this.json = json;
        this.openTelemetry = openTelemetry;
        this.tracer = tracer;
        Arrays.setAll(recipients, i -> new Object());
    }

    void start(@Observes StartupEvent event) {
        running = true;
        AtomicInteger named = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.parallelism(), task -> {
            Thread thread = new Thread(task, "event-worker-" + named.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        for (int i = 1; i <= config.pollers(); i++) {
            Thread poller = new Thread(this::poll, "event-consumer-" + i);
            poller.setDaemon(true);
            poller.start();
            pollers.add(poller);
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        pollers.forEach(Thread::interrupt);
        // an interrupt does not end a long poll's read: give them 2 s together, not 2 s each
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        for (Thread poller : pollers) {
            TimeUnit.NANOSECONDS.timedJoin(poller, Math.max(1, deadline - System.nanoTime()));
        }
        if (workers != null) {
            workers.shutdownNow();
        }
    }

    private void poll() {
        long backoff = 100;
        while (running) {
            try {
                List<Message> messages = sqs.receiveMessage(r -> r.queueUrl(events.queueUrl())
                                .maxNumberOfMessages(BATCH)
                                .waitTimeSeconds((int) config.pollWait().toSeconds())
                                .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT)
                                .messageAttributeNames("All")
                                // a long poll takes up to poll-wait: longer than the clients' usual timeouts
                                .overrideConfiguration(c -> c.apiCallAttemptTimeout(
                                                config.pollWait().plusSeconds(5))
                                        .apiCallTimeout(config.pollWait().plusSeconds(10))))
                        .messages();
                if (!messages.isEmpty()) {
                    delete(process(messages));
                }
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
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Processes a received batch in parallel on the workers, each recipient's events in the order received (a like
     * and its unlike must not race on one notification); returns the messages that were processed.
     */
    private List<Message> process(List<Message> messages) throws InterruptedException {
        Map<String, List<Message>> byRecipient = new LinkedHashMap<>();
        messages.forEach(message -> byRecipient
                .computeIfAbsent(recipientOf(message), r -> new ArrayList<>())
                .add(message));
        List<Future<List<Message>>> groups = new ArrayList<>();
        for (Map.Entry<String, List<Message>> group : byRecipient.entrySet()) {
            // the other pollers' batches may hold events of the same recipient: one at a time per recipient
            Object recipient = recipients[Math.floorMod(group.getKey().hashCode(), recipients.length)];
            groups.add(workers.submit(() -> {
                synchronized (recipient) {
                    return group.getValue().stream().filter(this::handle).toList();
                }
            }));
        }
        List<Message> processed = new ArrayList<>();
        for (Future<List<Message>> group : groups) {
            try {
                processed.addAll(group.get());
            } catch (ExecutionException e) {
                // handle() catches everything: not expected; the group's messages are received again
                LOG.warnf("processing events failed: %s", e.getCause().toString());
            }
        }
        return processed;
    }

    private String recipientOf(Message message) {
        try {
            return json.readTree(message.body()).path("recipient_sub").asText(message.messageId());
        } catch (IOException e) {
            return message.messageId(); // handle() says why it fails, alone
        }
    }

    /**
     * Deletes the processed messages in one call. An entry SQS fails to delete is only received again, and processing
     * is idempotent: it changes nothing the second time.
     */
    private void delete(List<Message> processed) {
        if (processed.isEmpty()) {
            return;
        }
        List<DeleteMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Message message : processed) {
            entries.add(DeleteMessageBatchRequestEntry.builder()
                    .id(Integer.toString(entries.size()))
                    .receiptHandle(message.receiptHandle())
                    .build());
        }
        try {
            sqs.deleteMessageBatch(r -> r.queueUrl(events.queueUrl()).entries(entries))
                    .failed()
                    .forEach(failed -> LOG.infof(
                            "event %s was processed but not deleted (%s): it will be received again",
                            processed.get(Integer.parseInt(failed.id())).messageId(), failed.code()));
        } catch (SdkException e) {
            LOG.warnf(
                    "deleting %d processed events failed, they will be received again: %s",
                    entries.size(), e.toString());
        }
    }

    /** Processes one message in a span that continues the trace of the request that published it; true if it did. */
    private boolean handle(Message message) {
        Context published = openTelemetry
                .getPropagators()
                .getTextMapPropagator()
                .extract(Context.root(), message.messageAttributes(), ATTRIBUTES);
        Span span = tracer.spanBuilder("cruddur-events process")
                .setParent(published)
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "aws_sqs")
                .setAttribute("messaging.message.id", message.messageId())
                .startSpan();
        try (Scope scope = span.makeCurrent()) {
            notifier.process(json.readValue(message.body(), Event.class));
            return true;
        } catch (Exception e) {
            span.recordException(e);
            LOG.warnf(
                    "event %s failed (receive %s): %s",
                    message.messageId(),
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT),
                    e.toString());
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(events.queueUrl())
                        .receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) config.retryDelay().toSeconds()));
            } catch (SdkException visibility) {
                // it becomes visible again at the queue's visibility timeout
            }
            return false;
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
