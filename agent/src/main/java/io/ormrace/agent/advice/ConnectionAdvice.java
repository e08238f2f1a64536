package io.ormrace.agent.advice;

import io.ormrace.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Advice inlined into every {@code java.sql.Connection} implementation (drivers, pools, proxies). */
public final class ConnectionAdvice {

    private ConnectionAdvice() {
    }

    /** {@code prepareStatement(String, ...)} and {@code prepareCall(String, ...)}: where the SQL text is handed over. */
    public static final class Prepare {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection, @Advice.Argument(0) String sql,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.prepared(frame, connection, statement, sql);
            }
            frame.depth--;
        }
    }

    public static final class Create {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.created(frame, connection, statement);
            }
            frame.depth--;
        }
    }

    public static final class SetAutoCommit {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection, @Advice.Argument(0) boolean autoCommit,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.autoCommitSet(frame, connection, autoCommit);
            }
            frame.depth--;
        }
    }

    public static final class Commit {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection) {
            if (frame.depth == 1) {
                Dispatcher.transactionEnded(frame, connection, true);
            }
            frame.depth--;
        }
    }

    public static final class Rollback {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection) {
            if (frame.depth == 1) {
                Dispatcher.transactionEnded(frame, connection, false);
            }
            frame.depth--;
        }
    }

    public static final class SetIsolation {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection, @Advice.Argument(0) int level,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.isolationSet(frame, connection, level);
            }
            frame.depth--;
        }
    }

    public static final class Close {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object connection) {
            if (frame.depth == 1) {
                Dispatcher.connectionClosed(frame, connection);
            }
            frame.depth--;
        }
    }
}
