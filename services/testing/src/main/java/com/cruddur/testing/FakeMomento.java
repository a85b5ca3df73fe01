package com.cruddur.testing;

import com.google.protobuf.ByteString;
import grpc.cache_client.ECacheResult;
import grpc.cache_client.ScsGrpc;
import grpc.cache_client._DeleteRequest;
import grpc.cache_client._DeleteResponse;
import grpc.cache_client._GetRequest;
import grpc.cache_client._GetResponse;
import grpc.cache_client._SetRequest;
import grpc.cache_client._SetResponse;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Momento-compatible cache server in the JVM: the Momento cache protocol (gRPC {@code ScsGrpc}) over plaintext,
 * for the real Momento SDK to talk to in tests. It records each call (operation, cache name, TTL), honours TTLs, and
 * can be made slow.
 */
public final class FakeMomento implements AutoCloseable {

    /** One call as the server saw it. */
    public record Call(String operation, String cacheName, String key, long ttlMillis) {}

    private static final Metadata.Key<String> CACHE = Metadata.Key.of("cache", Metadata.ASCII_STRING_MARSHALLER);
    private static final Context.Key<String> CACHE_NAME = Context.key("cache");

    private record Entry(ByteString value, long expiresAtNanos) {}

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private volatile Duration delay = Duration.ZERO;
    private final Server server;

    public FakeMomento() {
        ServerInterceptor cacheHeader = new ServerInterceptor() {
            @Override
            public <Q, R> ServerCall.Listener<Q> interceptCall(
                    ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
                return Contexts.interceptCall(
                        Context.current().withValue(CACHE_NAME, headers.get(CACHE)), call, headers, next);
            }
        };
        try {
            server = NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
                    .addService(ServerInterceptors.intercept(new Service(), cacheHeader))
                    .build()
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getPort();
    }

    public String endpoint() {
        return "127.0.0.1:" + port();
    }

    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** Makes every answer wait this long. */
    public void slowDown(Duration delay) {
        this.delay = delay;
    }

    private final class Service extends ScsGrpc.ScsImplBase {

        @Override
        public void get(_GetRequest request, StreamObserver<_GetResponse> response) {
            String key = request.getCacheKey().toStringUtf8();
            calls.add(new Call("get", CACHE_NAME.get(), key, 0));
            pause();
            Entry entry = entries.get(key);
            _GetResponse.Builder answer = _GetResponse.newBuilder();
            if (entry != null && entry.expiresAtNanos() > System.nanoTime()) {
                answer.setResult(ECacheResult.Hit).setCacheBody(entry.value());
            } else {
                answer.setResult(ECacheResult.Miss);
            }
            response.onNext(answer.build());
            response.onCompleted();
        }

        @Override
        public void set(_SetRequest request, StreamObserver<_SetResponse> response) {
            String key = request.getCacheKey().toStringUtf8();
            calls.add(new Call("set", CACHE_NAME.get(), key, request.getTtlMilliseconds()));
            pause();
            entries.put(
                    key,
                    new Entry(
                            request.getCacheBody(),
                            System.nanoTime()
                                    + Duration.ofMillis(request.getTtlMilliseconds())
                                            .toNanos()));
            response.onNext(_SetResponse.newBuilder().setResult(ECacheResult.Ok).build());
            response.onCompleted();
        }

        @Override
        public void delete(_DeleteRequest request, StreamObserver<_DeleteResponse> response) {
            String key = request.getCacheKey().toStringUtf8();
            calls.add(new Call("delete", CACHE_NAME.get(), key, 0));
            pause();
            entries.remove(key);
            response.onNext(_DeleteResponse.newBuilder().build());
            response.onCompleted();
        }

        private void pause() {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
