package com.cruddur.common.error;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Every service's entry point. Quarkus refuses a URL that {@link java.net.URI} cannot parse (a broken {@code %}
 * escape) with an empty 400 before any route runs; with its check off, {@link JsonFailures} makes the same check and
 * answers {@code 400 ["uri_invalid"]} in JSON. The switch is a system property that Quarkus reads as it starts, so it
 * is set here, before; the tests set it in the build (the parent pom's Surefire settings).
 */
@QuarkusMain
public final class CruddurMain {

    private CruddurMain() {}

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
