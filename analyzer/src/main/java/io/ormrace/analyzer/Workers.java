package io.ormrace.analyzer;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the parse and the walk of each file on threads of their own with a deep stack: JavaParser and the method walk
 * both recurse once per level of nesting, and a generated call chain a few thousand links long overflows a common
 * pool thread's stack. The stack is reserved, not used, unless a file needs it.
 */
final class Workers implements AutoCloseable {

    private static final long STACK_BYTES = 256L << 20;

    private final ExecutorService pool;

    Workers() {
        AtomicInteger count = new AtomicInteger();
        int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
        pool = Executors.newFixedThreadPool(threads, work -> {
            Thread thread = new Thread(null, work, "ormrace-" + count.incrementAndGet(), STACK_BYTES);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Each item's result, in the items' order; an item whose work fails gives {@code failed}'s result. */
    <T, R> List<R> map(List<T> items, Function<T, R> work, Function<T, R> failed) {
        List<Future<R>> futures = new ArrayList<>(items.size());
        for (T item : items) {
            futures.add(pool.submit(() -> work.apply(item)));
        }
        List<R> results = new ArrayList<>(items.size());
        for (Future<R> future : futures) {
            try {
                results.add(future.get());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            } catch (ExecutionException e) {
                results.add(null);
            }
        }
        for (int i = 0; i < results.size(); i++) {
            if (results.get(i) == null) {
                results.set(i, failed.apply(items.get(i)));
            }
        }
        return results;
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
