package io.ormrace.agent;

import io.ormrace.agent.rules.Redaction;
import io.ormrace.core.AgentOptions;
import io.ormrace.core.SourceLines;
import io.ormrace.core.Suppressions;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * {@code -javaagent:ormrace-agent.jar[=output=target/ormrace/runtime.sarif,include=com.acme,redact=true]}.
 * A bad option is reported and the application runs unwatched: the agent never stops the application it watches.
 * <p>
 * At start-up only a name-and-bytes filter is registered; the rest (ByteBuddy's transformer, a third of a second)
 * is built on a thread of its own while the application starts, and the first class that needs it waits for it.
 * Attached to a running JVM ({@code agentmain}), everything is ready before the call returns.
 */
public final class OrmraceAgent {

    private static final String[] BOOTSTRAP_CLASSES = {
        "io.ormrace.agent.bootstrap.Dispatcher", "io.ormrace.agent.bootstrap.Dispatcher$Sink",
        "io.ormrace.agent.bootstrap.Dispatcher$Frame"};

    private OrmraceAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, true);
    }

    public static void agentmain(String arguments, Instrumentation instrumentation) {
        start(arguments, instrumentation, false);
    }

    private static void start(String arguments, Instrumentation instrumentation, boolean inBackground) {
        AgentOptions options;
        try {
            options = AgentOptions.parse(arguments);
        } catch (Throwable e) {
            System.err.println("ormrace agent: not attached: " + e.getMessage());
            return;
        }
        LateTransformer late = new LateTransformer();
        SqlTypesPrefilter prefilter = new SqlTypesPrefilter(late, JdbcPackages.NEVER_JDBC, JdbcPackages.STILL_JDBC);
        // the process's own stderr, taken now: a test runner's System.err (surefire's) is closed by the time the
        // JVM exits, and what is written to it then never reaches the build log
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        java.util.concurrent.atomic.AtomicReference<Runnable> report = new java.util.concurrent.atomic.AtomicReference<>();
        Runnable install = () -> {
            try {
                quietByteBuddy();
                injectDispatcher(instrumentation);
                report.set(Installer.install(options, instrumentation, late, err));
            } catch (Throwable e) {
                err.println("ormrace agent: not attached: " + e);
            } finally {
                late.installed(); // whatever happened: no class waits for it any longer
            }
        };
        instrumentation.addTransformer(prefilter, true);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            late.awaitInstalled();
            Runnable write = report.get();
            if (write != null) {
                write.run();
            }
        }, "ormrace-report"));
        if (inBackground) {
            Thread thread = new Thread(install, "ormrace-agent-start");
            thread.setDaemon(true);
            late.installingOn(thread);
            thread.start();
        } else {
            install.run();
        }
    }

    /** On JDK 24+ ByteBuddy would otherwise warn about {@code sun.misc.Unsafe}; its property names are relocated. */
    private static void quietByteBuddy() {
        String relocated = net.bytebuddy.ByteBuddy.class.getPackageName();
        System.setProperty(relocated + ".safe", "true");
    }

    /** The dispatcher must be visible to every driver's class loader: the bootstrap loader is the only one that is. */
    private static void injectDispatcher(Instrumentation instrumentation) throws Exception {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : BOOTSTRAP_CLASSES) {
            try (InputStream in = OrmraceAgent.class.getClassLoader().getResourceAsStream(name.replace('.', '/') + ".class")) {
                if (in == null) {
                    throw new IllegalStateException("agent jar lacks " + name);
                }
                classes.put(name, in.readAllBytes());
            }
        }
        Path folder = Files.createTempDirectory("ormrace-agent");
        folder.toFile().deleteOnExit();
        ClassInjector.UsingInstrumentation.of(folder.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
                instrumentation).injectRaw(classes);
    }

    /** Separate from {@link OrmraceAgent} so that nothing links the dispatcher before it is in the bootstrap loader. */
    static final class Installer {
        /** Returns what writes the reports at exit. */
        static Runnable install(AgentOptions options, Instrumentation instrumentation, LateTransformer late, PrintStream err) {
            Backtraces.open(instrumentation);
            Suppressions suppressions = new Suppressions(SourceLines.under(options.sources()));
            Recorder recorder = new Recorder(new CallSites(options.includes(), options.excludes()),
                    new Redaction(options.redact()), suppressions);
            JdbcInstrumentation jdbc = new JdbcInstrumentation();
            io.ormrace.agent.bootstrap.Dispatcher.install(recorder);
            jdbc.install(instrumentation, late);
            RunReport report = new RunReport(options, recorder, jdbc, suppressions);
            return () -> report.write(err);
        }
    }
}
