package io.ormrace.agent;

import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Two stacks captured on the same path are equal in the JVM's own record of them (a throwable's backtrace: arrays
 * of method ids and bytecode offsets, and the classes), long before they are turned into stack trace elements,
 * which is what costs. So a site is resolved once per distinct path: a racy loop seen ten thousand times walks its
 * frames once. The record is opaque here: compared as nested arrays, element by element. If the JDK does not let
 * the agent read it, every stack is resolved on its own, as before.
 */
final class Backtraces {

    private static volatile MethodHandle backtrace;

    private Backtraces() {
    }

    /**
     * The agent may read {@code Throwable.backtrace}: {@code java.lang} is opened to the module of a class loader that
     * holds {@link BacktraceReader} alone (JaCoCo's way), never to the class path's unnamed module, which the agent
     * shares with the application. Without instrumentation, as in a unit test, it must have been opened on the
     * command line.
     */
    static void open(Instrumentation instrumentation) {
        try {
            if (instrumentation == null) {
                backtrace = BacktraceReader.getter();
                return;
            }
            Class<?> reader = new Isolated(Backtraces.class.getClassLoader()).reader();
            instrumentation.redefineModule(Throwable.class.getModule(), Set.of(), Map.of(),
                    Map.of("java.lang", Set.of(reader.getModule())), Set.of(), Map.of());
            backtrace = (MethodHandle) reader.getMethod("getter").invoke(null);
        } catch (Throwable e) {
            backtrace = null;
        }
    }

    /** A loader with one class, {@link BacktraceReader}, defined from the agent's own copy of it. */
    private static final class Isolated extends ClassLoader {
        Isolated(ClassLoader parent) {
            super(parent);
        }

        Class<?> reader() throws java.io.IOException {
            String name = BacktraceReader.class.getName();
            try (java.io.InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                byte[] bytes = in.readAllBytes();
                return defineClass(name, bytes, 0, bytes.length);
            }
        }
    }

    static boolean readable() {
        return backtrace != null;
    }

    /** A key equal for equal stacks, or null when the backtrace cannot be read. */
    static Key of(Throwable stack) {
        MethodHandle getter = backtrace;
        if (getter == null) {
            return null;
        }
        try {
            Object raw = getter.invoke(stack);
            return raw instanceof Object[] ? new Key(raw) : null;
        } catch (Throwable e) {
            return null;
        }
    }

    static final class Key {
        private final Object raw;
        private final int hash;

        private Key(Object raw) {
            this.raw = raw;
            this.hash = hash(raw, 0);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.hash == hash && same(raw, key.raw, 0);
        }

        private static int hash(Object value, int depth) {
            if (value instanceof Object[] array && depth < 64) {
                int h = 1;
                for (Object element : array) {
                    h = 31 * h + hash(element, depth + 1);
                }
                return h;
            }
            if (value instanceof short[] a) {
                return Arrays.hashCode(a);
            }
            if (value instanceof int[] a) {
                return Arrays.hashCode(a);
            }
            if (value instanceof long[] a) {
                return Arrays.hashCode(a);
            }
            return System.identityHashCode(value);
        }

        private static boolean same(Object a, Object b, int depth) {
            if (a == b) {
                return true;
            }
            if (a instanceof Object[] x && b instanceof Object[] y && depth < 64) {
                if (x.length != y.length) {
                    return false;
                }
                for (int i = 0; i < x.length; i++) {
                    if (!same(x[i], y[i], depth + 1)) {
                        return false;
                    }
                }
                return true;
            }
            if (a instanceof short[] x && b instanceof short[] y) {
                return Arrays.equals(x, y);
            }
            if (a instanceof int[] x && b instanceof int[] y) {
                return Arrays.equals(x, y);
            }
            if (a instanceof long[] x && b instanceof long[] y) {
                return Arrays.equals(x, y);
            }
            return false;
        }
    }
}
