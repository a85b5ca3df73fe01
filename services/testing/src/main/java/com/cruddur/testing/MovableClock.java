package com.cruddur.testing;

import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The services' clock in tests: real time plus an offset a test can move, so expiry is tested by moving time instead
 * of sleeping. It replaces the default system clock bean of every service under test.
 */
@Singleton
public class MovableClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    public void advance(Duration duration) {
        offset = offset.plus(duration);
    }

    /** From now on the clock reads {@code instant}, and runs on from there. */
    public void set(Instant instant) {
        offset = Duration.between(Instant.now(), instant);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the services' clock is UTC");
    }
}
