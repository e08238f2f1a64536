package io.ormrace.agent.advice;

import io.ormrace.agent.bootstrap.Dispatcher;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * Advice inlined into every {@code java.sql.Driver}: how the application connected, so that the agent can learn a
 * table's keys on a connection of its own instead of sending metadata queries into the application's transactions.
 */
public final class DriverAdvice {

    private DriverAdvice() {
    }

    /** {@code connect(String url, Properties info)}. */
    public static final class Connect {
        @Advice.OnMethodEnter
        static Dispatcher.Frame enter() {
            return Dispatcher.enter();
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class)
        static void exit(@Advice.Enter Dispatcher.Frame frame, @Advice.This Object driver, @Advice.Argument(0) String url,
                @Advice.Argument(1) Object info, @Advice.Return(typing = Assigner.Typing.DYNAMIC) Object connection,
                @Advice.Thrown Throwable thrown) {
            if (frame.depth == 1 && thrown == null && connection != null) {
                Dispatcher.driverConnected(frame, driver, url, info, connection);
            }
            frame.depth--;
        }
    }
}
