package io.ormrace.samples.testkit;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/** The threads of one forced interleaving. Every wait is bounded: a broken proof fails, it never hangs the build. */
public final class Race implements AutoCloseable {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "race-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public <T> Future<T> start(Callable<T> task) {
        return executor.submit(task);
    }

    public Future<Void> start(ThrowingRunnable task) {
        return executor.submit(() -> {
            task.run();
            return null;
        });
    }

    /** The task's result; its exception, if it threw, is rethrown as the cause of an {@link AssertionError}. */
    public static <T> T outcome(Future<T> future) {
        try {
            return future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("the racing task failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("the racing task did not finish within " + PATIENCE.toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** What the task threw; fails if it completed normally. */
    public static Throwable failure(Future<?> future) {
        try {
            Object value = future.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            throw new AssertionError("expected the racing task to fail, but it returned " + value);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the racing task did not finish within " + PATIENCE.toSeconds() + "s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
