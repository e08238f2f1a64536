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
        void prepared(Frame frame, Object connection, Object statement, String sql);

        void created(Frame frame, Object connection, Object statement);

        /** A statement ran: {@code sql} is null for a prepared statement's own text. */
        void executed(Frame frame, Object statement, String sql, Object resultSet);

        void batchAdded(Frame frame, Object statement, String sql);

        void batchExecuted(Frame frame, Object statement);

        void bound(Frame frame, Object statement, String method, int index, Object value);

        void parametersCleared(Frame frame, Object statement);

        void resultSetOpened(Frame frame, Object statement, Object resultSet);

        void statementClosed(Frame frame, Object statement);

        void rowAdvanced(Frame frame, Object resultSet, boolean hasRow);

        void valueRead(Frame frame, Object resultSet, Object column, Object value);

        void resultSetClosed(Frame frame, Object resultSet);

        void autoCommitSet(Frame frame, Object connection, boolean autoCommit);

        void transactionEnded(Frame frame, Object connection, boolean committed);

        void isolationSet(Frame frame, Object connection, int level);

        void connectionClosed(Frame frame, Object connection);

        /** A driver made a connection: its URL and properties (credentials included), the driver itself. */
        void driverConnected(Frame frame, Object driver, String url, Object info, Object connection);

        void testStarted(String className, String methodName, String displayName);

        /** The findings seen while the test ran, one line each: {@code SEVERITY<TAB>text}. */
        String[] testFinished();
    }

    private static volatile Sink sink;
    private static final AtomicLong ERRORS = new AtomicLong();
    private static volatile Throwable firstError;
    private static final ThreadLocal<Frame> FRAME = ThreadLocal.withInitial(Frame::new);

    /** One per thread: how deep in JDBC calls it is, and the sink's own state for the thread (one lookup for both). */
    public static final class Frame {
        public int depth;
        public Object state;
    }

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
    public static Frame enter() {
        Frame frame = FRAME.get();
        frame.depth++;
        return frame;
    }

    private static void failed(Throwable error) {
        if (ERRORS.getAndIncrement() == 0) {
            firstError = error;
        }
    }

    public static void prepared(Frame frame, Object connection, Object statement, String sql) {
        Sink s = sink;
        if (s != null && statement != null) {
            try {
                s.prepared(frame, connection, statement, sql);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void created(Frame frame, Object connection, Object statement) {
        Sink s = sink;
        if (s != null && statement != null) {
            try {
                s.created(frame, connection, statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void executed(Frame frame, Object statement, String sql, Object resultSet) {
        Sink s = sink;
        if (s != null) {
            try {
                s.executed(frame, statement, sql, resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void batchAdded(Frame frame, Object statement, String sql) {
        Sink s = sink;
        if (s != null) {
            try {
                s.batchAdded(frame, statement, sql);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void batchExecuted(Frame frame, Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.batchExecuted(frame, statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void bound(Frame frame, Object statement, String method, int index, Object value) {
        Sink s = sink;
        if (s != null) {
            try {
                s.bound(frame, statement, method, index, value);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void parametersCleared(Frame frame, Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.parametersCleared(frame, statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void resultSetOpened(Frame frame, Object statement, Object resultSet) {
        Sink s = sink;
        if (s != null && resultSet != null) {
            try {
                s.resultSetOpened(frame, statement, resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void statementClosed(Frame frame, Object statement) {
        Sink s = sink;
        if (s != null) {
            try {
                s.statementClosed(frame, statement);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void rowAdvanced(Frame frame, Object resultSet, boolean hasRow) {
        Sink s = sink;
        if (s != null) {
            try {
                s.rowAdvanced(frame, resultSet, hasRow);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void valueRead(Frame frame, Object resultSet, Object column, Object value) {
        Sink s = sink;
        if (s != null) {
            try {
                s.valueRead(frame, resultSet, column, value);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void resultSetClosed(Frame frame, Object resultSet) {
        Sink s = sink;
        if (s != null) {
            try {
                s.resultSetClosed(frame, resultSet);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void autoCommitSet(Frame frame, Object connection, boolean autoCommit) {
        Sink s = sink;
        if (s != null) {
            try {
                s.autoCommitSet(frame, connection, autoCommit);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void transactionEnded(Frame frame, Object connection, boolean committed) {
        Sink s = sink;
        if (s != null) {
            try {
                s.transactionEnded(frame, connection, committed);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void isolationSet(Frame frame, Object connection, int level) {
        Sink s = sink;
        if (s != null) {
            try {
                s.isolationSet(frame, connection, level);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    public static void connectionClosed(Frame frame, Object connection) {
        Sink s = sink;
        if (s != null) {
            try {
                s.connectionClosed(frame, connection);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

    /** Called by the JUnit extension (reflectively: it must not link against the agent). */
    public static void driverConnected(Frame frame, Object driver, String url, Object info, Object connection) {
        Sink s = sink;
        if (s != null) {
            try {
                s.driverConnected(frame, driver, url, info, connection);
            } catch (Throwable e) {
                failed(e);
            }
        }
    }

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
