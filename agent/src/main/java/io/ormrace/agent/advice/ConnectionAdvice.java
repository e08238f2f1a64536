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
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection, @Advice.Argument(0) String sql,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.prepared(connection, statement, sql);
            }
            depth[0]--;
        }
    }

    public static final class Create {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object statement, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.created(connection, statement);
            }
            depth[0]--;
        }
    }

    public static final class SetAutoCommit {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection, @Advice.Argument(0) boolean autoCommit,
                @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.autoCommitSet(connection, autoCommit);
            }
            depth[0]--;
        }
    }

    public static final class Commit {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection) {
            if (depth[0] == 1) {
                Dispatcher.transactionEnded(connection, true);
            }
            depth[0]--;
        }
    }

    public static final class Rollback {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection) {
            if (depth[0] == 1) {
                Dispatcher.transactionEnded(connection, false);
            }
            depth[0]--;
        }
    }

    public static final class SetIsolation {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection, @Advice.Argument(0) int level,
                @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.isolationSet(connection, level);
            }
            depth[0]--;
        }
    }

    public static final class Close {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object connection) {
            if (depth[0] == 1) {
                Dispatcher.connectionClosed(connection);
            }
            depth[0]--;
        }
    }
}
