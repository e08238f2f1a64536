package io.ormrace.samples.testkit;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * Holds the first thread that executes a matching statement, right after the statement returns, until the test
 * releases it. Every later thread, and the held thread's later statements, pass through. Waits are bounded so that
 * a broken proof fails with a message instead of hanging the build.
 */
public final class Breakpoint implements AutoCloseable {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private final String description;
    private final Predicate<String> sql;
    private final Runnable disarm;
    private final AtomicReference<Thread> holder = new AtomicReference<>();
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);

    Breakpoint(String description, Predicate<String> sql, Runnable disarm) {
        this.description = description;
        this.sql = sql;
        this.disarm = disarm;
    }

    void afterExecute(String statement) {
        if (statement == null || !sql.test(statement) || !holder.compareAndSet(null, Thread.currentThread())) {
            return;
        }
        reached.countDown();
        try {
            if (!released.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new IllegalStateException("breakpoint '" + description + "' was never released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until a thread sits at this breakpoint, having executed its statement. */
    public Breakpoint awaitReached() {
        try {
            if (!reached.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
                throw new AssertionError("no thread executed " + description + " within " + PATIENCE.toSeconds() + "s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for " + description, e);
        }
        return this;
    }

    public boolean wasReached() {
        return reached.getCount() == 0;
    }

    /** Lets the held thread go on. */
    public void release() {
        released.countDown();
    }

    @Override
    public void close() {
        release();
        disarm.run();
    }

    @Override
    public String toString() {
        return "breakpoint after " + description;
    }
}
