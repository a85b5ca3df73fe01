package com.cruddur.edge;

import com.cruddur.common.error.ErrorCodes;
import com.cruddur.common.ratelimit.RateLimiter;
import com.cruddur.common.ratelimit.WriteLimits;
import com.cruddur.contract.RoutingTable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClosedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The single API origin of a local run, standing in for the AWS load balancer: each {@code /api} path goes to the
 * service the contract names as its owner, through the same {@link RoutingTable} that produces the load balancer's
 * listener rules. Paths outside the table (the services' {@code /internal} endpoints among them) are never routed.
 * CORS is answered here, by the edge's own CORS filter.
 */
@ApplicationScoped
public class EdgeRouter {

    private static final Logger LOG = Logger.getLogger(EdgeRouter.class);
    /** The edge answers its own routes (the health check); every other owner is a service behind it. */
    static final String SELF = "edge";

    private static final Set<HttpMethod> READS = Set.of(HttpMethod.GET, HttpMethod.HEAD);
    /** What a browser's {@code EventSource} asks for: a stream that stays open (server-sent events). */
    static final String EVENT_STREAM = "text/event-stream";

    private final RoutingTable table = RoutingTable.fromContract();
    /**
     * Each request's body, read whole before it is proxied (common's {@code JsonFailures} reads it, up to the size
     * limit), so that it can be sent again: until the proxy's interceptor takes it.
     */
    private final Map<HttpServerRequest, Buffer> bodies = new ConcurrentHashMap<>();

    void install(
            @Observes Router router,
            Vertx vertx,
            EdgeConfig config,
            OpenTelemetry openTelemetry,
            Clock clock,
            @ConfigProperty(name = "cruddur.rate-limits.enabled") boolean limited,
            @ConfigProperty(name = "cruddur.rate-limits.reads") long reads,
            @ConfigProperty(name = "cruddur.rate-limits.period") Duration period) {
        HttpClient requests = client(vertx, config, config.maxConnections(), -1);
        // an event stream holds its connection while it is open: apart, so that open streams never leave ordinary
        // requests waiting for a connection, and refused at once when the streams are at their limit
        HttpClient streams = client(vertx, config, config.maxStreams(), 0);
        Map<String, Backend> backends = new HashMap<>();
        for (String service : table.services()) {
            if (service.equals(SELF)) {
                continue;
            }
            URI url = config.services().get(service);
            if (url == null) {
                throw new IllegalStateException("no URL for service " + service + ": set cruddur.edge.services."
                        + service + " (env " + service.toUpperCase(Locale.ROOT) + "_SERVICE_URL)");
            }
            SocketAddress origin = SocketAddress.inetSocketAddress(url.getPort(), url.getHost());
            BackendInterceptor interceptor = new BackendInterceptor(
                    service, openTelemetry.getPropagators().getTextMapPropagator(), bodies);
            backends.put(
                    service, new Backend(proxy(requests, origin, interceptor), proxy(streams, origin, interceptor)));
        }
        LOG.infof("edge routes %d path patterns to %s", table.routes().size(), config.services());

        RateLimiter readLimits = new RateLimiter(reads, period, clock);
        // the edge's metrics are for this machine, not for the API's callers
        router.route("/q/metrics*").order(-2).handler(ctx -> json(ctx, 404, ErrorCodes.NOT_FOUND));
        RateLimiter limits = limited ? readLimits : null;
        router.route("/api/*")
                .order(-1)
                .handler(ctx -> route(ctx, table.serviceFor(ctx.normalizedPath()), backends, limits));
        // the browsable API, where the service that serves it (when switched on) answers it
        for (String pattern : RoutingTable.API_DOCS_PATTERNS) {
            router.route(pattern)
                    .order(-1)
                    .handler(ctx -> route(ctx, Optional.of(RoutingTable.API_DOCS_SERVICE), backends, limits));
        }
    }

    /** The two ways to one service: ordinary requests, and event streams. */
    private record Backend(HttpProxy requests, HttpProxy streams) {

        HttpProxy proxyFor(HttpServerRequest request) {
            String accept = request.getHeader(HttpHeaders.ACCEPT);
            return accept != null && accept.toLowerCase(Locale.ROOT).contains(EVENT_STREAM) ? streams : requests;
        }
    }

    /** A pool of at most {@code size} connections to each service, with {@code waiting} requests queued (-1: any). */
    private static HttpClient client(Vertx vertx, EdgeConfig config, int size, int waiting) {
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setKeepAlive(true)
                .setMaxPoolSize(size)
                .setMaxWaitQueueSize(waiting));
    }

    private static HttpProxy proxy(HttpClient client, SocketAddress origin, BackendInterceptor interceptor) {
        return HttpProxy.reverseProxy(client)
                .originRequestProvider((inbound, http) -> http.request(new RequestOptions().setServer(origin))
                        // a caller that hangs up must not leave the backend connection busy in the pool forever,
                        // nor one who hung up while this request waited in the pool's queue take a connection
                        .onSuccess(outbound -> {
                            if (inbound.response().closed()) {
                                outbound.reset();
                            } else {
                                inbound.response().closeHandler(closed -> outbound.reset());
                            }
                        }))
                .addInterceptor(interceptor);
    }

    /**
     * Reads (GET, HEAD), which need no sign-in, are limited per client address here, as the AWS WAF rule limits them
     * in front of the load balancer; writes are limited per caller by the services. False when refused (answered).
     */
    private static boolean limitReads(RoutingContext ctx, RateLimiter limits) {
        RateLimiter.Decision decision =
                limits.take(ctx.request().remoteAddress().hostAddress());
        ctx.addHeadersEndHandler(
                ended -> decision.headers().forEach(ctx.response().headers()::set));
        if (!decision.allowed()) {
            json(ctx, 429, WriteLimits.RATE_LIMITED);
        }
        return decision.allowed();
    }

    private void route(
            RoutingContext ctx, Optional<String> owner, Map<String, Backend> backends, RateLimiter readLimits) {
        if (owner.isEmpty()) {
            json(ctx, 404, ErrorCodes.NOT_FOUND);
        } else if (owner.get().equals(SELF)) {
            ctx.next();
        } else if (readLimits == null || !READS.contains(ctx.request().method()) || limitReads(ctx, readLimits)) {
            Buffer body = ctx.body().buffer();
            bodies.put(ctx.request(), body == null ? Buffer.buffer() : body);
            ctx.addEndHandler(
                    ended -> bodies.remove(ctx.request())); // when the proxy refused it before its interceptor
            backends.get(owner.get()).proxyFor(ctx.request()).handle(ctx.request());
        }
    }

    static void json(RoutingContext ctx, int status, String code) {
        ctx.response()
                .setStatusCode(status)
                .putHeader("Content-Type", "application/json")
                .end("[\"" + code + "\"]");
    }

    /**
     * Passes the edge's trace context on (so the service's spans are children of the edge's request span, and a
     * request that arrived without one is still one trace), drops the backend's own CORS headers (the edge's CORS
     * filter answers for the one origin, and two {@code Access-Control-Allow-Origin} values would make browsers refuse
     * the response), and turns an unreachable backend into a JSON 502.
     * <p>
     * A pooled connection the service closed (its idle timeout, a restart) can fail a request before any answer. Such
     * a request is sent once more on a new connection when that is safe: always for an idempotent method, and for
     * the others only when nothing was sent (the connection could not be made); a POST the service may have acted on
     * is never repeated. The edge's own idle timeout is below the services' ({@code quarkus.http.idle-timeout}), so
     * it is the edge that closes idle connections, and the race stays rare.
     */
    private static final class BackendInterceptor implements ProxyInterceptor {

        private static final Set<HttpMethod> IDEMPOTENT =
                Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.PUT, HttpMethod.DELETE);

        private final String service;
        private final TextMapPropagator propagator;
        private final Map<HttpServerRequest, Buffer> bodies;

        BackendInterceptor(String service, TextMapPropagator propagator, Map<HttpServerRequest, Buffer> bodies) {
            this.service = service;
            this.propagator = propagator;
            this.bodies = bodies;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            Buffer body = bodies.remove(context.request().proxiedRequest());
            if (body != null) {
                // sent with its length, and re-sendable
                context.request().headers().remove("Transfer-Encoding");
                context.request().setBody(body.length() == 0 ? null : Body.body(body));
            }
            propagator.inject(
                    Context.current(), context.request().headers(), (headers, name, value) -> headers.set(name, value));
            return send(context, true);
        }

        private Future<ProxyResponse> send(ProxyContext context, boolean first) {
            return context.sendRequest().recover(failure -> {
                // a caller who hung up had its backend request reset (above): that is no closed connection to retry
                boolean callerGone =
                        context.request().proxiedRequest().response().closed();
                if (first && !callerGone && mayResend(context.request().getMethod(), failure)) {
                    LOG.debugf("%s closed the connection before answering (%s): sending again", service, failure);
                    return send(context, false);
                }
                if (callerGone) {
                    LOG.debugf("%s: the caller hung up before the answer (%s)", service, failure.getMessage());
                } else {
                    LOG.warnf("%s is unreachable: %s", service, failure.getMessage());
                }
                return Future.succeededFuture(context.request()
                        .response()
                        .setStatusCode(502)
                        .putHeader("Content-Type", "application/json")
                        .setBody(Body.body(Buffer.buffer("[\"" + ErrorCodes.SERVICE_UNAVAILABLE + "\"]"))));
            });
        }

        private static boolean mayResend(HttpMethod method, Throwable failure) {
            if (failure instanceof ConnectException) {
                return true; // no connection, nothing sent
            }
            boolean closed = failure instanceof HttpClosedException
                    || (failure instanceof IOException
                            && String.valueOf(failure.getMessage()).contains("reset"));
            return closed && IDEMPOTENT.contains(method);
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            var headers = context.response().headers();
            List.copyOf(headers.names()).stream()
                    .filter(name -> name.regionMatches(true, 0, "Access-Control-", 0, 15))
                    .forEach(headers::remove);
            return context.sendResponse();
        }
    }
}
