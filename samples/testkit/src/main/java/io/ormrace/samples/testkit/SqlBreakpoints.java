package io.ormrace.samples.testkit;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The test hook of the race proofs. It sits between the application and its connection pool, so the samples stay
 * plain application code: a test arms a {@link Breakpoint} on a statement ("the select from post") and the first
 * thread that executes it is held right after it, between its read and its write.
 */
public final class SqlBreakpoints {

    private static final Set<String> EXECUTE_METHODS =
            Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final List<Breakpoint> armed = new CopyOnWriteArrayList<>();

    /** Holds the first thread to execute a statement matching {@code sql}, once it returns. */
    public Breakpoint pauseAfter(String description, Predicate<String> sql) {
        Breakpoint[] self = new Breakpoint[1];
        self[0] = new Breakpoint(description, sql, () -> armed.remove(self[0]));
        armed.add(self[0]);
        return self[0];
    }

    /** Releases and forgets every breakpoint, so that one proof cannot hold up the next. */
    public void clear() {
        armed.forEach(Breakpoint::close);
    }

    public DataSource wrap(DataSource target) {
        return proxy(DataSource.class, target, (method, args) -> {
            Object result = invoke(target, method, args);
            return result instanceof Connection connection ? wrap(connection) : result;
        });
    }

    private Connection wrap(Connection target) {
        Connection[] self = new Connection[1];
        self[0] = proxy(Connection.class, target, (method, args) -> {
            Object result = invoke(target, method, args);
            if (result instanceof CallableStatement statement) {
                return wrap(CallableStatement.class, statement, (String) args[0], self[0]);
            }
            if (result instanceof PreparedStatement statement) {
                return wrap(PreparedStatement.class, statement, (String) args[0], self[0]);
            }
            if (result instanceof Statement statement) {
                return wrap(Statement.class, statement, null, self[0]);
            }
            return result;
        });
        return self[0];
    }

    private <S extends Statement> S wrap(Class<S> type, S target, String preparedSql, Connection connection) {
        return proxy(type, target, (method, args) -> {
            if (method.getName().equals("getConnection")) {
                return connection;
            }
            Object result = invoke(target, method, args);
            if (EXECUTE_METHODS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                for (Breakpoint breakpoint : armed) {
                    breakpoint.afterExecute(sql);
                }
            }
            return result;
        });
    }

    private interface Handler {
        Object handle(Method method, Object[] args) throws Throwable;
    }

    private static <T> T proxy(Class<T> type, T target, Handler handler) {
        InvocationHandler invocation = (proxy, method, args) -> switch (method.getName()) {
            case "equals" -> proxy == args[0];
            case "hashCode" -> System.identityHashCode(proxy);
            case "toString" -> "breakpoints(" + target + ")";
            case "unwrap" -> ((Class<?>) args[0]).isInstance(proxy) ? proxy : invoke(target, method, args);
            case "isWrapperFor" -> ((Class<?>) args[0]).isInstance(proxy) || (boolean) invoke(target, method, args);
            default -> handler.handle(method, args);
        };
        return type.cast(Proxy.newProxyInstance(SqlBreakpoints.class.getClassLoader(), new Class<?>[] {type}, invocation));
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
