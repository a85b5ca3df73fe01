package com.cruddur.common.concurrent;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Executor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The threads a request's independent calls run on ({@link InParallel}): at most {@code cruddur.fan-out.threads},
 * apart from the request threads. When all are busy, the request thread makes the call itself, so a request never
 * waits for a queued call and the count of threads stays bounded under any load. Its own pool, not the request
 * pool: with both bounded, requests that wait on calls queued behind other requests would wait for each other.
 */
@ApplicationScoped
public class FanOut implements Executor {

    private final ThreadPoolExecutor pool;

    public FanOut(@ConfigProperty(name = "cruddur.fan-out.threads", defaultValue = "16") int threads) {
        AtomicInteger count = new AtomicInteger();
        this.pool = new ThreadPoolExecutor(
                0,
                threads,
                60,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> {
                    Thread thread = new Thread(task, "fan-out-" + count.incrementAndGet());
                    thread.setDaemon(true);
                    return thread;
                },
                (call, full) -> call.run());
    }

    @Override
    public void execute(Runnable call) {
        pool.execute(call);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
