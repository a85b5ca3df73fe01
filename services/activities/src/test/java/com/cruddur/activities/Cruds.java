package com.cruddur.activities;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import com.cruddur.testing.SharedStack;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Test helpers that act as the frontend does, every call validated against the contract. */
final class Cruds {

    static final OpenApiValidationFilter CONTRACT = Contract.validator();

    private Cruds() {}

    static String post(String handle, String message, String ttl) {
        return Api.as(handle)
                .filter(CONTRACT)
                .body(Map.of("message", message, "ttl", ttl))
                .post("/api/activities")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
    }

    static String reply(String handle, String parent, String message) {
        return Api.as(handle)
                .filter(CONTRACT)
                .body(Map.of("message", message))
                .post("/api/activities/" + parent + "/reply")
                .then()
                .statusCode(200)
                .extract()
                .path("uuid");
    }

    /** How many requests the users service answered on {@code uri}, from its Prometheus metrics. */
    static long usersServiceCalls(String uri) {
        String metrics = Api.anonymous()
                .accept("text/plain")
                .get(SharedStack.get().usersService() + "/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        return metrics.lines()
                .filter(line ->
                        line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"" + uri + "\""))
                .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    /** Every page of a list, following the Link header; returns the uuids in order. */
    static List<String> walk(String firstPage, String handle) {
        List<String> uuids = new ArrayList<>();
        String next = firstPage;
        while (next != null) {
            var response = (handle == null ? Api.anonymous() : Api.as(handle))
                    .filter(CONTRACT)
                    .get(next);
            response.then().statusCode(200);
            JsonPath json = response.jsonPath();
            uuids.addAll(json.getList(firstPage.contains("/@") ? "activities.uuid" : "uuid", String.class));
            String link = response.header("Link");
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
        }
        return uuids;
    }
}
