package com.cruddur.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Requests RestAssured cannot make: a body of unknown length (sent chunked), a body without a {@code Content-Type}.
 * Aimed at the application under test ({@link RestAssured#baseURI} and port).
 */
public final class Raw {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private Raw() {}

    public static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port + path))
                .timeout(Duration.ofSeconds(60));
    }

    /** {@code size} bytes of a JSON string, of no declared length: the client sends them chunked. */
    public static HttpRequest.BodyPublisher chunked(int size) {
        return HttpRequest.BodyPublishers.ofInputStream(() -> new InputStream() {
            private int sent;

            @Override
            public int read() {
                if (sent >= size) {
                    return -1;
                }
                sent++;
                return sent == 1 || sent == size ? '"' : 'x';
            }

            @Override
            public int read(byte[] buffer, int offset, int length) {
                if (length > 0 && sent >= size) {
                    return -1;
                }
                int count = Math.min(length, size - sent);
                for (int i = 0; i < count; i++) {
                    buffer[offset + i] = (byte) read();
                }
                return count;
            }
        });
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A response read off the wire: its status, {@code Content-Type} and body. */
    public record Answer(int status, String contentType, String body) {}

    /**
     * A GET of {@code target} exactly as given, over a plain socket: no client would send a URL that is not a URI (a
     * broken {@code %} escape), while anyone can.
     */
    public static Answer getVerbatim(String target) throws IOException {
        try (Socket socket = new Socket(URI.create(RestAssured.baseURI).getHost(), RestAssured.port)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET " + target + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.ISO_8859_1));
            String[] response =
                    new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\r\n\r\n", 2);
            String[] head = response[0].split("\r\n", -1);
            String contentType = "";
            for (String header : head) {
                if (header.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    contentType = header.substring("content-type:".length()).strip();
                }
            }
            return new Answer(
                    Integer.parseInt(head[0].split(" ", -1)[1]), contentType, response.length > 1 ? response[1] : "");
        }
    }

    /** The error codes of a JSON error body; fails when the body is not a JSON array of strings. */
    public static List<String> codes(HttpResponse<String> response) throws IOException {
        return codes(response.headers().firstValue("Content-Type").orElse(""), response.body());
    }

    public static List<String> codes(Answer answer) throws IOException {
        return codes(answer.contentType(), answer.body());
    }

    private static List<String> codes(String contentType, String body) throws IOException {
        if (!contentType.startsWith("application/json")) {
            throw new AssertionError("not JSON: " + contentType + " " + body);
        }
        return new ObjectMapper().readValue(body, new TypeReference<List<String>>() {});
    }
}
