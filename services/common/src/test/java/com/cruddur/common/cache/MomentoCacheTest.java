package com.cruddur.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.cruddur.testing.FakeMomento;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import momento.sdk.auth.MomentoLocalProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real Momento SDK against a server speaking the Momento cache protocol. */
class MomentoCacheTest {

    private static final Duration BOUND = Duration.ofMillis(200);

    private FakeMomento server;
    private CacheMetrics metrics;
    private MomentoCache cache;

    @BeforeEach
    void start() {
        server = new FakeMomento();
        metrics = new CacheMetrics(new SimpleMeterRegistry(), "momento");
        cache = new MomentoCache(new MomentoLocalProvider("127.0.0.1", server.port()), "cruddur-test", BOUND, metrics);
    }

    @AfterEach
    void stop() {
        cache.close();
        server.close();
    }

    /** Writes are not awaited by the adapter; wait here until the server has them. */
    private void awaitCalls(int count) throws InterruptedException {
        for (int i = 0; i < 100 && server.calls().size() < count; i++) {
            Thread.sleep(20);
        }
    }

    @Test
    void setThenGetHitsAndAnUnknownKeyMisses() throws Exception {
        cache.set("v1:test:a", "{\"x\":1}", Duration.ofSeconds(42));
        awaitCalls(1);
        assertEquals(Optional.of("{\"x\":1}"), cache.get("v1:test:a"));
        assertEquals(Optional.empty(), cache.get("v1:test:nothing"));
        assertEquals(Map.of("v1:test:a", "{\"x\":1}"), cache.getAll(List.of("v1:test:a", "v1:test:nothing")));
        assertEquals(0, metrics.errorCount(), "no errors while the server answers");
    }

    @Test
    void theTtlAndTheCacheNameAreSentAsConfigured() throws Exception {
        cache.set("v1:test:ttl", "x", Duration.ofSeconds(42));
        awaitCalls(1);
        FakeMomento.Call set = server.calls().get(0);
        assertEquals(new FakeMomento.Call("set", "cruddur-test", "v1:test:ttl", 42_000), set);
    }

    @Test
    void deleteRemoves() throws Exception {
        cache.set("v1:test:d", "x", Duration.ofMinutes(1));
        awaitCalls(1);
        cache.delete("v1:test:d");
        assertEquals(Optional.empty(), cache.get("v1:test:d"));
    }

    @Test
    void entriesExpireAfterTheirTtl() throws Exception {
        cache.set("v1:test:short", "x", Duration.ofMillis(300));
        awaitCalls(1);
        Thread.sleep(500);
        assertEquals(Optional.empty(), cache.get("v1:test:short"));
    }

    @Test
    void aSlowServerIsAMissWithinTheBound() {
        server.slowDown(Duration.ofSeconds(2));
        long started = System.nanoTime();
        assertEquals(Optional.empty(), cache.get("v1:test:slow"));
        cache.delete("v1:test:slow");
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        assertTrue(took.compareTo(Duration.ofSeconds(1)) < 0, "returned in " + took);
        assertTrue(metrics.errorCount() >= 2, "counted as errors");
    }

    @Test
    void aDeleteBeyondTheBoundStillTakesEffect() throws Exception {
        cache.set("v1:test:retry", "x", Duration.ofMinutes(1));
        awaitCalls(1);
        server.slowDown(Duration.ofMillis(400)); // beyond the 200 ms bound, within the retries' wait
        cache.delete("v1:test:retry");
        Thread.sleep(1500);
        server.slowDown(Duration.ZERO);
        assertEquals(Optional.empty(), cache.get("v1:test:retry"), "the late delete (or its retry) took effect");
    }

    @Test
    void aServerThatIsDownIsAMissNotAFailure() {
        server.close();
        assertEquals(Optional.empty(), cache.get("v1:test:down"));
        assertEquals(Map.of(), cache.getAll(List.of("a", "b")));
        cache.set("v1:test:down", "x", Duration.ofSeconds(1));
        cache.delete("v1:test:down");
        assertTrue(metrics.errorCount() >= 1, "counted as errors");
    }
}
