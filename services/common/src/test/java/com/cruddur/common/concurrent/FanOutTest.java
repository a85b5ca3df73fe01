package com.cruddur.common.concurrent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FanOutTest {

    @Test
    void aCallBeyondTheBoundRunsOnTheCallersThreadInsteadOfWaitingInAQueue() throws Exception {
        FanOut fanOut = new FanOut(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> busy = CompletableFuture.supplyAsync(
                () -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return Thread.currentThread().getName();
                },
                fanOut);

        // the one thread is busy: this call must not wait behind it (a request waiting on it would never end if the
        // busy call waited on that request in turn)
        String second = CompletableFuture.supplyAsync(
                        () -> Thread.currentThread().getName(), fanOut)
                .get(5, TimeUnit.SECONDS);
        assertEquals(Thread.currentThread().getName(), second);

        release.countDown();
        assertTrue(busy.get(5, TimeUnit.SECONDS).startsWith("fan-out-"), "the first call ran on the pool");
        fanOut.stop();
    }
}
