package com.cruddur.edge;

import com.cruddur.common.error.ErrorCodes;
import com.cruddur.contract.RoutingTable;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
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
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
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

    private final RoutingTable table = RoutingTable.fromContract();

    void install(@Observes Router router, Vertx vertx, EdgeConfig config, OpenTelemetry openTelemetry) {
        HttpClient client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.idleTimeout().toSeconds())
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setKeepAlive(true)
                .setMaxPoolSize(config.maxConnections()));
        Map<String, HttpProxy> proxies = new HashMap<>();
        for (String service : table.services()) {
            if (service.equals(SELF)) {
                continue;
            }
            URI url = config.services().get(service);
            if (url == null) {
                throw new IllegalStateException("no URL for service " + service + ": set cruddur.edge.services."
                        + service + " (env " + service.toUpperCase() + "_SERVICE_URL)");
            }
            SocketAddress origin = SocketAddress.inetSocketAddress(url.getPort(), url.getHost());
            proxies.put(service, HttpProxy.reverseProxy(client)
                    .originRequestProvider((inbound, http) -> http.request(new RequestOptions().setServer(origin))
                            // a caller that hangs up must not leave the backend connection busy in the pool forever
                            .onSuccess(outbound -> inbound.response().closeHandler(closed -> outbound.reset())))
                    .addInterceptor(new BackendInterceptor(service, openTelemetry.getPropagators().getTextMapPropagator())));
        }
        LOG.infof("edge routes %d path patterns to %s", table.routes().size(), config.services());

        router.route("/api/*").order(-1).handler(ctx -> route(ctx, proxies));
    }

    private void route(RoutingContext ctx, Map<String, HttpProxy> proxies) {
        Optional<String> owner = table.serviceFor(ctx.normalizedPath());
        if (owner.isEmpty()) {
            json(ctx, 404, ErrorCodes.NOT_FOUND);
        } else if (owner.get().equals(SELF)) {
            ctx.next();
        } else {
            proxies.get(owner.get()).handle(ctx.request());
        }
    }

    static void json(RoutingContext ctx, int status, String code) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json").end("[\"" + code + "\"]");
    }

    /**
     * Passes the edge's trace context on (so the service's spans are children of the edge's request span, and a
     * request that arrived without one is still one trace), drops the backend's own CORS headers (the edge's CORS
     * filter answers for the one origin, and two {@code Access-Control-Allow-Origin} values would make browsers refuse
     * the response), and turns an unreachable backend into a JSON 502.
     */
    private static final class BackendInterceptor implements ProxyInterceptor {

        private final String service;
        private final TextMapPropagator propagator;

        BackendInterceptor(String service, TextMapPropagator propagator) {
            this.service = service;
            this.propagator = propagator;
        }

        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            propagator.inject(Context.current(), context.request().headers(), (headers, name, value) -> headers.set(name, value));
            return context.sendRequest().recover(failure -> {
                LOG.warnf("%s is unreachable: %s", service, failure.getMessage());
                return Future.succeededFuture(context.request().response()
                        .setStatusCode(502)
                        .putHeader("Content-Type", "application/json")
                        .setBody(Body.body(Buffer.buffer("[\"" + ErrorCodes.SERVICE_UNAVAILABLE + "\"]"))));
            });
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
