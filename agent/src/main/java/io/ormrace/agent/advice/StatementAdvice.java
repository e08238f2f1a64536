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
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement, @Advice.Argument(0) String sql,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.executed(frame, statement, sql, result);
            }
            frame.depth--;
        }
    }

    /** {@code execute()}, {@code executeQuery()}, {@code executeUpdate()} of a prepared statement. */
    public static final class ExecutePrepared {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object result, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.executed(frame, statement, null, result);
            }
            frame.depth--;
        }
    }

    public static final class AddBatch {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.batchAdded(frame, statement, null);
            }
            frame.depth--;
        }
    }

    public static final class AddBatchText {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement, @Advice.Argument(0) String sql,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.batchAdded(frame, statement, sql);
            }
            frame.depth--;
        }
    }

    public static final class ExecuteBatch {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.batchExecuted(frame, statement);
            }
            frame.depth--;
        }
    }

    /** {@code setInt(int, int)}, {@code setString(int, String)}, {@code setNull(int, int)} and the other setters. */
    public static final class Bind {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement, @Advice.Origin("#m") String method,
                @Advice.Argument(0) int index, @Advice.Argument(value = 1, typing = Assigner.Typing.DYNAMIC) Object value,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.bound(frame, statement, method, index, value);
            }
            frame.depth--;
        }
    }

    public static final class ClearParameters {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement) {
            if (frame.depth == 1) {
                Dispatcher.parametersCleared(frame, statement);
            }
            frame.depth--;
        }
    }

    /** {@code getResultSet()} after {@code execute(...)} returned true. */
    public static final class GetResultSet {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object resultSet, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.resultSetOpened(frame, statement, resultSet);
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
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object statement) {
            if (frame.depth == 1) {
                Dispatcher.statementClosed(frame, statement);
            }
            frame.depth--;
        }
    }
}
