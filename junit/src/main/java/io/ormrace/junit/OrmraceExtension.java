package io.ormrace.junit;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tells the ormrace agent which test is running, so that each runtime finding names the tests it was seen in, and
 * with {@code ormrace.failOn=warning} (or {@code error}) fails a test during which a race was seen. Registered by
 * JUnit's extension auto-detection ({@code junit.jupiter.extensions.autodetection.enabled=true}) or with
 * {@code @ExtendWith(OrmraceExtension.class)}. Without the agent it says so once and does nothing.
 */
public final class OrmraceExtension implements BeforeTestExecutionCallback, AfterTestExecutionCallback {

    public static final String FAIL_ON = "ormrace.failOn";
    private static final String DISPATCHER = "io.ormrace.agent.bootstrap.Dispatcher";
    private static volatile Bridge bridge;
    private static volatile boolean looked;

    /** The agent's bridge: the agent given with -javaagent, or else attached now, once. */
    private static Bridge bridge() {
        if (!looked) {
            synchronized (OrmraceExtension.class) {
                if (!looked) {
                    Bridge found = Bridge.find();
                    if (found == null) {
                        Optional<String> failure = SelfAttach.attach();
                        found = Bridge.find();
                        if (found == null) {
                            System.err.println("ormrace: the agent is not attached to this JVM (-javaagent:ormrace-agent.jar) "
                                    + "and could not attach itself (" + failure.orElse("no agent found after attaching")
                                    + "), so no test is checked for races");
                        }
                    }
                    bridge = found;
                    looked = true;
                }
            }
        }
        return bridge;
    }

    @Override
    public void beforeTestExecution(ExtensionContext context) throws Exception {
        Bridge agent = bridge();
        if (agent == null) {
            return;
        }
        agent.started(context.getRequiredTestClass().getName(), context.getRequiredTestMethod().getName(),
                context.getDisplayName());
    }

    @Override
    public void afterTestExecution(ExtensionContext context) throws Exception {
        Bridge agent = bridge();
        if (agent == null) {
            return;
        }
        String[] seen = agent.finished();
        Optional<String> failOn = context.getConfigurationParameter(FAIL_ON).or(() -> Optional.ofNullable(System.getProperty(FAIL_ON)));
        int threshold = failOn.map(OrmraceExtension::rank).orElse(Integer.MAX_VALUE);
        List<String> failing = new ArrayList<>();
        for (String line : seen) {
            int tab = line.indexOf('\t');
            if (tab > 0 && rank(line.substring(0, tab)) >= threshold) {
                failing.add(line.substring(tab + 1));
            }
        }
        if (!failing.isEmpty()) {
            throw new AssertionError("ormrace: " + failing.size() + " race(s) seen during this test ("
                    + FAIL_ON + "=" + failOn.orElse("") + "):\n" + String.join("\n", failing));
        }
    }

    /** warning < error; {@code never} (or anything else) fails nothing. */
    private static int rank(String severity) {
        return switch (severity.trim().toLowerCase(Locale.ROOT)) {
            case "note" -> 0;
            case "warning" -> 1;
            case "error" -> 2;
            default -> Integer.MAX_VALUE;
        };
    }

    /** The agent's dispatcher in the bootstrap class loader, reached by method handles. */
    private record Bridge(MethodHandle attachedHandle, MethodHandle startedHandle, MethodHandle finishedHandle) {

        static Bridge find() {
            try {
                Class<?> dispatcher = Class.forName(DISPATCHER, false, null);
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                Bridge bridge = new Bridge(
                        lookup.findStatic(dispatcher, "attached", MethodType.methodType(boolean.class)),
                        lookup.findStatic(dispatcher, "testStarted",
                                MethodType.methodType(void.class, String.class, String.class, String.class)),
                        lookup.findStatic(dispatcher, "testFinished", MethodType.methodType(String[].class)));
                return (boolean) bridge.attachedHandle.invoke() ? bridge : null;
            } catch (Throwable e) {
                return null;
            }
        }

        void started(String className, String method, String displayName) throws Exception {
            try {
                startedHandle.invoke(className, method, displayName);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }

        String[] finished() throws Exception {
            try {
                return (String[]) finishedHandle.invoke();
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
