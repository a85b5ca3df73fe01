package com.cruddur.edge;

import com.cruddur.contract.RoutingTable;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stand-ins for the services behind the edge (the edge is what these tests prove): each answers every request with
 * JSON naming itself and echoing what it received, and adds a CORS header of its own that the edge must drop.
 */
public class StubBackends implements QuarkusTestResourceLifecycleManager {

    private static final Map<String, HttpServer> SERVERS = new ConcurrentHashMap<>();

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        // few connections, so that a leak would show at once
        config.put("cruddur.edge.max-connections", "2");
        for (String service : RoutingTable.fromContract().services()) {
            if (service.equals(EdgeRouter.SELF)) {
                continue;
            }
            HttpServer server = serve(service);
            SERVERS.put(service, server);
            config.put(
                    "cruddur.edge.services." + service,
                    "http://127.0.0.1:" + server.getAddress().getPort());
        }
        return config;
    }

    static void stop(String service) {
        SERVERS.remove(service).stop(0);
    }

    private static HttpServer serve(String service) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().contains("@slow")) {
                    try {
                        Thread.sleep(5000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                String authorization = exchange.getRequestHeaders().getFirst("Authorization");
                String traceparent = exchange.getRequestHeaders().getFirst("traceparent");
                String json = "{\"service\":\"" + service + "\",\"method\":\"" + exchange.getRequestMethod()
                        + "\",\"path\":\"" + exchange.getRequestURI().getRawPath()
                        + "\",\"authorization\":\"" + (authorization == null ? "" : authorization)
                        + "\",\"traceparent\":\"" + (traceparent == null ? "" : traceparent)
                        + "\",\"body\":\"" + body.replace("\"", "'") + "\"}";
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.getResponseHeaders().add("Access-Control-Allow-Origin", "*");
                exchange.sendResponseHeaders(200, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(server -> server.stop(0));
        SERVERS.clear();
    }
}
