package com.cruddur.common.error;

import com.cruddur.common.telemetry.ErrorReporter;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Failures that happen before a request reaches a resource (a body over the size limit, a request Vert.x itself
 * refuses) answer in the same JSON error format as everything else.
 */
@ApplicationScoped
public class JsonFailures {

    private static final Logger LOG = Logger.getLogger(JsonFailures.class);

    private final long maxBodySize;
    private final Set<String> corsOrigins;
    private final ErrorReporter reporter;

    public JsonFailures(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins,
            ErrorReporter reporter) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.corsOrigins = Set.copyOf(corsOrigins.orElse(List.of()));
        this.reporter = reporter;
    }

    void install(@Observes Router router) {
        // before Quarkus's own size check, which would answer 413 with an empty body
        router.route().order(Integer.MIN_VALUE).handler(this::refuseOversizedBodies);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
    }

    private void refuseOversizedBodies(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                && Long.parseLong(length) > maxBodySize) {
            ctx.response().putHeader("Connection", "close");
            allowOrigin(ctx);
            json(ctx, 413);
            return;
        }
        ctx.next();
    }

    /**
     * This refusal comes before Quarkus's CORS filter has run: without the allowed origin, a browser would hide the
     * answer from the frontend (a network error instead of {@code ["body_too_large"]}).
     */
    private void allowOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", origin).putHeader("Vary", "Origin");
        }
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("request failed", ctx.failure());
            reporter.report(ctx.failure() == null ? new IllegalStateException("status " + status) : ctx.failure(),
                    new ErrorReporter.Failure(ctx.request().method().name(), ctx.normalizedPath(), status, Optional.empty()));
        }
        json(ctx, status);
    }

    private static void json(RoutingContext ctx, int status) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(Json.encode(List.of(ErrorMappers.codeFor(status))));
    }
}
