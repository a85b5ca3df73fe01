package com.cruddur.common.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Counts hits, misses and errors ({@code cruddur_cache_requests_total}, {@code cruddur_cache_errors_total} on
 * {@code /q/metrics}), and logs errors once per burst: the first one, then a summary at most every 30 seconds.
 */
public final class CacheMetrics {

    private static final Logger LOG = Logger.getLogger(CacheMetrics.class);
    private static final Duration BURST = Duration.ofSeconds(30);

    private final Counter hits;
    private final Counter misses;
    private final Counter errors;
    private final AtomicReference<Instant> lastLogged = new AtomicReference<>(Instant.EPOCH);
    private final AtomicLong suppressed = new AtomicLong();

    public CacheMetrics(MeterRegistry registry, String adapter) {
        this.hits = Counter.builder("cruddur.cache.requests")
                .tag("adapter", adapter)
                .tag("result", "hit")
                .register(registry);
        this.misses = Counter.builder("cruddur.cache.requests")
                .tag("adapter", adapter)
                .tag("result", "miss")
                .register(registry);
        this.errors =
                Counter.builder("cruddur.cache.errors").tag("adapter", adapter).register(registry);
    }

    public void hit() {
        hits.increment();
    }

    public void miss() {
        misses.increment();
    }

    public double errorCount() {
        return errors.count();
    }

    public void error(String operation, Throwable cause) {
        errors.increment();
        Instant now = Instant.now();
        Instant last = lastLogged.get();
        if (now.isAfter(last.plus(BURST)) && lastLogged.compareAndSet(last, now)) {
            long more = suppressed.getAndSet(0);
            LOG.warnf(
                    "cache %s failed, served from the source%s: %s",
                    operation,
                    more > 0 ? " (and " + more + " more failures since the last report)" : "",
                    cause.toString());
        } else {
            suppressed.incrementAndGet();
        }
    }
}
