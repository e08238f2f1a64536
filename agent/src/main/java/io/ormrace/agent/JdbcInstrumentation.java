package io.ormrace.agent;

import static net.bytebuddy.matcher.ElementMatchers.isAbstract;
import static net.bytebuddy.matcher.ElementMatchers.isInterface;
import static net.bytebuddy.matcher.ElementMatchers.isSubTypeOf;
import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArgument;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import io.ormrace.agent.advice.ConnectionAdvice;
import io.ormrace.agent.advice.DriverAdvice;
import io.ormrace.agent.advice.ResultSetAdvice;
import io.ormrace.agent.advice.StatementAdvice;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.Instrumentation;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Which JDBC classes and methods get advice: every implementation of {@code Connection}, {@code Statement} and
 * {@code ResultSet} outside the JDK, whoever wrote it (driver, pool, proxy). Advice lives on the methods each class
 * declares, so a method inherited from an abstract driver class is advised once, where it is written.
 */
final class JdbcInstrumentation {

    private static final InterfaceMethods PREPARED_STATEMENT_METHODS = new InterfaceMethods(PreparedStatement.class);
    private static final InterfaceMethods RESULT_SET_METHODS = new InterfaceMethods(ResultSet.class);

    private final Set<String> instrumented = ConcurrentHashMap.newKeySet();
    private final AtomicLong transformErrors = new AtomicLong();
    private volatile String firstTransformError;

