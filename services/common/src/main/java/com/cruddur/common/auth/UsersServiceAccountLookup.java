package com.cruddur.common.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The account status from the users service ({@code GET /internal/users/status?sub=}), for every service but the users
 * service, which asks Cognito itself, and keeps its answer: it says for how much longer it may be kept.
 */
@DefaultBean
@ApplicationScoped
public class UsersServiceAccountLookup implements AccountLookup {

    private final URI usersService;
    private final ObjectMapper json;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    public UsersServiceAccountLookup(
            @ConfigProperty(name = "cruddur.auth.users-service-url") URI usersService, ObjectMapper json) {
        this.usersService = usersService;
        this.json = json;
    }

    @Override
    public Answer lookup(String sub) {
        URI status =
                usersService.resolve("/internal/users/status?sub=" + URLEncoder.encode(sub, StandardCharsets.UTF_8));
        try {
            HttpResponse<String> response = http.send(
                    HttpRequest.newBuilder(status)
                            .timeout(Duration.ofSeconds(2))
                            .header("Accept", "application/json")
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the users service answered " + response.statusCode());
            }
            JsonNode answer = json.readTree(response.body());
            return new Answer(
                    answer.path("active").asBoolean(true),
                    Duration.ofMillis(answer.path("keep_for_ms").asLong(0)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
