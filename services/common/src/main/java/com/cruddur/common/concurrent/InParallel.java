package com.cruddur.common.concurrent;

import io.opentelemetry.context.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Independent calls made at once (feed partitions; a page's authors and the caller's markers), each in the caller's
 * trace, so their spans stay children of the request's. A failure is thrown as the call threw it.
 */
public final class InParallel {

    private InParallel() {}

    /** {@code call} started on {@code executor}, in the current trace. */
    public static <T> CompletableFuture<T> start(Executor executor, Supplier<T> call) {
        return CompletableFuture.supplyAsync(call, Context.current().wrap(executor));
    }

    /** Every call's result, in order: the first runs on this thread while the others run on {@code executor}. */
    public static <T> List<T> all(Executor executor, List<Supplier<T>> calls) {
        List<CompletableFuture<T>> started = new ArrayList<>();
        for (Supplier<T> call : calls.subList(Math.min(1, calls.size()), calls.size())) {
            started.add(start(executor, call));
        }
        List<T> results = new ArrayList<>();
        if (!calls.isEmpty()) {
            results.add(calls.get(0).get());
        }
        started.forEach(call -> results.add(join(call)));
        return results;
    }

    /** The call's result, or its failure as thrown. */
    public static <T> T join(CompletableFuture<T> call) {
        try {
            return call.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
