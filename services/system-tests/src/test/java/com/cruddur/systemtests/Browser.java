package com.cruddur.systemtests;

import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import com.cruddur.testing.Api;
import com.cruddur.testing.Contract;
import io.restassured.specification.RequestSpecification;

/** Requests as the Cruddur React frontend makes them from its origin, through the edge, checked against the contract. */
final class Browser {

    private static final OpenApiValidationFilter CONTRACT = Contract.validator();

    private Browser() {}

    static RequestSpecification anonymous() {
        return Api.anonymous()
                .baseUri(SystemUnderTest.backend().api().toString())
                .port(SystemUnderTest.backend().api().getPort())
                .header("Origin", SystemUnderTest.FRONTEND)
                .filter(CONTRACT);
    }

    static RequestSpecification as(String handle) {
        return anonymous().header("Authorization", "Bearer " + SystemUnderTest.accessToken(handle));
    }

    /** What the browser does before each call: a preflight that must allow the method and the headers. */
    static void preflight(String method, String path) {
        Api.anonymous()
                .baseUri(SystemUnderTest.backend().api().toString())
                .port(SystemUnderTest.backend().api().getPort())
                .header("Origin", SystemUnderTest.FRONTEND)
                .header("Access-Control-Request-Method", method)
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .options(path)
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", SystemUnderTest.FRONTEND);
    }
}
