package com.cruddur.notifications;

import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.common.aws.Attributes;
import com.cruddur.common.time.Timestamps;
import com.cruddur.events.Event;
import com.cruddur.notifications.repository.NotificationsTable;
import com.cruddur.notifications.repository.StreamRepository;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.LocalStackResource;
import com.cruddur.testing.MovableClock;
import com.cruddur.testing.Raw;
import com.cruddur.testing.SharedStack;
import com.cruddur.testing.UsersServiceResource;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The live notifications stream: tickets, delivery, replay after a position, heartbeats, revocation, limits. */
@QuarkusTest
@WithTestResource(LocalStackResource.class)
@WithTestResource(UsersServiceResource.class)
class LiveNotificationsTest {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();
    private static final OpenApiValidationFilter RESPONSES = Contract.responseValidator();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    @Inject
    SqsClient sqs;

    @Inject
    ObjectMapper json;

    @Inject
    MovableClock clock;

    @Inject
    StreamRepository streams;

    @Inject
    DynamoDbClient dynamoDb;

    @Inject
    NotificationsTable table;

    private final List<Sse> opened = new ArrayList<>();

    @AfterEach
    void cleanUp() {
        clock.reset();
        opened.forEach(Sse::close);
    }

    /** One message of a stream: an event ({@code name}, {@code id}, {@code data}), or a comment ({@code name} null). */
    record Message(String name, String id, String data, String comment) {}

    /** An open stream, read line by line on a thread of its own. */
    static final class Sse {
        final HttpResponse<Stream<String>> response;
        final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        private static final Object END = new Object();

        Sse(HttpResponse<Stream<String>> response) {
            this.response = response;
            Thread reader = new Thread(() -> {
                String name = null;
                String id = null;
                StringBuilder data = null;
                try {
                    for (String line : (Iterable<String>) response.body()::iterator) {
                        if (line.isEmpty()) {
                            if (name != null || data != null) {
                                messages.add(new Message(name, id, data == null ? null : data.toString(), null));
                            }
                            name = null;
                            id = null;
                            data = null;
                        } else if (line.startsWith(":")) {
                            messages.add(new Message(
                                    null, null, null, line.substring(1).trim()));
                        } else if (line.startsWith("event:")) {
                            name = line.substring(6).trim();
                        } else if (line.startsWith("id:")) {
                            id = line.substring(3).trim();
                        } else if (line.startsWith("data:")) {
                            data = (data == null ? new StringBuilder() : data.append('\n'))
                                    .append(line.substring(5).trim());
                        }
                    }
                } catch (RuntimeException e) {
                    // closed
                }
                messages.add(END);
            });
            reader.setDaemon(true);
            reader.start();
        }

        /** The next event called {@code name}, skipping others and comments; fails after 15 s. */
        Message next(String name) throws InterruptedException {
            Instant deadline = Instant.now().plusSeconds(15);
            while (Instant.now().isBefore(deadline)) {
                Object m = messages.poll(100, TimeUnit.MILLISECONDS);
                if (m == END) {
                    throw new AssertionError("the stream ended while waiting for " + name);
                }
                if (m instanceof Message message && name.equals(message.name())) {
                    return message;
                }
            }
            throw new AssertionError("no " + name + " event within 15 s");
        }

        /** The next message of any kind, or null if none comes within {@code wait}. */
        Object poll(Duration wait) throws InterruptedException {
            return messages.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        }

