package com.cruddur.common.error;

import com.cruddur.common.telemetry.ErrorReporter;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Failures that happen before a request reaches a resource (a body over the size limit, a request Vert.x itself
 * refuses, a CORS refusal) answer in the same JSON error format as everything else, and every response carries the
 * security headers.
 */
@ApplicationScoped
public class JsonFailures {

    private static final Logger LOG = Logger.getLogger(JsonFailures.class);

    private final long maxBodySize;
    private final long maxHeaderSize;
    private final int maxUrlLength;
    private final Set<String> corsOrigins;
    private final Set<String> corsMethods;
    private final ErrorReporter reporter;

    public JsonFailures(
            @ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize,
            @ConfigProperty(name = "cruddur.http.max-header-size") MemorySize maxHeaderSize,
            @ConfigProperty(name = "cruddur.http.max-url-length") int maxUrlLength,
            @ConfigProperty(name = "quarkus.http.cors.origins") Optional<List<String>> corsOrigins,
            @ConfigProperty(name = "quarkus.http.cors.methods") List<String> corsMethods,
            ErrorReporter reporter) {
        this.maxBodySize = maxBodySize.asLongValue();
        this.maxHeaderSize = maxHeaderSize.asLongValue();
        this.maxUrlLength = maxUrlLength;
        this.corsOrigins = Set.copyOf(corsOrigins.orElse(List.of()));
        this.corsMethods = Set.copyOf(corsMethods);
        this.reporter = reporter;
    }

    void install(@Observes Router router) {
        // before Quarkus's own checks (size, CORS), which would answer with an empty body
        router.route().order(Integer.MIN_VALUE).handler(this::refuseBadRequests);
        router.route().order(Integer.MIN_VALUE).failureHandler(this::handle);
        // a body is read here, up to the limit, whatever its encoding: over it (a chunked body has no length to check
        // first), the failure handler answers 413
        BodyHandler bodies = BodyHandler.create(false).setBodyLimit(maxBodySize);
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (hasBody(ctx.request())) {
                bodies.handle(ctx);
            } else {
                ctx.next();
            }
        });
    }

    /**
     * Everything Vert.x or Quarkus would refuse with an empty body, refused here in JSON: headers or a URL over the
     * limits the API promises (Vert.x's own limits are set far above them, see the configuration), a browser origin
     * or method CORS does not allow, a body over the size limit, a body without a {@code Content-Type}.
     */
    private void refuseBadRequests(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        secureHeaders(ctx);
        if (request.uri().length() > maxUrlLength) {
            refuse(ctx, 414);
        } else if (!isUri(request.uri())) {
            json(ctx, 400, ErrorCodes.URI_INVALID);
        } else if (headerSize(request.headers()) > maxHeaderSize) {
            refuse(ctx, 431);
        } else if (request.getHeader("Origin") != null && !corsAllows(request)) {
            json(ctx, 403, ErrorCodes.ORIGIN_NOT_ALLOWED);
        } else if (contentLength(request) > maxBodySize) {
            refuse(ctx, 413);
        } else if (hasBody(request) && request.getHeader("Content-Type") == null) {
            refuse(ctx, 415);
        } else {
            ctx.next();
        }
    }

    /** A refusal the frontend can read: with the allowed origin, since Quarkus's CORS filter has not run yet. */
    private void refuse(RoutingContext ctx, int status) {
        if (hasBody(ctx.request())) {
            // the unread body would otherwise be taken for the next request on this connection
            ctx.response().putHeader("Connection", "close");
        }
        allowOrigin(ctx);
        json(ctx, status);
    }

    /** The same decision as Quarkus's CORS filter: a configured origin or the server's own, and a configured method. */
    private boolean corsAllows(HttpServerRequest request) {
        String origin = request.getHeader("Origin");
        boolean sameOrigin = origin.equals(request.scheme() + "://" + request.getHeader("Host"));
        return (corsOrigins.contains(origin) || sameOrigin)
                && corsMethods.contains(request.method().name());
    }

    /**
     * On every response, whoever writes it: no content sniffing; {@code Cache-Control: no-store} on answers to a
     * signed-in caller (they are that caller's own) and on 401; the Bearer challenge on 401; {@code Vary: Origin}
     * beside an allowed origin, so that a shared cache never serves one origin's answer to another.
     */
    private static void secureHeaders(RoutingContext ctx) {
        boolean signedIn = ctx.request().getHeader("Authorization") != null;
        ctx.addHeadersEndHandler(ended -> {
            MultiMap headers = ctx.response().headers();
            headers.set("X-Content-Type-Options", "nosniff");
            int status = ctx.response().getStatusCode();
            if (signedIn || status == 401) {
                headers.set("Cache-Control", "no-store");
            }
            if (status == 401) {
                headers.set("WWW-Authenticate", "Bearer");
            }
            if (headers.contains("Access-Control-Allow-Origin")
                    && headers.getAll("Vary").stream()
                            .noneMatch(vary -> vary.toLowerCase(Locale.ROOT).contains("origin"))) {
                headers.add("Vary", "Origin");
            }
        });
    }

    /**
     * The check Quarkus makes before any route (and answers with an empty 400), made here to answer in JSON:
     * {@link CruddurMain} turns Quarkus's own off. A broken {@code %} escape, a space, a bare {@code |} fail it.
     */
    static boolean isUri(String uri) {
        try {
            new URI(uri);
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** Header bytes as the request carried them: name, colon, space, value, line break. */
    private static long headerSize(MultiMap headers) {
        long size = 0;
        for (Map.Entry<String, String> header : headers) {
            size += header.getKey().length() + header.getValue().length() + 4;
        }
        return size;
    }

    /** The declared length; -1 when there is none (no body, or a chunked one) or it is not a number. */
    private static long contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        if (length == null
                || length.isEmpty()
                || length.length() > 18
                || !length.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        return Long.parseLong(length);
    }

    private static boolean hasBody(HttpServerRequest request) {
        return contentLength(request) > 0 || request.getHeader("Transfer-Encoding") != null;
    }

    /**
     * This refusal comes before Quarkus's CORS filter has run: without the allowed origin, a browser would hide the
     * answer from the frontend (a network error instead of {@code ["body_too_large"]}).
     */
    private void allowOrigin(RoutingContext ctx) {
        String origin = ctx.request().getHeader("Origin");
        if (origin != null && corsOrigins.contains(origin)) {
            ctx.response().putHeader("Access-Control-Allow-Origin", origin);
        }
    }

    private void handle(RoutingContext ctx) {
        if (ctx.response().closed() || ctx.failure() instanceof HttpClosedException) {
            // the caller (the edge, for a client who went away) hung up: no one to answer, and no server error
            LOG.debugf(
                    "%s %s: the caller hung up before the answer", ctx.request().method(), ctx.normalizedPath());
            return;
        }
        if (ctx.response().ended() || ctx.response().headWritten()) {
            return;
        }
        int status = ctx.statusCode() >= 400 ? ctx.statusCode() : 500;
        if (status >= 500) {
            LOG.error("request failed", ctx.failure());
            reporter.report(
                    ctx.failure() == null ? new IllegalStateException("status " + status) : ctx.failure(),
                    new ErrorReporter.Failure(
                            ctx.request().method().name(), ctx.normalizedPath(), status, Optional.empty()));
        }
        allowOrigin(ctx);
        json(ctx, status);
    }

    private static void json(RoutingContext ctx, int status) {
        json(ctx, status, ErrorMappers.codeFor(status));
    }

    private static void json(RoutingContext ctx, int status, String code) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end(Json.encode(List.of(code)));
    }
}
