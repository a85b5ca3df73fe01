package com.cruddur.common.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One limit, kept per key (a caller's {@code sub}, a client's address): a token bucket of {@code limit} requests
 * refilled in full every {@code period} (Bucket4j), with the buckets of keys idle for a period forgotten (Caffeine).
 * Kept in the process: with several tasks of a service, a key's effective limit is that many times higher (the WAF
 * rule in front bounds the whole).
 */
public final class RateLimiter {

    private final long limit;
    private final Duration period;
    private final Clock clock;
    private final Cache<String, Bucket> buckets;

    public RateLimiter(long limit, Duration period, Clock clock) {
        this.limit = limit;
        this.period = period;
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
                .expireAfterAccess(period.multipliedBy(2))
                .maximumSize(100_000)
                .build();
    }

    /** Takes one request from {@code key}'s allowance. */
    public Decision take(String key) {
        Bucket bucket = buckets.get(
                key,
                k -> Bucket.builder()
                        .addLimit(l -> l.capacity(limit).refillIntervally(limit, period))
                        .withCustomTimePrecision(new ClockTime(clock))
                        .build());
        return new Decision(limit, bucket.tryConsumeAndReturnRemaining(1));
    }

    /** Whether the request may go on, and the headers that tell the caller where it stands. */
    public record Decision(long limit, ConsumptionProbe probe) {

        public boolean allowed() {
            return probe.isConsumed();
        }

        /**
         * {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code RateLimit-Reset} (seconds until the allowance
         * is whole again) and, on a refusal, {@code Retry-After} (seconds until the next request is allowed).
         */
        public Map<String, String> headers() {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("RateLimit-Limit", String.valueOf(limit));
            headers.put("RateLimit-Remaining", String.valueOf(probe.getRemainingTokens()));
            headers.put("RateLimit-Reset", String.valueOf(seconds(probe.getNanosToWaitForReset())));
            if (!allowed()) {
                headers.put("Retry-After", String.valueOf(Math.max(1, seconds(probe.getNanosToWaitForRefill()))));
            }
            return headers;
        }

        private static long seconds(long nanos) {
            return (nanos + 999_999_999L) / 1_000_000_000L;
        }
    }

    /** The service's clock, so that a test moves time instead of waiting for a refill. */
    private record ClockTime(Clock clock) implements TimeMeter {

        @Override
        public long currentTimeNanos() {
            return clock.millis() * 1_000_000L;
        }

        @Override
        public boolean isWallClockBased() {
            return true;
        }
    }
}
