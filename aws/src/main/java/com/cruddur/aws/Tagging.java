package com.cruddur.aws;

import software.amazon.awscdk.Tags;
import software.constructs.IConstruct;

/**
 * The cost-allocation tags. Every taggable resource carries {@code app}, {@code environment} and {@code service};
 * {@code service} is {@code shared} unless the resource belongs to one service.
 */
public final class Tagging {

    public static final String APP = "app";
    public static final String ENVIRONMENT = "environment";
    public static final String SERVICE = "service";
    public static final String SHARED = "shared";

    private Tagging() {}

    /** Tags everything under {@code scope} (a whole app or stack) as Cruddur's, shared until a service claims it. */
    public static void cruddur(IConstruct scope, String environment) {
        Tags.of(scope).add(APP, "cruddur");
        Tags.of(scope).add(ENVIRONMENT, environment);
        Tags.of(scope).add(SERVICE, SHARED);
    }

    /** Claims {@code scope} and everything under it for one service (the nearer tag wins). */
    public static void service(IConstruct scope, String service) {
        Tags.of(scope).add(SERVICE, service);
    }
}
