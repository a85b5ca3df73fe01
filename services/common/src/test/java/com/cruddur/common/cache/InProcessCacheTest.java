package com.cruddur.common.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InProcessCacheTest {

    private final InProcessCache cache =
            new InProcessCache(10_000, new CacheMetrics(new SimpleMeterRegistry(), "in-process"));

    @Test
    void itNeverHoldsMoreThanItsBound() {
        for (int i = 0; i < 10_000; i++) {
            cache.set("v1:test:" + i, "value " + i, Duration.ofMinutes(5));
        }
        assertTrue(cache.weight() <= 10_000, "weight " + cache.weight());
        cache.set("v1:test:big", "x".repeat(5_000), Duration.ofMinutes(5));
        assertTrue(cache.weight() <= 10_000, "weight " + cache.weight());
    }

    @Test
    void entriesHonourTheirOwnTtl() throws InterruptedException {
        cache.set("v1:test:short", "x", Duration.ofMillis(50));
        cache.set("v1:test:long", "y", Duration.ofMinutes(5));
        Thread.sleep(120);
        assertEquals(Optional.empty(), cache.get("v1:test:short"));
        assertEquals(Optional.of("y"), cache.get("v1:test:long"));
        cache.delete("v1:test:long");
        assertEquals(Optional.empty(), cache.get("v1:test:long"));
    }
}
