package io.ormrace.agent.advice;

import io.ormrace.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Advice inlined into every {@code Statement}, {@code PreparedStatement} and {@code CallableStatement}. */
public final class StatementAdvice {

    private StatementAdvice() {
    }

    /** {@code execute*(String, ...)} of a plain statement: the text comes with the call. */
    public static final class ExecuteText {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement, @Advice.Argument(0) String sql,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.executed(statement, sql, result);
            }
            depth[0]--;
        }
    }

    /** {@code execute()}, {@code executeQuery()}, {@code executeUpdate()} of a prepared statement. */
    public static final class ExecutePrepared {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.executed(statement, null, result);
            }
            depth[0]--;
        }
    }

    public static final class AddBatch {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.batchAdded(statement, null);
            }
            depth[0]--;
        }
    }

    public static final class AddBatchText {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement, @Advice.Argument(0) String sql,
                @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.batchAdded(statement, sql);
            }
            depth[0]--;
        }
    }

    public static final class ExecuteBatch {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.batchExecuted(statement);
            }
            depth[0]--;
        }
    }

    /** {@code setInt(int, int)}, {@code setString(int, String)}, {@code setNull(int, int)} and the other setters. */
    public static final class Bind {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement, @Advice.Origin("#m") String method,
                @Advice.Argument(0) int index, @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object value,
                @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.bound(statement, method, index, value);
            }
            depth[0]--;
        }
    }

    public static final class ClearParameters {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement) {
            if (depth[0] == 1) {
                Dispatcher.parametersCleared(statement);
            }
            depth[0]--;
        }
    }

    /** {@code getResultSet()} after {@code execute(...)} returned true. */
    public static final class GetResultSet {
        @Advice.OnMethodEnter
        static int[] enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object resultSet, @Advice.Thrown Throwable thrown) {
            if (depth[0] == 1 && thrown == null) {
                Dispatcher.resultSetOpened(statement, resultSet);
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
        static void exit(@Advice.Enter int[] depth, @Advice.This Object statement) {
            if (depth[0] == 1) {
                Dispatcher.statementClosed(statement);
            }
            depth[0]--;
        }
    }
}
