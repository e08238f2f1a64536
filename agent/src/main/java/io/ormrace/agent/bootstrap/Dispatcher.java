package io.ormrace.agent.bootstrap;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The one class the advice inlined into JDBC drivers calls. It is injected into the bootstrap class loader, so that
 * every driver, whatever loader it lives in, sees it; it therefore uses JDK types only and forwards to the agent's
 * {@link Sink}. Nothing here ever throws into the application: every failure is counted and the first one kept.
 */
public final class Dispatcher {

    /** What the agent does with each JDBC event. Every argument is the object the application itself holds. */
    public interface Sink {
        void prepared(Object connection, Object statement, String sql);

        void created(Object connection, Object statement);

        /** A statement ran: {@code sql} is null for a prepared statement's own text. */
        void executed(Object statement, String sql, Object resultSet);

        void batchAdded(Object statement, String sql);

        void batchExecuted(Object statement);

        void bound(Object statement, String method, int index, Object value);

        void parametersCleared(Object statement);

        void resultSetOpened(Object statement, Object resultSet);

        void statementClosed(Object statement);

        void rowAdvanced(Object resultSet, boolean hasRow);

        void valueRead(Object resultSet, Object column, Object value);

        void resultSetClosed(Object resultSet);

        void autoCommitSet(Object connection, boolean autoCommit);

        void transactionEnded(Object connection, boolean committed);

        void isolationSet(Object connection, int level);

        void connectionClosed(Object connection);

        void testStarted(String className, String methodName, String displayName);

        /** The findings seen while the test ran, one line each: {@code SEVERITY<TAB>text}. */
        String[] testFinished();
    }

    private static volatile Sink sink;
    private static final AtomicLong ERRORS = new AtomicLong();
    private static volatile Throwable firstError;
    private static final ThreadLocal<int[]> DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Dispatcher() {
    }

    public static void install(Sink installed) {
        sink = installed;
    }

    public static boolean attached() {
        return sink != null;
    }

    public static long errors() {
        return ERRORS.get();
    }

    public static Throwable firstError() {
        return firstError;
    }

    /**
     * Entered a JDBC method: counts how deep in JDBC calls the thread is, and returns the counter, which the exit
     * advice reads (only the call that made it 1 is seen: a pool's proxy and the driver behind it, or a driver calling
     * its own public methods, count once) and decrements. One thread-local lookup per call.
     */
    public static int[] enter() {
        int[] depth = DEPTH.get();
        depth[0]++;
        return depth;
    }

    private static void failed(Throwable error) {
        if (ERRORS.getAndIncrement() == 0) {
            firstError = error;
        }
    }

    public static void prepared(Object connection, Object statement, String sql) {
        Sink s = sink;
        if (s != null && statement != null) {
            try {
                s.prepared(connection, statement, sql);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void created(Object connection, Object statement) {
        Sink s = sink;
        if (s != null && statement != null) {
            try {
                s.created(connection, statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void executed(Object statement, String sql, Object resultSet) {
        Sink s = sink;
        if (s != null) {
            try {
                s.executed(statement, sql, resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void batchAdded(Object statement, String sql) {
        Sink s = sink;
        if (s != null) {
            try {
                s.batchAdded(statement, sql);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void batchExecuted(Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.batchExecuted(statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void bound(Object statement, String method, int index, Object value) {
        Sink s = sink;
        if (s != null) {
            try {
                s.bound(statement, method, index, value);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void parametersCleared(Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.parametersCleared(statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void resultSetOpened(Object statement, Object resultSet) {
        Sink s = sink;
        if (s != null && resultSet != null) {
            try {
                s.resultSetOpened(statement, resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void statementClosed(Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.statementClosed(statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void rowAdvanced(Object resultSet, boolean hasRow) {
        Sink s = sink;
        if (s != null) {
            try {
                s.rowAdvanced(resultSet, hasRow);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void valueRead(Object resultSet, Object column, Object value) {
        Sink s = sink;
        if (s != null) {
            try {
                s.valueRead(resultSet, column, value);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void resultSetClosed(Object resultSet) {
        Sink s = sink;
        if (s != null) {
            try {
                s.resultSetClosed(resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void autoCommitSet(Object connection, boolean autoCommit) {
        Sink s = sink;
        if (s != null) {
            try {
                s.autoCommitSet(connection, autoCommit);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void transactionEnded(Object connection, boolean committed) {
        Sink s = sink;
        if (s != null) {
            try {
                s.transactionEnded(connection, committed);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void isolationSet(Object connection, int level) {
        Sink s = sink;
        if (s != null) {
            try {
                s.isolationSet(connection, level);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void connectionClosed(Object connection) {
        Sink s = sink;
        if (s != null) {
            try {
                s.connectionClosed(connection);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    /** Called by the JUnit extension (reflectively: it must not link against the agent). */
    public static void testStarted(String className, String methodName, String displayName) {
        Sink s = sink;
        if (s != null) {
            try {
                s.testStarted(className, methodName, displayName);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static String[] testFinished() {
        Sink s = sink;
        if (s != null) {
            try {
                return s.testFinished();
            } catch (Throwable e) {
                failed(e);
            }
        }
        return new String[0];
    }
}