        boolean ended(Duration within) throws InterruptedException {
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline)) {
                if (messages.poll(100, TimeUnit.MILLISECONDS) == END) {
                    return true;
                }
            }
            return false;
        }

        void close() {
            response.body().close();
        }
    }

    static String ticket(String handle) {
        return Api.as(handle)
                .filter(CONTRACT)
                .post("/api/notifications/stream_ticket")
                .then()
                .statusCode(200)
                .extract()
                .path("ticket");
    }

    /** Opens a stream with this query and these headers, checked to be an event stream; the caller closes it. */
    static Sse connect(String query, Map<String, String> headers) throws Exception {
        var request = Raw.request("/api/notifications/stream?" + query).header("Accept", "text/event-stream");
        headers.forEach(request::header);
        HttpResponse<Stream<String>> response = HTTP.send(request.GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, response.statusCode(), "the stream opened");
        assertTrue(
                response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"),
                "an event stream");
        return new Sse(response);
    }

    private Sse open(String query, Map<String, String> headers) throws Exception {
        Sse sse = connect(query, headers);
        opened.add(sse);
        return sse;
    }

    private Sse open(String handle) throws Exception {
        return open("ticket=" + ticket(handle), Map.of());
    }

    private void reply(String actor, String recipient, String crud) throws Exception {
        String body = json.writeValueAsString(replied(actor, recipient, crud));
        sqs.sendMessage(r -> r.queueUrl(SharedStack.get().queues().queue()).messageBody(body));
    }

    /** The event of a reply by {@code actor} to {@code recipient}'s {@code crud}. */
    static Event replied(String actor, String recipient, String crud) {
        Instant now = Instant.now();
        return Event.of(
                Event.ACTIVITY_REPLIED,
                Timestamps.format(now),
                SharedStack.get().sub(actor),
                SharedStack.get().sub(recipient),
                new Event.Subject(
                        crud,
                        null,
                        null,
                        null,
                        "the text of " + crud,
                        Timestamps.format(now),
                        Timestamps.format(now.plus(Duration.ofDays(1))),
                        0L,
                        0L,
                        0L));
    }

    private List<Map<String, Object>> listed(String handle) throws IOException {
        String body = Api.as(handle)
                .filter(CONTRACT)
                .get("/api/activities/notifications")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return json.readValue(body, new TypeReference<>() {});
    }

    private Map<String, Object> data(Message message) throws IOException {
        return json.readValue(message.data(), new TypeReference<>() {});
    }

    private static void eventually(Supplier<Boolean> condition) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(15);
        while (!condition.get()) {
            assertTrue(Instant.now().isBefore(deadline), "not within 15 s");
            Thread.sleep(100);
        }
    }

    private void refused(String query, int status, String code) {
        Api.anonymous()
                .filter(RESPONSES)
                .accept("text/event-stream") // as EventSource sends it: errors are JSON all the same
                .get("/api/notifications/stream?" + query)
                .then()
                .statusCode(status)
                .contentType("application/json")
                .body("$", contains(code));
    }

    @Test
    void aTicketWorksOnceAndExpires() throws Exception {
        String me = SharedStack.get().createUser("ticketed", "Ticketed");
        String ticket = ticket(me);
        assertTrue(ticket.length() >= 32);
        Sse first = open("ticket=" + ticket, Map.of());
        assertEquals(Map.of("unread", 0), data(first.next("unread")), "the count comes first");
        refused("ticket=" + ticket, 401, "ticket_invalid");

        String late = ticket(me);
        clock.advance(Duration.ofSeconds(61));
        refused("ticket=" + late, 401, "ticket_invalid");
        refused("ticket=" + UUID.randomUUID(), 401, "ticket_invalid");
        refused("ticket=", 401, "ticket_invalid");
        Api.anonymous()
                .filter(CONTRACT)
                .post("/api/notifications/stream_ticket")
                .then()
                .statusCode(401);
    }

    @Test
    void aStoredNotificationReachesTheOpenStreamAsTheListShowsIt() throws Exception {
        String me = SharedStack.get().createUser("streamed", "Streamed");
        Sse stream = open(me);
        stream.next("unread");
        String crud = UUID.randomUUID().toString();
        reply("bayko", me, crud);
        Message event = stream.next("notification");
        assertNotNull(event.id(), "a notification carries its position");
        assertEquals(listed(me).get(0), data(event), "the event carries the notification as the list shows it");
        assertEquals(crud, data(event).get("uuid"));
        assertEquals(Map.of("unread", 1), data(stream.next("unread")));
        Object heartbeat;
        do {
            heartbeat = stream.poll(Duration.ofSeconds(5));
        } while (heartbeat instanceof Message m && m.comment() == null);
        assertTrue(heartbeat instanceof Message m && "heartbeat".equals(m.comment()), "a heartbeat comment");
    }

    @Test
    void aReconnectWithTheLastEventIdReplaysExactlyWhatWasMissed() throws Exception {
        String me = SharedStack.get().createUser("replayed", "Replayed");
        Sse before = open(me);
        String seen = UUID.randomUUID().toString();
        reply("bayko", me, seen);
        String last = before.next("notification").id();
        before.close();
        last = reconnect(me, last, false, 1);
        reconnect(me, last, true, 5); // the first, three missed, one live
        refused("ticket=" + ticket(me) + "&last_event_id=not-a-position", 422, "last_event_id_invalid");
    }

    /**
     * Stores three notifications while no stream is open, reconnects after {@code last} (by the query parameter or
     * the header), and checks that exactly those three come, in growing positions, then a live one and nothing
     * before it; answers the live one's position.
     */
    private String reconnect(String me, String last, boolean byHeader, int listedBefore) throws Exception {
        Set<String> missed = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String crud = UUID.randomUUID().toString();
            missed.add(crud);
            reply("londo", me, crud);
        }
        eventually(() -> {
            try {
                return listed(me).size() == listedBefore + 3;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
        Sse again = byHeader
                ? open("ticket=" + ticket(me), Map.of("Last-Event-ID", last))
                : open("ticket=" + ticket(me) + "&last_event_id=" + last, Map.of());
        Set<String> replayed = new HashSet<>();
        String previous = last;
        for (int i = 0; i < 3; i++) {
            Message m = again.next("notification");
            assertTrue(m.id().compareTo(previous) > 0, "positions grow: " + previous + " then " + m.id());
            previous = m.id();
            replayed.add((String) data(m).get("uuid"));
        }
        assertEquals(missed, replayed, "exactly the missed ones");
        String live = UUID.randomUUID().toString();
        reply("bayko", me, live);
        Message next = again.next("notification");
        assertEquals(live, data(next).get("uuid"), "then the live one, nothing else before it");
        again.close();
        return next.id();
    }

    @Test
    void theStreamOfAUserWhoIsDisabledEnds() throws Exception {
        String me = SharedStack.get().createUser("revoked", "Soon Revoked");
        Sse stream = open(me);
        stream.next("unread");
        SharedStack.get().disableUser(me);
        clock.advance(Duration.ofSeconds(31)); // past the account status's 30 s
        assertTrue(stream.ended(Duration.ofSeconds(15)), "the stream ended");
    }

    @Test
    void aUserHasAtMostFiveStreamsAndALimitedNumberOfTickets() throws Exception {
        String me = SharedStack.get().createUser("many", "Many Tabs");
        List<Sse> tabs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            tabs.add(open(me));
        }
        Api.anonymous()
                .filter(RESPONSES)
                .accept("text/event-stream")
                .get("/api/notifications/stream?ticket=" + ticket(me))
                .then()
                .statusCode(429)
                .header("Retry-After", "1")
                .body("$", contains("too_many_streams"));
        tabs.get(0).close();
        String sub = SharedStack.get().sub(me);
        eventually(() -> streams.openStreams(sub, Instant.now(clock)).size() == 4);
        open(me);

        String eager = SharedStack.get().createUser("eager", "Eager");
        for (int i = 0; i < 20; i++) {
            ticket(eager);
        }
        Api.as(eager)
                .filter(CONTRACT)
                .post("/api/notifications/stream_ticket")
                .then()
                .statusCode(429)
                .body("$", contains("rate_limited"));
        clock.advance(Duration.ofMinutes(1));
        assertNotNull(ticket(eager), "the allowance is whole again after a minute");
    }

    @Test
    void aNotificationStoredHereWakesTheStreamsAnotherInstanceHolds() throws Exception {
        String me = SharedStack.get().createUser("elsewhere", "Elsewhere");
        BlockingQueue<String> woken = new LinkedBlockingQueue<>();
        HttpServer peer = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        peer.createContext("/internal/notifications/wake", exchange -> {
            woken.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        peer.start();
        try {
            streams.holdStream(
                    SharedStack.get().sub(me),
                    UUID.randomUUID().toString(),
                    "http://127.0.0.1:" + peer.getAddress().getPort(),
                    Instant.now().plusSeconds(60));
            reply("bayko", me, UUID.randomUUID().toString());
            String body = woken.poll(15, TimeUnit.SECONDS);
            assertNotNull(body, "the other instance was woken");
            assertEquals(Map.of("sub", SharedStack.get().sub(me)), json.readValue(body, Map.class));
        } finally {
            peer.stop(0);
        }
    }

    /**
     * This instance remembers the last position it appended for a recipient (no read before the next append), yet an
     * entry another instance appended meanwhile is neither overwritten nor skipped: the append takes the one after it.
     */
    @Test
    void anAppendAfterAnotherInstancesTakesTheNextPosition() {
        String recipient = UUID.randomUUID().toString();
        Instant expires = Instant.now().plusSeconds(600);
        assertEquals(1, streams.append(recipient, "N#first", expires));
        var other = Attributes.key("USER#" + recipient, "E#" + StreamRepository.position(2));
        other.put("at", Attributes.s("N#elsewhere"));
        dynamoDb.putItem(r -> r.tableName(table.name()).item(other));
        assertEquals(3, streams.append(recipient, "N#third", expires));
        assertEquals(4, streams.append(recipient, "N#fourth", expires));
        List<String> log = streams.after(recipient, 0, 10).stream()
                .map(StreamRepository.LogEntry::at)
                .toList();
        assertEquals(List.of("N#first", "N#elsewhere", "N#third", "N#fourth"), log);
    }
}
