package com.cruddur.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An open {@code text/event-stream} response read line by line as it arrives, the way a browser's EventSource reads
 * it: each line is handed over the moment it is received, so a test can wait for one with a deadline.
 */
public final class EventStream implements AutoCloseable {

    /** What {@link #line} answers once the stream has ended. */
    public static final String END = "\u0000end";

    private static final HttpClient CLIENT =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final HttpResponse<Stream<String>> response;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread reader = new Thread(
                () -> {
                    try (Stream<String> body = response.body()) {
                        body.forEach(lines::add);
                    } catch (RuntimeException closed) {
                        // the connection was closed
                    }
                    lines.add(END);
                },
                "event-stream-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /** A GET of {@code path} of the application under test ({@link Raw}), asking for events as EventSource does. */
    public static EventStream open(String path) throws IOException, InterruptedException {
        return open(Raw.request(path).build().uri());
    }

    /** A GET of {@code url}, asking for an event stream as EventSource does (no other header). */
    public static EventStream open(URI url) throws IOException, InterruptedException {
        return new EventStream(CLIENT.send(
                HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(10))
                        .header("Accept", "text/event-stream")
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofLines()));
    }

    public HttpResponse<Stream<String>> response() {
        return response;
    }

    /** The next line, or {@link #END}; fails when none arrives within {@code deadline}. */
    public String line(Duration deadline) throws InterruptedException {
        String line = lines.poll(deadline.toMillis(), TimeUnit.MILLISECONDS);
        if (line == null) {
            throw new AssertionError("no line of the stream within " + deadline);
        }
        return line;
    }

    /** The next line that is not a comment (a heartbeat) nor blank. */
    public String field(Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            String line = line(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (!line.isEmpty() && !line.startsWith(":")) {
                return line;
            }
        }
    }

    /**
     * The fields of the next event (comments skipped), by name, as an {@code EventSource} reads them: in any order,
     * with or without a space after the colon; fails when none is complete within {@code deadline}.
     */
    public Map<String, String> event(Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        Map<String, String> fields = new HashMap<>();
        while (true) {
            String line = line(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (line.equals(END)) {
                throw new AssertionError("the stream ended while waiting for an event");
            }
            if (line.isEmpty()) {
                if (!fields.isEmpty()) {
                    return fields;
                }
            } else if (!line.startsWith(":")) {
                int colon = line.indexOf(':');
                String value = colon < 0 ? "" : line.substring(colon + 1);
                fields.put(
                        colon < 0 ? line : line.substring(0, colon),
                        value.startsWith(" ") ? value.substring(1) : value);
            }
        }
    }

    /** The next event called {@code name}, skipping others, within {@code deadline}. */
    public Map<String, String> event(String name, Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            Map<String, String> event = event(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (name.equals(event.get("event"))) {
                return event;
            }
        }
    }

    /** The fields of the rest of the stream, up to its end, which must come within {@code deadline}. */
    public List<String> rest(Duration deadline) throws InterruptedException {
        long until = System.nanoTime() + deadline.toNanos();
        List<String> rest = new ArrayList<>();
        while (true) {
            String field = field(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            if (field.equals(END)) {
                return rest;
            }
            rest.add(field);
        }
    }

    /** Hangs up, as a browser that leaves the page does. */
    @Override
    public void close() {
        response.body().close();
    }
}
