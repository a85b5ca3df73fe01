package com.cruddur.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * Requests as the Cruddur frontend sends them: {@code Content-Type: application/json} on every request, and paths
 * as written ({@code /api/users/@bayko/short}: browsers do not escape the {@code @}).
 */
public final class Api {

    private Api() {}

    public static RequestSpecification anonymous() {
        return given().urlEncodingEnabled(false).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification as(String handle) {
        return withToken(SharedStack.get().accessToken(handle));
    }

    public static RequestSpecification withToken(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }
}