    /** Builds the transformer, hands it to the one registered at start-up, and instruments what is loaded already. */
    void install(Instrumentation instrumentation, LateTransformer late) {
        ElementMatcher.Junction<MethodDescription> concrete = not(isAbstract());
        ClassFileTransformer transformer = new AgentBuilder.Default()
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                // a class's supertypes are looked up in one cache per loader: in a Spring Boot test, thousands of
                // classes share a few hundred supertypes, and reading those again for each class is the agent's cost
                .with(new WeakTypePoolCache())
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
                .with(new Listener())
                .ignore(notJdbc())
                .type(isSubTypeOf(Driver.class).and(not(isInterface())))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("connect").and(takesArguments(String.class, Properties.class)).and(concrete),
                                DriverAdvice.Connect.class.getName())
                        .include(getClass().getClassLoader()))
                .transform(recordType("Driver"))
                .type(isSubTypeOf(Connection.class).and(not(isInterface())))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(namedOneOf("prepareStatement", "prepareCall").and(takesArgument(0, String.class))
                                .and(returns(isSubTypeOf(Statement.class))).and(concrete), ConnectionAdvice.Prepare.class.getName())
                        .advice(named("createStatement").and(returns(isSubTypeOf(Statement.class))).and(concrete),
                                ConnectionAdvice.Create.class.getName())
                        .advice(named("setAutoCommit").and(takesArguments(boolean.class)).and(concrete),
                                ConnectionAdvice.SetAutoCommit.class.getName())
                        .advice(named("commit").and(takesArguments(0)).and(concrete), ConnectionAdvice.Commit.class.getName())
                        .advice(named("rollback").and(takesArguments(0)).and(concrete), ConnectionAdvice.Rollback.class.getName())
                        .advice(named("setTransactionIsolation").and(takesArguments(int.class)).and(concrete),
                                ConnectionAdvice.SetIsolation.class.getName())
                        .advice(named("close").and(takesArguments(0)).and(concrete), ConnectionAdvice.Close.class.getName())
                        .include(getClass().getClassLoader()))
                .transform(recordType("Connection"))
                .type(isSubTypeOf(Statement.class).and(not(isInterface())))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
                                .and(takesArgument(0, String.class)).and(concrete), StatementAdvice.ExecuteText.class.getName())
                        .advice(namedOneOf("execute", "executeQuery", "executeUpdate", "executeLargeUpdate")
                                .and(takesArguments(0)).and(PREPARED_STATEMENT_METHODS).and(concrete),
                                StatementAdvice.ExecutePrepared.class.getName())
                        .advice(named("addBatch").and(takesArguments(0)).and(concrete), StatementAdvice.AddBatch.class.getName())
                        .advice(named("addBatch").and(takesArguments(String.class)).and(concrete),
                                StatementAdvice.AddBatchText.class.getName())
                        .advice(namedOneOf("executeBatch", "executeLargeBatch").and(takesArguments(0)).and(concrete),
                                StatementAdvice.ExecuteBatch.class.getName())
                        .advice(nameStartsWith("set").and(takesArgument(0, int.class))
                                .and(takesArguments(2).or(takesArguments(3)))
                                .and(PREPARED_STATEMENT_METHODS).and(concrete),
                                StatementAdvice.Bind.class.getName())
                        .advice(named("clearParameters").and(takesArguments(0)).and(concrete),
                                StatementAdvice.ClearParameters.class.getName())
                        .advice(named("getResultSet").and(takesArguments(0)).and(concrete),
                                StatementAdvice.GetResultSet.class.getName())
                        .advice(named("close").and(takesArguments(0)).and(concrete), StatementAdvice.Close.class.getName())
                        .include(getClass().getClassLoader()))
                .transform(recordType("Statement"))
                .type(isSubTypeOf(ResultSet.class).and(not(isInterface())))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .advice(named("next").and(takesArguments(0)).and(concrete), ResultSetAdvice.Next.class.getName())
                        .advice(nameStartsWith("get").and(takesArgument(0, int.class).or(takesArgument(0, String.class)))
                                .and(takesArguments(1).or(takesArguments(2))).and(not(returns(void.class)))
                                .and(RESULT_SET_METHODS).and(concrete),
                                ResultSetAdvice.Get.class.getName())
                        .advice(named("close").and(takesArguments(0)).and(concrete), ResultSetAdvice.Close.class.getName())
                        .include(getClass().getClassLoader()))
                .transform(recordType("ResultSet"))
                .makeRaw();
        late.delegateTo(transformer);
        retransformLoaded(instrumentation);
    }

    /**
     * The JDBC classes loaded before the transformer was ready (all of them when attached to a running JVM):
     * retransformed now, which the prefilter lets through.
     */
    private static void retransformLoaded(Instrumentation instrumentation) {
        java.util.List<Class<?>> jdbc = new java.util.ArrayList<>();
        for (Class<?> loaded : instrumentation.getAllLoadedClasses()) {
            if (!loaded.isInterface() && !loaded.isArray() && instrumentation.isModifiableClass(loaded)
                    && (Connection.class.isAssignableFrom(loaded) || Statement.class.isAssignableFrom(loaded)
                            || ResultSet.class.isAssignableFrom(loaded) || Driver.class.isAssignableFrom(loaded))) {
                jdbc.add(loaded);
            }
        }
        for (Class<?> type : jdbc) {
            try {
                instrumentation.retransformClasses(type);
            } catch (Throwable e) {
                // it stays as it was: counted by the listener if ByteBuddy saw it fail
            }
        }
    }

    /**
     * One cache of type descriptions per class loader, the loader held weakly: a web application's or a test's loader
     * the application drops is still collected (ByteBuddy's own simple cache keeps them).
     */
    private static final class WeakTypePoolCache extends AgentBuilder.PoolStrategy.WithTypePoolCache {
        private final java.util.Map<ClassLoader, TypePool.CacheProvider> caches =
                java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

        WeakTypePoolCache() {
            super(TypePool.Default.ReaderMode.FAST);
        }

        @Override
        protected TypePool.CacheProvider locate(ClassLoader classLoader) {
            return caches.computeIfAbsent(classLoader, loader -> new TypePool.CacheProvider.Simple());
        }
    }

    /**
     * What is never a JDBC class, decided by name before any supertype is read: the JDK, the agent, and the large
     * frameworks and libraries of a test run that implement no {@code Connection}, {@code Statement},
     * {@code ResultSet} or {@code Driver} of their own (Spring's JDBC support and the pools are kept; their
     * connection proxies are JDK proxies or classes of their own packages). A driver or pool in one of these packages
     * would run unwatched.
     */
    static ElementMatcher.Junction<net.bytebuddy.description.type.TypeDescription> notJdbc() {
        ElementMatcher.Junction<net.bytebuddy.description.type.TypeDescription> ignored = isSynthetic();
        for (String prefix : JdbcPackages.NEVER_JDBC) {
            ignored = ignored.or(nameStartsWith(prefix));
        }
        for (String prefix : JdbcPackages.STILL_JDBC) {
            ignored = ignored.and(not(nameStartsWith(prefix)));
        }
        return ignored;
    }

    private AgentBuilder.Transformer recordType(String kind) {
        return (builder, type, classLoader, module, domain) -> {
            instrumented.add(kind + " " + type.getName());
            return builder;
        };
    }

    Set<String> instrumented() {
        return instrumented;
    }

    long transformErrors() {
        return transformErrors.get();
    }

    String firstTransformError() {
        return firstTransformError;
    }

    /**
     * A framework probing for an optional dependency ({@code ClassUtils.isPresent}) loads classes whose superclass or
     * interface is absent: that is how it learns the feature is off, in every Spring Boot test suite.
     */
    private static boolean missingSupertype(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException && cause.getMessage() != null
                    && cause.getMessage().startsWith("Cannot resolve type description for ")) {
                return true;
            }
        }
        return false;
    }

    /** A class that failed to transform stays as it was, silently: counted here and reported at exit instead. */
    private final class Listener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded, Throwable error) {
            if (missingSupertype(error)) {
                return; // its hierarchy names a class that is not there: the JVM cannot define it either, nothing runs unwatched
            }
            if (transformErrors.getAndIncrement() == 0) {
                firstTransformError = typeName + ": " + error;
            }
        }
    }
}
