package io.ormrace.agent.advice;

import io.ormrace.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/** Advice inlined into every {@code java.sql.ResultSet}: which rows came back and which values were read. */
public final class ResultSetAdvice {

    private ResultSetAdvice() {
    }

    public static final class Next {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object resultSet, @Advice.Return boolean hasRow,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.rowAdvanced(frame, resultSet, hasRow);
            }
            frame.depth--;
        }
    }

    /** {@code getLong(int)}, {@code getString(String)}, {@code getObject(int, Class)} and the other getters. */
    public static final class Get {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object resultSet,
                @Advice.Argument(value = 0, typing = Assigner.Typing.DYNAMIC) Object column,
                @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object value, @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null) {
                Dispatcher.valueRead(frame, resultSet, column, value);
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
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object resultSet) {
            if (frame.depth == 1) {
                Dispatcher.resultSetClosed(frame, resultSet);
            }
            frame.depth--;
        }
    }
}
