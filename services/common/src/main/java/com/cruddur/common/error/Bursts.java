package com.cruddur.common.error;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs of failures of one kind, told once per run instead of once per failure: a burst is the run of failures with
 * less than {@link #QUIET} between them. Its first failure opens it (the caller logs, reports); the next burst's
 * opening says how many failures and how long the previous one had.
 */
public final class Bursts {

    /** How long a kind of failure must have been quiet for its next one to open a new burst. */
    public static final Duration QUIET = Duration.ofSeconds(30);

    /** The burst before the one just opened: its failures and its length. */
    public record Ended(long count, Duration length) {}

    /** What {@link #failed} says: whether this failure opened a burst, and the burst that ended before it. */
    public record Failure(boolean opened, Optional<Ended> previous) {}

    private static final class Burst {
        final Instant started;
        Instant last;
        long count;

        Burst(Instant started) {
            this.started = started;
            this.last = started;
        }
    }

    private final Clock clock;
    private final Map<String, Burst> bursts = new ConcurrentHashMap<>();

    public Bursts(Clock clock) {
        this.clock = clock;
    }

    /** Counts one failure of {@code kind}. */
    public Failure failed(String kind) {
        Instant now = clock.instant();
        Burst[] ended = {null};
        boolean[] opened = {false};
        bursts.compute(kind, (name, burst) -> {
            if (burst == null || burst.last.plus(QUIET).isBefore(now)) {
                ended[0] = burst;
                opened[0] = true;
                burst = new Burst(now);
            }
            burst.last = now;
            burst.count++;
            return burst;
        });
        return new Failure(
                opened[0],
                Optional.ofNullable(ended[0])
                        .map(burst -> new Ended(burst.count, Duration.between(burst.started, burst.last))));
    }

    /** How many failures the current (or last) burst of {@code kind} had. */
    public long count(String kind) {
        Burst burst = bursts.get(kind);
        return burst == null ? 0 : burst.count;
    }
}
