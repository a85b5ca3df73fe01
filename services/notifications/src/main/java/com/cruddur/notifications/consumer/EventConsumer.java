package com.cruddur.notifications.consumer;

import com.cruddur.events.Event;
import com.cruddur.events.EventsConfig;
import com.cruddur.notifications.NotificationsConfig;
import com.cruddur.notifications.service.Notifier;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.jboss.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
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

    public EventConsumer(SqsClient sqs, EventsConfig events, NotificationsConfig config, Notifier notifier, ObjectMapper json) {
        this.sqs = sqs;
        this.events = events;
        this.config = config;
        this.notifier = notifier;
        this.json = json;
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

    private void handle(Message message) {
        try {
            notifier.process(json.readValue(message.body(), Event.class));
            sqs.deleteMessage(r -> r.queueUrl(events.queueUrl()).receiptHandle(message.receiptHandle()));
        } catch (Exception e) {
            LOG.warnf("event %s failed (receive %s): %s", message.messageId(),
                    message.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT), e.toString());
            try {
                sqs.changeMessageVisibility(r -> r.queueUrl(events.queueUrl()).receiptHandle(message.receiptHandle())
                        .visibilityTimeout((int) config.retryDelay().toSeconds()));
            } catch (SdkException visibility) {
                // it becomes visible again at the queue's visibility timeout
            }
        }
    }
}
