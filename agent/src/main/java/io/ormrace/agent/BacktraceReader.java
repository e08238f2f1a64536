package io.ormrace.agent;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;

/**
 * Defined alone in a class loader of its own by {@link Backtraces}, so that {@code java.lang} is opened to its module
 * only, not to the class path's unnamed module, which is the application's.
 */
public final class BacktraceReader {

    private BacktraceReader() {
    }

    public static MethodHandle getter() throws ReflectiveOperationException {
        return MethodHandles.privateLookupIn(Throwable.class, MethodHandles.lookup())
                .findGetter(Throwable.class, "backtrace", Object.class);
    }
}
