package com.cruddur.events;

import com.cruddur.common.error.Bursts;
import com.cruddur.common.error.Outages;
import com.cruddur.common.time.Timestamps;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.BatchResultErrorEntry;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchResponse;

/**
 * Sends what the {@link Outbox} holds, in a background thread of the publishing service: it reads the due items
 * of the {@code outbox} index, lets the service derive what depends on each ({@link OutboxDerivations}), sends the
 * events to SQS, ten to a call, and then clears the item's marker. Delivery is at least once. Nothing is ever given
 * up for time:
 * <ul>
 * <li>a retryable failure (SQS or a service away, throttling) moves that item's next attempt back, doubling from
 * {@code first-backoff} up to {@code max-backoff}; SQS away ends the round, everything else waits for the next; it is
 * logged once per burst of failures of its kind ({@link Bursts}), not once per item;</li>
 * <li>a send SQS refuses for good (a 4xx about the message, not our setup) sets the item aside ({@code outbox =
 * SET_ASIDE}, the dead letters, counted as {@code cruddur_events_set_aside_total}), logged once, and the relay goes
 * on with the next item.</li>
 * </ul>
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /**
     * The most items a round reads (one {@code Query}) and relays at once: enough that the round's serial steps (the
     * read, then the derivations, the sends and the clearing, each spread over the pool) are shared by many items.
     */
    private static final int ROUND = 100;
    /** The most messages one {@code SendMessageBatch} takes. */
    private static final int BATCH = 10;
    /**
     * SQS refusals (4xx) that say something about our setup, not about the message: a retry can succeed once it is
     * fixed. Any other refusal (InvalidMessageContents, a malformed request, ...) is the message's, for good.
     */
    private static final Set<String> SETUP = Set.of(
            "AccessDenied",
            "AccessDeniedException",
            "InvalidClientTokenId",
            "ExpiredToken",
            "SignatureDoesNotMatch",
            "RequestExpired",
            "InvalidSecurity",
            "QueueDoesNotExist",
            "AWS.SimpleQueueService.NonExistentQueue",
            "RequestThrottled");

    private final DynamoDbClient dynamoDb;
    private final SqsClient sqs;
    private final EventsConfig config;
    private final Instance<OutboxDerivations> derivations;
    private final Clock clock;
    private final ObjectMapper json;
    private final Counter setAside;
    private final Bursts failures;
    private final Semaphore nudged = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private ExecutorService workers;

    public OutboxRelay(
            DynamoDbClient dynamoDb,
            SqsClient sqs,
            EventsConfig config,
            Instance<OutboxDerivations> derivations,
            Clock clock,
            ObjectMapper json,
            MeterRegistry metrics) {
        this.json = json;
        this.dynamoDb = dynamoDb;
        this.sqs = sqs;
        this.config = config;
        this.derivations = derivations;
        this.clock = clock;
        this.failures = new Bursts(clock);
        this.setAside = Counter.builder("cruddur.events.set.aside")
                .description("Events SQS refused for good, set aside in the outbox instead of sent")
                .register(metrics);
    }

    void start(@Observes StartupEvent event) {
        if (config.outboxTable().isEmpty()) {
            return;
        }
        running = true;
        AtomicInteger named = new AtomicInteger();
        workers = Executors.newFixedThreadPool(config.relayParallelism(), task -> {
            Thread worker = new Thread(task, "outbox-relay-worker-" + named.incrementAndGet());
            worker.setDaemon(true);
            return worker;
        });
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        nudged.release();
        if (thread != null) {
            thread.join(5000);
            workers.shutdownNow();
        }
    }

    /** Something was committed: look now. */
    void nudge() {
        nudged.release();
    }

    private void loop() {
        while (running) {
            try {
                if (!round()) {
                    nudged.tryAcquire(config.relayInterval().toMillis(), TimeUnit.MILLISECONDS);
                    nudged.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // DynamoDB away: the items stay pending, the next round finds them
                LOG.debugf("outbox round failed: %s", e.toString());
                sleep(config.relayInterval());
            }
        }
    }

    /** One round over the due items; true when it was full (more may be due at once). */
    boolean round() throws InterruptedException {
        Instant now = clock.instant();
        QueryResponse due = dynamoDb.query(r -> r.tableName(config.outboxTable().orElseThrow())
                .indexName(Outbox.INDEX)
                .keyConditionExpression("outbox = :pending AND outbox_due <= :now")
                .expressionAttributeValues(Map.of(
                        ":pending",
                        AttributeValue.fromS(Outbox.PENDING),
                        ":now",
                        AttributeValue.fromS(Timestamps.format(now))))
                .limit(ROUND));
        // the items are independent (each derivation is idempotent and conditional, as with several instances)
        List<Delivery> deliveries = inParallel(due.items(), item -> {
                    try {
                        return new Delivery(item, messages(item));
                    } catch (RuntimeException e) {
                        retryLater(item, e);
                        return null;
                    }
                })
                .stream()
                .filter(Objects::nonNull)
                .toList();
        boolean sqsAway = send(deliveries);
        inParallel(deliveries, delivery -> {
            if (delivery.refused != null) {
                setAside(delivery.item, delivery.refused);
            } else if (delivery.failed != null) {
                retryLater(delivery.item, delivery.failed);
            } else if (delivery.unsent == 0) {
                cleared(delivery.item);
            }
            // else: not tried, SQS was away; it stays due
            return delivery;
        });
        return !sqsAway && due.items().size() == ROUND;
    }

    /** Runs the task on each input on the relay's bounded pool, and waits for all of them. */
    private <T, R> List<R> inParallel(List<T> inputs, Function<T, R> task) throws InterruptedException {
        List<Future<R>> running = new ArrayList<>();
        for (T input : inputs) {
            running.add(workers.submit(() -> task.apply(input)));
        }
        List<R> results = new ArrayList<>();
        for (Future<R> result : running) {
            try {
                results.add(result.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException(e.getCause());
            }
        }
        return results;
    }

    /** One item's events on their way: how many are still unsent, and why it failed, if it did. */
    private static final class Delivery {
        final Map<String, AttributeValue> item;
        final List<SendMessageBatchRequestEntry> messages;
        int unsent;
        AwsServiceException refused;
        RuntimeException failed;

        Delivery(Map<String, AttributeValue> item, List<SendMessageBatchRequestEntry> messages) {
            this.item = item;
            this.messages = messages;
            this.unsent = messages.size();
        }
    }

    /** The item's events (its own and those the service derives from it) as SQS messages, with its trace context. */
    private List<SendMessageBatchRequestEntry> messages(Map<String, AttributeValue> item) {
        List<String> bodies = new ArrayList<>(
                item.get("outbox_events").l().stream().map(AttributeValue::s).toList());
        for (OutboxDerivations service : derivations) {
            service.derive(item).forEach(event -> bodies.add(write(event)));
        }
        Map<String, MessageAttributeValue> trace = new HashMap<>();
        item.getOrDefault("outbox_trace", AttributeValue.fromM(Map.of()))
                .m()
                .forEach((name, value) -> trace.put(name, text(value.s())));
        return bodies.stream().map(body -> message(body, trace)).toList();
    }

    /**
     * Sends the round's messages ten to a call ({@code SendMessageBatch}), the calls at once, judging each entry on
     * its own: an entry SQS refuses for good sets its item aside, one it fails retryably moves its item's next attempt
     * back, and neither holds up the rest. A whole call refused for good (a request SQS cannot parse) is sent again
     * one message a call, so that only the culprit's item is set aside. Returns true when SQS is away (the round ends
     * there).
     */
    private boolean send(List<Delivery> deliveries) throws InterruptedException {
        List<Delivery> owners = new ArrayList<>();
        List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
        for (Delivery delivery : deliveries) {
            for (SendMessageBatchRequestEntry message : delivery.messages) {
                owners.add(delivery);
                entries.add(
                        message.toBuilder().id(Integer.toString(entries.size())).build());
            }
        }
        List<List<SendMessageBatchRequestEntry>> batches = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += BATCH) {
            batches.add(entries.subList(from, Math.min(from + BATCH, entries.size())));
        }
        boolean away = false;
        for (Sent sent : inParallel(batches, this::sendBatch)) {
            away |= sent.away;
            sent.outcomes.forEach((id, failure) -> {
                Delivery owner = owners.get(Integer.parseInt(id));
                if (failure.isEmpty()) {
                    owner.unsent--;
                } else if (failure.get() instanceof AwsServiceException e && refusedForGood(e)) {
                    owner.refused = e;
                } else {
                    owner.failed = failure.get();
                }
            });
        }
        return away;
    }

    /**
     * What became of one call's entries: each tried entry's failure by its id (empty: sent; an entry absent was not
     * tried, SQS being away), and whether SQS was away.
     */
    private record Sent(Map<String, Optional<RuntimeException>> outcomes, boolean away) {}

    private Sent sendBatch(List<SendMessageBatchRequestEntry> batch) {
        Map<String, Optional<RuntimeException>> outcomes = new HashMap<>();
        try {
            SendMessageBatchResponse response =
                    sqs.sendMessageBatch(r -> r.queueUrl(config.queueUrl()).entries(batch));
            response.successful().forEach(ok -> outcomes.put(ok.id(), Optional.empty()));
            response.failed().forEach(error -> outcomes.put(error.id(), Optional.of(entryFailure(error))));
            return new Sent(outcomes, false);
        } catch (AwsServiceException e) {
            if (!refusedForGood(e)) {
                batch.forEach(entry -> outcomes.put(entry.id(), Optional.of(e)));
                return new Sent(outcomes, true);
            }
            for (SendMessageBatchRequestEntry entry : batch) {
                Optional<RuntimeException> failure = sendAlone(entry);
                outcomes.put(entry.id(), failure);
                if (failure.isPresent() && away(failure.get())) {
                    return new Sent(outcomes, true);
                }
            }
            return new Sent(outcomes, false);
        } catch (RuntimeException e) {
            batch.forEach(entry -> outcomes.put(entry.id(), Optional.of(e)));
            return new Sent(outcomes, Outages.unavailableDependency(e).isPresent());
        }
    }

    /** Sends one message in a call of its own; its failure, if it failed. */
    private Optional<RuntimeException> sendAlone(SendMessageBatchRequestEntry entry) {
        try {
            sqs.sendMessage(r -> r.queueUrl(config.queueUrl())
                    .messageBody(entry.messageBody())
                    .messageAttributes(entry.messageAttributes()));
            return Optional.empty();
        } catch (RuntimeException e) {
            return Optional.of(e);
        }
    }

    /** A failure that means SQS is away, not that the message was refused. */
    private static boolean away(RuntimeException e) {
        return e instanceof AwsServiceException refusal
                ? !refusedForGood(refusal)
                : Outages.unavailableDependency(e).isPresent();
    }

    private static AwsServiceException entryFailure(BatchResultErrorEntry error) {
        return (AwsServiceException) AwsServiceException.builder()
                .statusCode(Boolean.TRUE.equals(error.senderFault()) ? 400 : 500)
                .message(error.message())
                .awsErrorDetails(AwsErrorDetails.builder()
                        .errorCode(error.code())
                        .errorMessage(error.message())
                        .build())
                .build();
    }

    /** The markers go once every event of the item was sent; an item that only carried events goes with them. */
    private void cleared(Map<String, AttributeValue> item) {
        if (item.containsKey(Outbox.THEN_DELETE)) {
            delete(item);
        } else {
            update(item, "REMOVE outbox, outbox_due, outbox_events, outbox_trace, outbox_attempts", Map.of());
        }
    }

    /**
     * The body is the event's JSON with every character beyond ASCII escaped ({@code \uFFFF}), so SQS, which refuses
     * noncharacters and lone surrogates, never sees one raw; the consumer's JSON parser reads the same text. Ten of
     * them stay far below a batch's 256 KB: an event carries at most one crud's or message's text.
     */
    private SendMessageBatchRequestEntry message(String body, Map<String, MessageAttributeValue> trace) {
        JsonNode event;
        String ascii;
        try {
            event = json.readTree(body);
            ascii = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII).writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        Map<String, MessageAttributeValue> attributes = new HashMap<>(trace);
        attributes.put("type", text(event.path("type").asText()));
        return SendMessageBatchRequestEntry.builder()
                .messageBody(ascii)
                .messageAttributes(attributes)
                .build();
    }

    private String write(Event event) {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean refusedForGood(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return e.statusCode() >= 400
                && e.statusCode() < 500
                && !e.isThrottlingException()
                && (code == null || !(SETUP.contains(code) || code.startsWith("Kms")));
    }

    private void retryLater(Map<String, AttributeValue> item, RuntimeException e) {
        int attempts = item.containsKey("outbox_attempts")
                ? Integer.parseInt(item.get("outbox_attempts").n())
                : 0;
        Duration backoff = config.firstBackoff().multipliedBy(1L << Math.min(attempts, 20));
        if (backoff.compareTo(config.maxBackoff()) > 0) {
            backoff = config.maxBackoff();
        }
        Bursts.Failure failure = failures.failed(e.getClass().getSimpleName());
        failure.previous()
                .ifPresent(ended -> LOG.infof(
                        "deliveries failed with %s for %s: %d attempts retried later",
                        e.getClass().getSimpleName(), ended.length(), ended.count()));
        if (failure.opened()) {
            LOG.warnf(
                    "delivering %s failed, retrying (told once per burst): %s",
                    item.get("pk").s(), e.getClass().getSimpleName());
        }
        update(
                item,
                "SET outbox_due = :due, outbox_attempts = :attempts",
                Map.of(
                        ":due",
                                AttributeValue.fromS(
                                        Timestamps.format(clock.instant().plus(backoff))),
                        ":attempts", AttributeValue.fromN(Integer.toString(attempts + 1))));
    }

    private void setAside(Map<String, AttributeValue> item, AwsServiceException e) {
        String reason = e.awsErrorDetails() == null || e.awsErrorDetails().errorCode() == null
                ? "HTTP " + e.statusCode()
                : e.awsErrorDetails().errorCode();
        // the error's message may quote the body, a user's text: not logged
        LOG.errorf(
                "SQS refused the events of %s for good (%s, status %d): set aside",
                item.get("pk").s(), reason, e.statusCode());
        update(
                item,
                "SET outbox = :aside, outbox_reason = :reason",
                Map.of(":aside", AttributeValue.fromS(Outbox.SET_ASIDE), ":reason", AttributeValue.fromS(reason)));
        setAside.increment();
    }

    /** Changes the item only while it is still the version this round read (another instance may have relayed it). */
    private void update(Map<String, AttributeValue> item, String expression, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":read", item.get("outbox_due"));
        try {
            dynamoDb.updateItem(r -> r.tableName(config.outboxTable().orElseThrow())
                    .key(Outbox.key(item))
                    .updateExpression(expression)
                    .conditionExpression("outbox_due = :read")
                    .expressionAttributeValues(all));
        } catch (ConditionalCheckFailedException changed) {
            // relayed or rescheduled by another instance meanwhile
        }
    }

    /** Deletes an item that only carried its events, unless it was written again since this round read it. */
    private void delete(Map<String, AttributeValue> item) {
        try {
            dynamoDb.deleteItem(r -> r.tableName(config.outboxTable().orElseThrow())
                    .key(Outbox.key(item))
                    .conditionExpression("outbox_due = :read")
                    .expressionAttributeValues(Map.of(":read", item.get("outbox_due"))));
        } catch (ConditionalCheckFailedException changed) {
            // liked again, or relayed by another instance meanwhile
        }
    }

    private static MessageAttributeValue text(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
