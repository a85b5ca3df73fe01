package com.cruddur.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/** Free ports, and waiting until something listens. */
public final class Ports {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();

    private Ports() {}

    public static int free() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The first of {@code count} consecutive free ports, below the range the system hands out for outgoing
     * connections (from 32768 on Linux), so that none of them is taken between this check and its use.
     */
    public static int freeRange(int count) {
        java.util.Random random = new java.util.Random();
        for (int attempt = 0; attempt < 100; attempt++) {
            int first = 20000 + random.nextInt(12000 - count);
            boolean free = true;
            for (int port = first; port < first + count && free; port++) {
                free = !isOpen(port) && canBind(port);
            }
            if (free) {
                return first;
            }
        }
        throw new IllegalStateException("no " + count + " consecutive free ports found");
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static void requireFree(String what, int port) {
        if (isOpen(port)) {
            throw new IllegalStateException("port " + port + " for " + what + " is in use by another program");
        }
    }

    /** Waits until {@code port} accepts connections; fails early when the process behind it has died. */
    public static void awaitOpen(Tethered process, int port, Duration timeout) {
        await(process, timeout, () -> isOpen(port));
    }

    /** Waits until a GET of {@code url} answers 200. */
    public static void awaitHttpOk(Tethered process, URI url, Duration timeout) {
        await(process, timeout, () -> {
            try {
                HttpRequest request = HttpRequest.newBuilder(url)
                        .timeout(Duration.ofSeconds(2))
                        .GET()
                        .build();
                return HTTP.send(request, HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        });
    }

    private static void await(Tethered process, Duration timeout, java.util.function.BooleanSupplier ready) {
        Instant deadline = Instant.now().plus(timeout);
        while (!ready.getAsBoolean()) {
            if (!process.isAlive()) {
                throw new IllegalStateException(process.name() + " exited during start-up; see " + process.log());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(
                        process.name() + " not ready after " + timeout + "; see " + process.log());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + process.name(), e);
            }
        }
    }
}
