package com.cruddur.common.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * An answer is kept for the period, or for what the lookup says is left of its lifetime when that is shorter, and asked
 * afresh in the background when it is read near its end.
 */
class AccountStatusTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };

    private final AtomicBoolean enabled = new AtomicBoolean(true);
    private final AtomicInteger lookups = new AtomicInteger();

    /** What the status runs in the background, run when a test says so. */
    private final Queue<Runnable> background = new ArrayDeque<>();

    private AccountStatus status(Duration keepFor) {
        return new AccountStatus(
                TTL,
                clock,
                sub -> {
                    lookups.incrementAndGet();
                    return new AccountLookup.Answer(enabled.get(), keepFor);
                },
                background::add);
    }

    private void runBackground() {
        for (Runnable task = background.poll(); task != null; task = background.poll()) {
            task.run();
        }
    }

    private void advance(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void aFreshAnswerIsKeptForThePeriodAndNoLonger() {
        AccountStatus accounts = status(AccountLookup.Answer.fresh(true).keepFor());
        assertTrue(accounts.isActive("sub-1"));
        enabled.set(false);
        advance(Duration.ofSeconds(29));
        assertTrue(accounts.isActive("sub-1"), "kept within the period");
        assertEquals(1, lookups.get());
        advance(Duration.ofSeconds(2));
        assertFalse(accounts.isActive("sub-1"), "asked again after it");
        assertEquals(
                Instant.parse("2026-12-01T12:00:31Z").plus(TTL),
                accounts.status("sub-1").until());
    }

    @Test
    void anAnswerReadNearItsEndIsAskedAfreshInTheBackgroundWhileItStillServes() {
        AccountStatus accounts = status(AccountLookup.Answer.fresh(true).keepFor());
        assertTrue(accounts.isActive("sub-1"));
        advance(Duration.ofSeconds(19));
        assertTrue(accounts.isActive("sub-1"));
        runBackground();
        assertEquals(1, lookups.get(), "nothing asked in the first two thirds of the period");

        enabled.set(false);
        advance(Duration.ofSeconds(2));
        assertTrue(accounts.isActive("sub-1"), "the kept answer serves at once, without waiting for the lookup");
        assertEquals(1, lookups.get());
        runBackground();
        assertEquals(2, lookups.get(), "asked in the background");
        assertFalse(accounts.isActive("sub-1"), "the fresh answer replaced the kept one before its end");
        assertEquals(
                Instant.parse("2026-12-01T12:00:21Z").plus(TTL),
                accounts.status("sub-1").until());
    }

    @Test
    void anAnswerPassedOnIsKeptOnlyForWhatIsLeftOfItsLifetime() {
        AccountStatus accounts = status(Duration.ofSeconds(5));
        assertTrue(accounts.isActive("sub-1"));
        enabled.set(false);
        advance(Duration.ofSeconds(4));
        assertTrue(accounts.isActive("sub-1"));
        advance(Duration.ofSeconds(2));
        assertFalse(accounts.isActive("sub-1"), "5 s, not the 30-s period");
        assertEquals(2, lookups.get());
    }

    @Test
    void anAnswerWithNoLifetimeLeftIsNotKept() {
        AccountStatus accounts = status(Duration.ZERO);
        assertTrue(accounts.isActive("sub-1"));
        enabled.set(false);
        assertFalse(accounts.isActive("sub-1"));
        assertEquals(2, lookups.get());
    }
}
