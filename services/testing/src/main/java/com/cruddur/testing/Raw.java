package com.cruddur.testing;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Requests RestAssured cannot make: a body of unknown length (sent chunked), a body without a {@code Content-Type}.
 * Aimed at the application under test ({@link RestAssured#baseURI} and port).
 */
public final class Raw {

    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private Raw() {
    }

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
        });
    }

    public static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** The error codes of a JSON error body; fails when the body is not a JSON array of strings. */
    public static List<String> codes(HttpResponse<String> response) throws IOException {
        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/json")) {
            throw new AssertionError("not JSON: " + response.headers().map() + " " + response.body());
        }
        return new ObjectMapper().readValue(response.body(), new TypeReference<List<String>>() { });
    }
}
